"""Fuzzing every subcommand: whatever arrives, the answer is exit 0 with valid JSON, or exit 1
with one Portuguese line on stderr (and, if anything, JSON on stdout). Never a traceback, never
a Python class name, never argparse's exit 2. main() runs in-process for speed; two real
subprocess runs are in cnab/tests/test_cli_cnab.py."""

import io
import json
import re
import sys
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from atende.banking.cli import main
from atende.banking.tests.fixtures import FIXTURES

PYTHON_NAMES = re.compile(r"Traceback|Error\b|Exception|NoneType|<class|object has no|\bdict\b")
CAIXA = {"bank": "104", "codigo_beneficiario": "005507", "nosso_numero": "14222333777777777",
         "valor": "321.12", "vencimento": "2006-08-23", "pagador": "Ana",
         "instrucoes": ["Não receber após o vencimento"]}  # fmt: skip
TITLE = {"nosso_numero": "4567", "numero_documento": "FAT-88", "vencimento": "2026-12-10",
         "valor": "150.00", "pagador": "João", "documento_pagador": "52998224725",
         "endereco": "Rua A", "cidade": "Campinas", "uf": "SP", "cep": "13010000",
         "multa": "2", "juros_dia": "0.05"}  # fmt: skip
REMESSA = {"bank": "104", "layout": "240", "agencia": "0667", "agencia_dv": "0",
           "convenio": "052634", "carteira": "RG", "empresa": "Atende",
           "documento_empresa": "11222333000181", "sequencial": 7, "titulos": [TITLE]}  # fmt: skip
FAST = settings(max_examples=120, deadline=None,
                suppress_health_check=[HealthCheck.too_slow])  # fmt: skip

leaves = (
    st.none() | st.booleans() | st.integers(min_value=-(10**40), max_value=10**40)
    | st.text(max_size=30) | st.sampled_from(["", "0", "-1", "1e400", "NaN", "10.005", "٣",
                                              "2049-10-14", "31/02/2026", "12A4", "1234-3"])
)  # fmt: skip
values = st.recursive(
    leaves, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8),
                                                                         inner, max_size=3),
    max_leaves=8,
)  # fmt: skip
# Raw JSON tokens json.dumps cannot produce: huge numbers, exponents, deep nesting, junk.
raw_tokens = st.sampled_from([
    "1" + "0" * 5000, "1" + "0" * 5000 + ".5", "1e5000", "-0.0", "[" * 3000 + "]" * 3000,
    "NaN", "Infinity", "null", "{", "\"\\ud800\"",
])  # fmt: skip


def mutated(base: dict, keys: list[str]) -> st.SearchStrategy[str]:
    """`base` as JSON with one key replaced, added or removed (or a raw token spliced in)."""
    key = st.sampled_from(keys) | st.text(max_size=8)

    def replace(pair: tuple[str, object]) -> str:
        return json.dumps(base | {pair[0]: pair[1]}, ensure_ascii=False)

    def remove(name: str) -> str:
        return json.dumps({k: v for k, v in base.items() if k != name})

    def splice(pair: tuple[str, str]) -> str:
        return json.dumps(base | {pair[0]: "@@"}).replace('"@@"', pair[1])

    return st.one_of(
        st.tuples(key, values).map(replace),
        key.map(remove),
        st.tuples(key, raw_tokens).map(splice),
        values.map(json.dumps),
        st.text(max_size=60),
    )


def run(args: list[str], stdin: bytes = b"") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    saved = sys.stdin, sys.stdout, sys.stderr
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    sys.stdout, sys.stderr = out, err
    try:
        code = main(args)
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved
    return code, out.getvalue(), err.getvalue()


def check(code: int, out: str, err: str) -> None:
    assert code in (0, 1), (code, err)
    assert not PYTHON_NAMES.search(err), err
    if code == 0:
        assert err == ""
        json.loads(out)
    else:
        assert err.startswith("Erro: ")
        assert err.count("\n") == 1, err
        if out:
            json.loads(out)


def as_list(items: list[str]) -> str:
    return "[" + ",".join(items) + "]"


boletos = mutated(CAIXA, list(CAIXA))
OTHER_BANKS = [  # the same título at the other banks that have a remessa
    REMESSA | {"bank": "341", "layout": "400", "agencia": "0057", "conta": "12345-7",
               "carteira": "109"},
    REMESSA | {"bank": "756", "agencia": "0001", "agencia_dv": "9", "conta": "123456-0",
               "convenio": "19"},
    REMESSA | {"bank": "748", "agencia": "0165", "conta": "00623-4", "posto": "02",
               "titulos": [TITLE | {"nosso_numero": "26/200001"}]},
    REMESSA | {"bank": "001", "layout": "400", "agencia": "1234", "agencia_dv": "3",
               "conta": "12345", "convenio": "1234567", "carteira": "17", "variacao": "019"},
]  # fmt: skip
remessas = (
    mutated(REMESSA, list(REMESSA))
    | mutated(TITLE, list(TITLE)).map(
        lambda title: json.dumps(REMESSA | {"titulos": "@@"}).replace('"@@"', f"[{title}]")
    )
    | st.sampled_from(OTHER_BANKS).flatmap(lambda base: mutated(base, list(base)))
)
fixtures = st.sampled_from(sorted((FIXTURES / "returns").iterdir()))
damaged = fixtures.flatmap(
    lambda path: st.tuples(st.integers(0, 3000), st.binary(min_size=1, max_size=3)).map(
        lambda cut: path.read_bytes()[: cut[0]] + cut[1] + path.read_bytes()[cut[0] + 1 :]
    )
)
options = st.sampled_from(["--key", "--name", "--city", "--amount", "--txid", "--info", "--cep"])
arguments = st.text(
    alphabet=st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00"), max_size=30
)
PIX = {"key": "pix@atende.com.br", "name": "Atende", "city": "Campinas", "amount": "10.50",
       "txid": "FAT1"}  # fmt: skip
pix_inputs = mutated(PIX, [*PIX, "info", "postal_code"])
linhas = arguments | st.sampled_from([
    "10490.05505 77222.133348 77777.777713 4 32420000032112",
    "10494324200000321120055077222133347777777771",
])  # fmt: skip


@given(boletos | st.lists(boletos, max_size=3).map(as_list))
@FAST
def test_boleto(stdin):
    check(*run(["boleto"], stdin.encode("utf-8", "surrogatepass")))


@given(remessas)
@FAST
def test_remessa(stdin):
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "out.rem"
        code, out, err = run(["remessa", "-o", str(target)], stdin.encode("utf-8", "surrogatepass"))
        check(code, out, err)
        assert target.exists() == (code == 0)


@given(st.binary(max_size=2000) | damaged)
@FAST
def test_retorno(data):
    with tempfile.NamedTemporaryFile(suffix=".ret") as handle:
        handle.write(data)
        handle.flush()
        check(*run(["retorno", handle.name]))
    check(*run(["retorno", "-"], data))


@given(st.lists(st.tuples(options, arguments), max_size=6), pix_inputs)
@FAST
def test_pix(pairs, stdin):
    args = ["pix"] + [item for pair in pairs for item in pair]
    check(*run(args, stdin.encode("utf-8", "surrogatepass")))


@given(arguments)
@FAST
def test_pix_parse(payload):
    check(*run(["pix", "--parse", payload]))


@given(linhas)
@FAST
def test_linha(code):
    check(*run(["linha", code]))
    check(*run(["linha"], code.encode()))


@given(st.lists(boletos, min_size=1, max_size=2).map(as_list))
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_pdf(stdin):
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "b.pdf"
        code, out, err = run(["pdf", "-o", str(target)], stdin.encode("utf-8", "surrogatepass"))
        check(code, out, err)
        assert target.exists() == (code == 0)


@given(st.lists(arguments, max_size=4))
@FAST
def test_any_arguments(args):
    if any(arg.startswith("-h") or arg.startswith("--h") for arg in args):
        return  # --help prints the usage and exits 0 on purpose
    check(*run(args))
