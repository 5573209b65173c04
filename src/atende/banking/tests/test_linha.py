"""Typed linha digitável or barcode (manual settlement): bank, amount, due date, each DV."""

from datetime import date
from decimal import Decimal

import pytest

from atende.banking.digits import barcode_dv
from atende.banking.errors import BankingError
from atende.banking.linha import parse_code

BRADESCO_MANUAL = "23790.03102 40031.772003 28009.527905 7 10010000000000"  # BRA-400 p.29-30
CAIXA_MANUAL = "10490.05505 77222.133348 77777.777713 4 32420000032112"  # CX-BOL Anexo V
CAIXA_BARCODE = "10494324200000321120055077222133347777777771"


def test_manual_linha_parses_with_every_check_digit_valid():
    parsed = parse_code(CAIXA_MANUAL, today=date(2006, 8, 1))
    assert (parsed.kind, parsed.bank, parsed.bank_name) == (
        "linha",
        "104",
        "Caixa Econômica Federal",
    )
    assert (parsed.amount, parsed.factor, parsed.due_date) == (
        Decimal("321.12"),
        3242,
        date(2006, 8, 23),
    )
    assert parsed.barcode == CAIXA_BARCODE
    assert parsed.free_field == "0055077222133347777777771"
    assert [(c.name, c.typed, c.expected) for c in parsed.field_dvs] == [
        ("campo 1", "5", "5"),
        ("campo 2", "8", "8"),
        ("campo 3", "3", "3"),
    ]
    assert (parsed.general_dv.typed, parsed.general_dv.expected) == ("4", "4")
    assert parsed.is_valid is True


def test_barcode_input_has_no_field_digits_and_the_same_result():
    parsed = parse_code(CAIXA_BARCODE, today=date(2006, 8, 1))
    assert parsed.kind == "barcode"
    assert parsed.field_dvs == ()
    assert parsed.linha_digitavel == CAIXA_MANUAL.replace(".", "").replace(" ", "")
    assert (parsed.amount, parsed.due_date, parsed.is_valid) == (
        Decimal("321.12"),
        date(2006, 8, 23),
        True,
    )


@pytest.mark.parametrize(
    "typed",
    [
        "10490055057722213334877777777713432420000032112",
        "10490-05505 77222-133348\n77777.777713\t4 32420000032112",
        "  10490.05505  77222.133348  77777.777713  4  32420000032112  ",
    ],
)
def test_punctuation_and_spacing_do_not_matter(typed):
    assert parse_code(typed, today=date(2006, 8, 1)).barcode == CAIXA_BARCODE


def test_due_date_after_the_2025_restart_is_read_near_today():
    parsed = parse_code(BRADESCO_MANUAL, today=date(2026, 11, 22))
    assert (parsed.factor, parsed.due_date) == (1001, date(2025, 2, 23))
    # The same fator printed in July 2000, read from back then.
    assert parse_code(BRADESCO_MANUAL, today=date(2000, 7, 1)).due_date == date(2000, 7, 4)


def test_a_typo_is_caught_by_its_field_digit():
    typo = CAIXA_MANUAL.replace("77222", "77223", 1)
    parsed = parse_code(typo, today=date(2006, 8, 1))
    assert parsed.field_dvs_valid == (True, False, True)
    # 7722313334 with weights 2,1,2,1… from the right: 8+3+6+3+2+3+4+2+(1+4)+7 = 43 → DV 7.
    assert (parsed.field_dvs[1].typed, parsed.field_dvs[1].expected) == ("8", "7")
    assert parsed.is_valid is False


def test_barcode_with_a_wrong_general_digit_is_invalid():
    parsed = parse_code("10495324200000321120055077222133347777777771")
    assert (parsed.barcode_dv_valid, parsed.general_dv.expected) == (False, "4")
    assert parsed.is_valid is False


def test_a_code_without_due_date_or_amount():
    # Fator 0000 (no due date, CX-BOL Anexo II §5.2.3) and valor zero (typed by the payer).
    body = "2379" + "0000" + "0000000000" + "0031" + "04" + "00317720028" + "0095279" + "0"
    barcode = body[:4] + str(barcode_dv(body)) + body[4:]
    parsed = parse_code(barcode)
    assert (parsed.factor, parsed.due_date, parsed.amount) == (0, None, Decimal("0.00"))
    assert parsed.is_valid is True


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Informe a linha digitável"),
        ("123", r"47 dígitos e o código de barras 44 \(recebidos 3\)"),
        ("abc" * 20, "apenas dígitos"),
        ("1" * 46, "recebidos 46"),
        ("²" * 47, "apenas dígitos"),
        ("١" * 44, "apenas dígitos"),
        ("10400324200000321120055077222133347777777771", "Moeda diferente de Real"),
        ("83640000001 1 33120138000 2 81288462711 6 08013452600 9", "código de arrecadação"),
    ],
)
def test_nonsense_gets_a_clear_portuguese_error(text, message):
    with pytest.raises(BankingError, match=message) as caught:
        parse_code(text)
    assert caught.value.field == "linha"


def test_not_a_string_is_refused():
    with pytest.raises(BankingError, match="Informe a linha digitável"):
        parse_code(None)
