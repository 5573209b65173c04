"""Typed codes (manual settlement) and PIX BR Codes."""

from datetime import date
from decimal import Decimal

import pytest

from atende.banking.errors import BankingError
from atende.banking.linha import parse_code
from atende.banking.pix import crc16, pix_encode, pix_parse, pix_payload
from atende.banking.tests.fixtures import require_fixtures, vectors

BRADESCO_MANUAL = "23790.03102 40031.772003 28009.527905 7 10010000000000"  # BRA-400 p.29-30
CAIXA_MANUAL = "10490.05505 77222.133348 77777.777713 4 32420000032112"  # CX-BOL Anexo V


def test_manual_linha_parses_with_every_check_digit_valid():
    parsed = parse_code(CAIXA_MANUAL, today=date(2006, 8, 1))
    assert (parsed.bank, parsed.amount, parsed.due_date) == (
        "104",
        Decimal("321.12"),
        date(2006, 8, 23),
    )
    assert parsed.barcode == "10494324200000321120055077222133347777777771"
    assert parsed.is_valid is True


def test_due_date_after_the_2025_restart_is_read_near_today():
    parsed = parse_code(BRADESCO_MANUAL, today=date(2026, 11, 22))
    assert (parsed.factor, parsed.due_date) == (1001, date(2025, 2, 23))


def test_a_typo_is_caught_by_the_field_digit():
    typo = CAIXA_MANUAL.replace("77222", "77223", 1)
    parsed = parse_code(typo, today=date(2006, 8, 1))
    assert parsed.field_dvs_valid == (True, False, True)
    assert parsed.is_valid is False


def test_barcode_with_a_wrong_general_digit_is_invalid():
    assert parse_code("10495324200000321120055077222133347777777771").barcode_dv_valid is False


@pytest.mark.parametrize("text", ["", "123", "abc" * 20, "1" * 46])
def test_nonsense_gets_a_clear_error(text):
    with pytest.raises(BankingError):
        parse_code(text)


def test_crc_check_value():
    assert crc16("123456789") == "29B1"


def test_pix_vectors_parse_validate_and_round_trip():
    require_fixtures()
    for vector in vectors("pix_brcode"):
        payload = vector["expected"]["payload"]
        parsed = pix_parse(payload)
        assert parsed.key == vector["inputs"]["pix_key"], vector["id"]
        assert payload[-4:] == vector["expected"]["crc16"]
        assert pix_encode(parsed.fields) == payload, vector["id"]


@pytest.mark.parametrize(
    ("vector_id", "uppercase"), [("pix-01", False), ("pix-02", False), ("pix-03", False),
                                 ("pix-04", True), ("pix-05", True)],
)  # fmt: skip
def test_pix_payload_matches_the_vectors_that_share_our_normalisation(vector_id, uppercase):
    require_fixtures()
    vector = next(v for v in vectors("pix_brcode") if v["id"] == vector_id)
    inputs = vector["inputs"]
    amount = inputs.get("amount")
    if inputs.get("amount_cents"):
        amount = Decimal(inputs["amount_cents"]) / 100
    payload = pix_payload(
        key=inputs["pix_key"], name=inputs["merchant_name"], city=inputs["merchant_city"],
        amount=amount, txid=inputs.get("txid"), info=inputs.get("info_adicional", ""),
        uppercase=uppercase,
    )  # fmt: skip
    assert payload == vector["expected"]["payload"]


def test_pix_with_a_broken_crc_is_refused():
    payload = pix_payload(key="pix@atende.com.br", name="Atende", city="Campinas", amount="10")
    with pytest.raises(BankingError, match="CRC"):
        pix_parse(payload[:-1] + ("0" if payload[-1] != "0" else "1"))
