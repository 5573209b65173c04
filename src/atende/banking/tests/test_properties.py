"""Properties over random inputs: check digits verify, linha ↔ barcode, parsers never crash."""

import contextlib
from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from atende.banking.barcode import barcode_from_linha
from atende.banking.boleto import boleto_codes, boleto_from_inputs
from atende.banking.errors import BankingError
from atende.banking.linha import parse_code
from atende.banking.pix import pix_parse

amounts = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("9999999.99"), places=2)
dues = st.dates(min_value=date(2000, 7, 3), max_value=date(2060, 12, 31))
digits = st.text(alphabet="0123456789", min_size=1, max_size=5)


@st.composite
def boleto_inputs(draw) -> dict:
    bank = draw(st.sampled_from(["001", "104", "237"]))
    agency = draw(st.text("0123456789", min_size=4, max_size=4))
    common = {"valor": str(draw(amounts)), "vencimento": draw(dues).isoformat(),
              "nosso_numero": draw(digits), "agencia": agency}  # fmt: skip
    if bank == "001":
        convenio = draw(st.sampled_from(["1234", "123456", "1234567", "12345678"]))
        return {**common, "bank": bank, "convenio": convenio, "conta": "12345", "carteira": "17"}
    if bank == "104":
        code = draw(st.sampled_from(["005507", "1242119"]))
        return {**common, "bank": bank, "codigo_beneficiario": code, "carteira": "RG"}
    return {**common, "bank": bank, "conta": "1234567", "carteira": "09"}


@given(boleto_inputs())
@settings(max_examples=300)
def test_any_valid_boleto_verifies_and_round_trips(inputs):
    codes = boleto_codes(boleto_from_inputs(inputs))
    parsed = parse_code(codes.linha_digitavel, today=date.fromisoformat(inputs["vencimento"]))
    assert parsed.is_valid
    assert parse_code(codes.barcode).barcode_dv_valid
    assert barcode_from_linha(parsed.linha_digitavel) == codes.barcode
    assert parsed.amount == Decimal(inputs["valor"])
    assert parsed.due_date == date.fromisoformat(inputs["vencimento"])


@given(st.text(max_size=80))
def test_code_parser_raises_only_its_own_error(text):
    with contextlib.suppress(BankingError):
        parse_code(text)


@given(st.text(max_size=200))
def test_pix_parser_raises_only_its_own_error(text):
    with contextlib.suppress(BankingError):
        pix_parse(text)


def test_due_dates_near_the_2025_restart_keep_distinct_factors():
    base = date(2025, 2, 20)
    factors = [boleto_codes(boleto_from_inputs({
        "bank": "237", "agencia": "1", "conta": "1", "carteira": "9", "nosso_numero": "1",
        "valor": "1", "vencimento": (base + timedelta(days=n)).isoformat()})).barcode[5:9]
        for n in range(4)]  # fmt: skip
    assert factors == ["9998", "9999", "1000", "1001"]
