"""Properties over random inputs: check digits verify, linha ↔ barcode, parsers never crash."""

import contextlib
import json
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from atende.banking.barcode import barcode_from_linha, linha_from_barcode
from atende.banking.boleto import boleto_codes, boleto_from_inputs
from atende.banking.digits import barcode_dv, modulo10
from atende.banking.errors import BankingError
from atende.banking.factor import LAST_DUE, due_factor, factor_to_date
from atende.banking.linha import parse_code
from atende.banking.pix import pix_parse, pix_payload

amounts = st.decimals(min_value=Decimal("0.00"), max_value=Decimal("9999999.99"), places=2)
dues = st.dates(min_value=date(2000, 7, 3), max_value=LAST_DUE)  # the published fator rule
ascii_digits = st.text(alphabet="0123456789", min_size=1, max_size=4)


def _digits(draw: st.DrawFn, low: int, high: int) -> str:
    return draw(st.text(alphabet="0123456789", min_size=low, max_size=high))


BANKS = ["001", "033", "104", "237", "341", "748", "756"]


@st.composite
def boleto_inputs(draw: st.DrawFn, bank: str | None = None) -> dict[str, Any]:
    """Valid inputs for every supported layout of the seven banks (or of one)."""
    common = {"valor": str(draw(amounts)), "vencimento": draw(dues).isoformat(),
              "agencia": _digits(draw, 1, 4)}  # fmt: skip
    bank = bank or draw(st.sampled_from(BANKS))
    if bank == "001":
        convenio_length = draw(st.sampled_from([4, 6, 7, 8]))
        sequence_length = {4: 7, 6: 5, 7: 10, 8: 9}[convenio_length]
        free = convenio_length == 6 and draw(st.booleans())
        return {**common, "bank": bank, "convenio": "1" + _digits(draw, convenio_length - 1,
                convenio_length - 1), "conta": _digits(draw, 1, 8),
                "carteira": draw(st.sampled_from(["11", "17", "18"])),
                "nosso_numero": _digits(draw, 1, 17 if free else sequence_length),
                "codigo_servico": free}  # fmt: skip
    if bank == "104":
        code = draw(st.one_of(st.just("005507"), _seven_digit_codes()))
        return {**common, "bank": bank, "codigo_beneficiario": code,
                "carteira": draw(st.sampled_from(["RG", "SR"])),
                "nosso_numero": _digits(draw, 1, 15)}  # fmt: skip
    if bank in MORE_BANKS:
        return {**common, "bank": bank, **draw(MORE_BANKS[bank])}
    return {**common, "bank": bank, "conta": _digits(draw, 1, 7), "carteira": _digits(draw, 1, 2),
            "nosso_numero": _digits(draw, 1, 11)}  # fmt: skip


@st.composite
def _itau(draw: st.DrawFn) -> dict[str, Any]:
    # Carteiras comuns, one of Anexo 4's "carteira + NN" DACs and one of 15 positions.
    wallet = draw(st.sampled_from(["109", "110", "112", "157", "175", "126", "168", "198"]))
    extra = {"seu_numero": _digits(draw, 1, 7), "codigo_cliente": _digits(draw, 1, 5)}
    return {"conta": _digits(draw, 1, 5), "carteira": wallet,
            "nosso_numero": _digits(draw, 1, 8), **(extra if wallet == "198" else {})}  # fmt: skip


@st.composite
def _santander(draw: st.DrawFn) -> dict[str, Any]:
    return {"codigo_beneficiario": _digits(draw, 1, 7), "nosso_numero": _digits(draw, 1, 12),
            "carteira": draw(st.sampled_from(["101", "102", "121", "201"])),
            "iof": draw(st.sampled_from(["", "0", "7"]))}  # fmt: skip


@st.composite
def _sicoob(draw: st.DrawFn) -> dict[str, Any]:
    return {"codigo_beneficiario": _digits(draw, 1, 7), "nosso_numero": _digits(draw, 1, 7),
            "carteira": draw(st.sampled_from(["1", "3"])),
            "modalidade": draw(st.sampled_from(["", "01", "02", "03", "05"])),
            "parcela": str(draw(st.integers(1, 999)))}  # fmt: skip


@st.composite
def _sicredi(draw: st.DrawFn) -> dict[str, Any]:
    return {"codigo_beneficiario": _digits(draw, 1, 5), "posto": _digits(draw, 1, 2),
            "carteira": draw(st.sampled_from(["1", "3", "A", "C"])),
            "ano": _digits(draw, 2, 2), "byte_idt": draw(st.sampled_from("123456789")),
            "sequencial": _digits(draw, 1, 5)}  # fmt: skip


MORE_BANKS = {"341": _itau(), "033": _santander(), "756": _sicoob(), "748": _sicredi()}


def _seven_digit_codes() -> st.SearchStrategy[str]:
    return st.integers(min_value=1_100_000, max_value=9_999_999).map(str)


@pytest.mark.parametrize("bank", BANKS)
@given(data=st.data())
@settings(max_examples=200, deadline=None)
def test_any_valid_boleto_verifies_and_round_trips(bank, data):
    inputs = data.draw(boleto_inputs(bank))
    codes = boleto_codes(boleto_from_inputs(inputs))
    barcode, digits = codes.barcode, codes.linha_digitavel.replace(".", "").replace(" ", "")
    # The DVs verify, computed independently of the code under test's parser.
    assert len(barcode) == 44
    assert barcode.isdigit()
    assert int(barcode[4]) == barcode_dv(barcode[:4] + barcode[5:]) != 0
    for start, end in ((0, 9), (10, 20), (21, 31)):
        assert int(digits[end]) == modulo10(digits[start:end])
    # linha ↔ barcode, and the typed-code reader gives the inputs back.
    assert barcode_from_linha(digits) == barcode
    assert linha_from_barcode(barcode) == digits
    due = date.fromisoformat(inputs["vencimento"])
    parsed = parse_code(codes.linha_digitavel, today=due)
    assert parsed.is_valid
    assert (parsed.bank, parsed.amount, parsed.due_date) == (
        inputs["bank"],
        Decimal(inputs["valor"]),
        due,
    )
    assert parsed.free_field == codes.free_field


@pytest.mark.parametrize("bank", BANKS)
@given(data=st.data())
@settings(max_examples=100, deadline=None)
def test_the_printed_nosso_numero_reads_back_to_the_same_codes(bank, data):
    """What the boleto prints as nosso número, typed back with the rest, gives the same codes."""
    inputs = data.draw(boleto_inputs(bank))
    codes = boleto_codes(boleto_from_inputs(inputs))
    retyped = {**inputs, "nosso_numero": codes.nosso_numero, "sequencial": None}
    assert boleto_codes(boleto_from_inputs(retyped)) == codes


@given(boleto_inputs(), st.integers(min_value=0, max_value=32), st.integers(1, 9))
def test_a_single_wrong_digit_in_fields_1_to_4_is_always_noticed(inputs, position, shift):
    """Mod 10 catches every single-digit error in fields 1-3, and a changed DV geral shows.

    Field 5 (fator + valor) is not asserted: only the DV geral covers it, and its mapping of
    residues 0, 1 and 10 to the same DV 1 (FACTS.md §2) lets some single-digit errors through.
    """
    digits = boleto_codes(boleto_from_inputs(inputs)).linha_digitavel
    digits = digits.replace(".", "").replace(" ", "")
    wrong = digits[:position] + str((int(digits[position]) + shift) % 10) + digits[position + 1 :]
    today = date.fromisoformat(inputs["vencimento"])
    if position == 3:  # the currency digit: anything but 9 is refused outright
        with pytest.raises(BankingError, match="Moeda diferente de Real"):
            parse_code(wrong, today=today)
        return
    assert not parse_code(wrong, today=today).is_valid


@given(dues)
def test_due_factor_decodes_back_near_its_date(due):
    factor = due_factor(due)
    assert 1000 <= factor <= 9999
    assert factor_to_date(factor, today=due) == due


# Text made of what people type: digits (including other scripts'), separators, letters.
typed_text = st.text(
    alphabet=st.sampled_from(list("0123456789 .-\t\n²¹١٣x")), max_size=60
) | st.text(max_size=80)


@given(typed_text)
@example("1" * 47)
@example("0" * 44)
@example("²" * 47)
def test_code_parser_raises_only_its_own_error(text):
    with contextlib.suppress(BankingError):
        assert len(parse_code(text).barcode) == 44


@given(st.text(max_size=200) | st.text(alphabet="0123456789ABCDEF.brgovcbpix*", max_size=200))
@example(
    "00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-4266554400005204000053039865802BR"
)
@example("000201\ud800aaaaaaaaaaa6304ABCD")
def test_pix_parser_raises_only_its_own_error(text):
    with contextlib.suppress(BankingError):
        pix_parse(text)


@given(
    name=st.text(max_size=40),
    city=st.text(max_size=30),
    amount=st.none() | st.decimals(min_value=0, max_value=Decimal("9999999999.99"), places=2),
    txid=st.none() | st.text(alphabet="ABCXYZabc0189", min_size=1, max_size=25),
)
def test_pix_payload_parses_back(name, city, amount, txid):
    try:
        payload = pix_payload(key="pix@atende.com.br", name=name, city=city, amount=amount,
                              txid=txid)  # fmt: skip
    except BankingError as error:
        refused = error.field
    else:
        refused = None
    if refused:  # only an empty name or city after normalisation is refused here
        assert refused in ("name", "city")
        return
    parsed = pix_parse(payload)
    assert len(parsed.name) <= 25
    assert len(parsed.city) <= 15
    assert parsed.name == parsed.name.upper()
    assert parsed.name.isascii()
    assert parsed.amount == (amount if amount else None)
    assert parsed.txid == (txid or "***")


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(), children),
    max_leaves=8,
)
keys = st.sampled_from(["bank", "agencia", "conta", "convenio", "codigo_beneficiario",
                        "carteira", "nosso_numero", "valor", "vencimento", "modalidade",
                        "instrucoes", "codigo_servico", "nosso_numero_dv", "posto", "ano",
                        "byte_idt", "parcela", "iof", "seu_numero", "codigo_cliente",
                        "conta_dv", "sequencial", "data_documento", "pix"])  # fmt: skip


@given(st.dictionaries(keys, json_values), boleto_inputs())
def test_boleto_inputs_of_any_shape_raise_only_banking_errors(noise, inputs):
    for candidate in (noise, {**inputs, **noise}):
        with contextlib.suppress(BankingError):
            boleto_codes(boleto_from_inputs(json.loads(json.dumps(candidate))))
