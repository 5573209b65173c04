"""`retorno` and `remessa` from the command line: JSON out, Portuguese refusals, nothing
written when the input is refused."""

import io
import json
import re
import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from atende.banking.cli import main
from atende.banking.cnab.remessa_reader import read_remessa
from atende.banking.tests.fixtures import FIXTURES

SRC = Path(__file__).resolve().parents[4]
RETURNS = FIXTURES / "returns"
PYTHON_NAMES = re.compile(r"Traceback|Error\b|Exception|NoneType|<class|object has no")
REMESSA = {
    "bank": "104", "layout": "240", "agencia": "0667", "agencia_dv": "0",
    "convenio": "052634", "carteira": "RG", "empresa": "Atende Serviços Ltda",
    "documento_empresa": "11.222.333/0001-81", "sequencial": 7,
    "titulos": [{
        "nosso_numero": "4567", "numero_documento": "FAT-88", "vencimento": "2026-12-10",
        "valor": "150.00", "pagador": "João da Silva", "documento_pagador": "529.982.247-25",
        "endereco": "Rua das Flores, 10", "cidade": "Campinas", "uf": "SP", "cep": "13010-000",
        "data_emissao": "01/12/2026", "multa": "2.00", "juros_dia": "0.05",
        "desconto": "5.00", "desconto_ate": "2026-12-05",
    }],
}  # fmt: skip


def call(monkeypatch, capsys, *args: str, stdin: str | bytes = "") -> tuple[int, str, str]:
    raw = stdin.encode() if isinstance(stdin, str) else stdin
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8"))
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def refused(monkeypatch, capsys, *args: str, stdin: str = "") -> dict[str, object]:
    code, out, err = call(monkeypatch, capsys, *args, stdin=stdin)
    assert code == 1
    assert err.count("\n") == 1
    assert err.startswith("Erro: ")
    assert not PYTHON_NAMES.search(out + err), out + err
    answer = json.loads(out)
    assert err == f"Erro: {answer['error']}\n"
    return answer


def test_retorno_prints_every_occurrence_as_json(monkeypatch, capsys):
    code, out, err = call(monkeypatch, capsys, "retorno", str(RETURNS / "caixa-cnab400-1.ret"))
    assert (code, err) == (0, "")
    answer = json.loads(out)
    assert answer["summary"] == {"occurrences": 3, "payments": 1, "amount_paid": "1.13",
                                 "reversals": 0}  # fmt: skip
    paid = answer["occurrences"][0]
    assert {key: paid[key] for key in ("code", "kind", "is_payment", "nosso_numero_printed",
                                       "amount_paid", "fine", "credit_date", "reasons")} == {
        "code": "21", "kind": "payment", "is_payment": True,
        "nosso_numero_printed": "14000000073110483-3", "amount_paid": "1.13", "fine": "0.00",
        "credit_date": "2021-02-02", "reasons": [],
    }  # fmt: skip
    assert answer["header"]["agreement"] == "1103388"


def test_every_occurrence_field_reaches_the_json():
    import dataclasses

    from atende.banking.cnab import parse_return
    from atende.banking.cnab.cli import occurrence_json
    from atende.banking.cnab.models import Occurrence

    first = parse_return((RETURNS / "bb-cnab240-1.ret").read_bytes()).occurrences[0]
    answer = occurrence_json(first)
    assert set(answer) == {field.name for field in dataclasses.fields(Occurrence)} | {"is_payment"}
    assert (answer["other_expenses"], answer["due_date"], answer["kind"]) == (
        "0.04",
        None,
        "payment",
    )


def test_retorno_reads_stdin(monkeypatch, capsys):
    data = (RETURNS / "bb-cnab400-3.ret").read_bytes()
    code, out, _ = call(monkeypatch, capsys, "retorno", "-", stdin=data)
    assert (code, json.loads(out)["summary"]["amount_paid"]) == (0, "25.00")


@pytest.mark.parametrize(
    ("args", "message", "line"),
    [
        (["retorno", "/nao/existe.ret"], "Não foi possível ler o arquivo: arquivo ou pasta não "
                                         "encontrado.", None),
        (["retorno", "/"], "Não foi possível ler o arquivo: é uma pasta, não um arquivo.", None),
        (["retorno", "/dev/zero"], "Linha 1: linha com mais de 401 caracteres (não é um "
                                   "arquivo CNAB)", 1),
        (["retorno", str(RETURNS / "caixa-cnab240-1.ret"), "--max-mb", "0"],
         "--max-mb: de 1 a 4096.", None),
        (["retorno"], "faltam os argumentos: file", None),
        (["retorno", "a.ret", "--max-mb", "x"], "argumento --max-mb: valor inválido 'x'", None),
    ],
)  # fmt: skip
def test_retorno_refusals(monkeypatch, capsys, args, message, line):
    answer = refused(monkeypatch, capsys, *args)
    assert answer["error"] == message
    assert answer.get("line") == line


def test_retorno_of_a_damaged_file_names_the_line(monkeypatch, capsys, tmp_path):
    damaged = tmp_path / "cut.ret"
    lines = (RETURNS / "caixa-cnab240-2.ret").read_text().split("\n")
    damaged.write_text("\n".join([*lines[:3], lines[3][:100], *lines[4:]]))
    answer = refused(monkeypatch, capsys, "retorno", str(damaged))
    assert (answer["field"], answer["line"]) == ("arquivo", 4)


def test_remessa_to_a_file_with_fine_interest_and_discount(monkeypatch, capsys, tmp_path):
    target = tmp_path / "CB0107.REM"
    code, out, err = call(monkeypatch, capsys, "remessa", "-o", str(target),
                          stdin=json.dumps(REMESSA))  # fmt: skip
    assert (code, err, json.loads(out)) == (0, "", {"file": str(target), "bytes": 1694,
                                                    "records": 7})  # fmt: skip
    layout, bank, [entry] = read_remessa(target.read_bytes())
    assert (layout, bank, entry.amount, entry.due_date) == (
        "240", "104", Decimal("150.00"), date(2026, 12, 10))  # fmt: skip
    assert (entry.fine_percent, entry.interest_per_day, entry.discount_amount) == (
        Decimal("2.00"), Decimal("0.05"), Decimal("5.00"))  # fmt: skip
    assert list(tmp_path.iterdir()) == [target]


def test_remessa_for_sicredi_with_its_posto(monkeypatch, capsys):
    sicredi = REMESSA | {"bank": "748", "agencia": "0165", "conta": "41468-8",
                         "convenio": "00623", "posto": "02"}  # fmt: skip
    sicredi["titulos"] = [REMESSA["titulos"][0] | {"nosso_numero": "07/200003-1"}]
    code, out, err = call(monkeypatch, capsys, "remessa", stdin=json.dumps(sicredi))
    assert (code, err) == (0, "")
    assert out.split("\r\n")[2][37:57] == "072000031".ljust(20)


def test_remessa_to_stdout(monkeypatch, capsys):
    code, out, _ = call(monkeypatch, capsys, "remessa", stdin=json.dumps(REMESSA))
    assert code == 0
    assert out.startswith("10400000")
    assert out.count("\r\n") == 7


def bad(**changes) -> str:
    titles = changes.pop("titulos", None)
    title_changes = changes.pop("titulo", {})
    data = REMESSA | changes
    data["titulos"] = titles if titles is not None else [REMESSA["titulos"][0] | title_changes]
    return json.dumps(data)


@pytest.mark.parametrize(
    ("stdin", "field", "message"),
    [
        (bad(titulo={"valor": "-5.00"}), "titulos[0].valor", "o valor não pode ser negativo."),
        (bad(titulo={"valor": "10.005"}), "titulos[0].valor", "no máximo duas casas decimais."),
        (bad(titulo={"valor": None}), "titulos[0].valor", "titulos[0].valor: campo obrigatório."),
        (bad(titulo={"valor": [1]}), "titulos[0].valor",
         "titulos[0].valor: deve ser um texto ou um número."),
        (bad(titulo={"vencimento": "2050-01-01"}), "titulos[0].vencimento", "Vencimento: entre"),
        (bad(titulo={"juros": "1.00"}), "titulos[0].juros", "campo desconhecido “juros”"),
        (bad(agencia="12A4"), "agencia", "Agência: use apenas dígitos (recebido “12A4”)."),
        (bad().replace('"titulos": [', '"titulos": null, "x": ['), "x",
         "Campo desconhecido “x”."),
        (json.dumps({k: v for k, v in REMESSA.items() if k != "bank"}), "bank",
         "bank: campo obrigatório (001, 104, 237, 341, 756 ou 748)."),
        (json.dumps(REMESSA | {"titulos": None}), "titulos", "envie uma lista de títulos."),
        (json.dumps(REMESSA | {"titulos": [None]}), "titulos[0]",
         "titulos[0]: cada título deve ser um objeto JSON."),
        (json.dumps([REMESSA]), "remessa", "Envie um objeto JSON"),
        ("null", "remessa", "Envie um objeto JSON"),
        (bad(sequencial="9" * 5000), "sequencial", "sequencial: um número inteiro de 1 a 999999."),
        (bad(sequencial=True), "sequencial", "sequencial: deve ser um texto ou um número."),
        (bad(titulo={"nosso_numero": "9" * 5000}), "titulos[0].nosso_numero",
         "Nosso número: no máximo 15 dígitos (recebido 5000)."),
        (bad().replace('"150.00"', "1" + "0" * 5000), "entrada",
         "JSON inválido na entrada: número com dígitos demais."),
        (bad().replace('"150.00"', "1" + "0" * 5000 + ".5"), "titulos[0].valor",
         "Valor: no máximo 9999999.99"),
        ("[" * 100_000 + "]" * 100_000, "entrada", "aninhamento profundo demais"),
        ('{"bank": 104', "entrada", "JSON inválido na entrada (linha 1, coluna 13)."),
        (bad(layout="400"), "bank", "Remessa CNAB 400 do banco 104 não suportada."),
    ],
)  # fmt: skip
def test_remessa_refusals_write_nothing(monkeypatch, capsys, tmp_path, stdin, field, message):
    target = tmp_path / "out.rem"
    answer = refused(monkeypatch, capsys, "remessa", "-o", str(target), stdin=stdin)
    assert answer["field"] == field
    assert message in answer["error"]
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("item", "field", "message"),
    [
        ({"valor": "1.00"}, "bank", "Banco: campo obrigatório (bank)."),
        ({"bank": "104", "valor": [1]}, "valor", "valor: use um texto ou um número."),
        ({"bank": None, "valor": "1"}, "bank", "Banco: campo obrigatório (bank)."),
        ({"bank": "104", "codigo_beneficiario": "005507", "nosso_numero": "1", "valor": "1.00",
          "vencimento": "2049-10-14"}, "vencimento", "ainda não foi publicado pela FEBRABAN"),
    ],
)  # fmt: skip
def test_boleto_refusals_name_the_field(monkeypatch, capsys, item, field, message):
    answer = refused(monkeypatch, capsys, "boleto", stdin=json.dumps(item))
    assert answer["field"] == field
    assert message in answer["error"]


def test_boleto_on_the_last_published_factor_date_still_works(monkeypatch, capsys):
    item = {"bank": "104", "codigo_beneficiario": "005507", "nosso_numero": "1",
            "valor": "1.00", "vencimento": "2049-10-13"}  # fmt: skip
    code, out, _ = call(monkeypatch, capsys, "boleto", stdin=json.dumps(item))
    assert (code, json.loads(out)["barcode"][5:9]) == (0, "9999")


@pytest.mark.parametrize("stdin", ["null", "[1, null]", '"texto"'])
def test_boleto_top_level_null_or_scalars(monkeypatch, capsys, stdin):
    code, out, err = call(monkeypatch, capsys, "boleto", stdin=stdin)
    assert code == 1
    assert err.count("\n") == 1
    assert not PYTHON_NAMES.search(out + err)


def test_pdf_with_an_unreadable_logo_leaves_no_file(monkeypatch, capsys, tmp_path):
    logo = tmp_path / "logo.png"
    logo.write_text("not an image")
    item = {"bank": "104", "codigo_beneficiario": "005507", "nosso_numero": "1",
            "valor": "1.00", "vencimento": "2026-08-23"}  # fmt: skip
    target = tmp_path / "b.pdf"
    answer = refused(monkeypatch, capsys, "pdf", "-o", str(target), "--logo", str(logo),
                     stdin=json.dumps(item))  # fmt: skip
    assert answer["field"] == "logo"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["logo.png"]


def test_subprocess_runs_leave_no_traceback(tmp_path):
    env = {"PYTHONPATH": str(SRC), "PATH": ""}
    for args, stdin in ((["remessa"], "[" * 50_000), (["retorno", "/dev/null"], ""),
                        (["pix", "--amount", "9" * 5000, "--key", "a@b.com", "--name", "A",
                          "--city", "B"], "")):  # fmt: skip
        result = subprocess.run([sys.executable, "-m", "atende.banking", *args], input=stdin,
                                capture_output=True, text=True, env=env, check=False)  # fmt: skip
        assert result.returncode == 1, result.stderr
        assert result.stderr.count("\n") == 1
        assert "Traceback" not in result.stderr
