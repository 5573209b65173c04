"""Every real return file in shared/banking-fixtures/returns, checked against what its source
asserts (and what FACTS.md reads at the official positions)."""

from datetime import date
from decimal import Decimal as D

import pytest

from atende.banking.cnab import parse_return
from atende.banking.tests.fixtures import require_fixtures

FIXTURES = require_fixtures() / "returns"


def parse(name: str):
    return parse_return((FIXTURES / name).read_bytes())


def test_bb_cnab400_cbr643():
    result = parse("bb-cnab400-1.ret")
    assert (result.layout, result.header.bank, result.header.agreement) == ("400", "001", "1622420")
    assert len(result.occurrences) == 26
    first = result.occurrences[0]
    assert first.nosso_numero == "16224200000000003"
    assert (first.code, first.amount_paid, first.fees) == ("06", D("90.64"), D("5.00"))
    assert (first.payment_date, first.credit_date) == (date(2009, 1, 20), date(2009, 1, 22))
    assert first.net_credit == D("85.64")
    assert sum(o.amount_paid for o in result.payments) == D("10051.83")
    assert all(o.fees == D("5.00") and o.code == "06" for o in result.occurrences)


def test_bb_cnab400_with_a_401_wide_header_and_only_a_tariff():
    result = parse("bb-cnab400-2.ret")
    [entry] = result.occurrences
    assert (entry.code, entry.is_payment, entry.amount, entry.fees) == (
        "02",
        False,
        D("400.08"),
        D("2.34"),
    )
    assert (entry.due_date, entry.occurrence_date) == (date(2024, 2, 15), date(2024, 2, 6))
    assert (entry.nosso_numero, entry.paying_agency) == ("24171430000000015", "31747")
    assert result.payments == []


def test_bb_cnab400_crlf():
    result = parse("bb-cnab400-3.ret")
    assert result.header.bank == "001"
    [entry] = result.payments
    assert (entry.nosso_numero, entry.amount_paid, entry.fees) == (
        "11122450000000290",
        D("25.00"),
        D("9.00"),
    )
    assert (entry.payment_date, entry.credit_date) == (date(2015, 9, 8), date(2015, 9, 10))


def test_bb_cnab240_with_trailing_spaces_stripped():
    result = parse("bb-cnab240-1.ret")
    assert len(result.occurrences) == 35
    first = result.occurrences[0]
    assert first.nosso_numero == "14499570000020673"
    assert (first.amount, first.amount_paid, first.fees) == (D("344.00"), D("344.00"), D("1.03"))
    assert (first.interest, first.discount, first.rebate, first.iof, first.other_credits) == (
        D("0.09"),
        D("0.01"),
        D("0.02"),
        D("0.03"),
        D("0.05"),
    )
    assert (first.reasons, first.paying_agency, first.credit_date) == (
        ("03",),
        "020850",
        date(2012, 1, 2),
    )
    assert all(o.code == "17" and o.is_payment for o in result.occurrences)
    assert sum(o.amount_paid for o in result.occurrences) == D("21880.94")


def test_bb_cnab240_second_sample():
    result = parse("bb-cnab240-2.ret")
    assert [o.amount_paid for o in result.payments] == [
        D("40.00"),
        D("30.00"),
        D("15.00"),
        D("15.00"),
        D("28.80"),
    ]
    assert result.occurrences[0].nosso_numero == "32948600000000196"
    assert {o.credit_date for o in result.occurrences} == {date(2011, 3, 23)}


def test_bradesco_cnab400_first_sample():
    result = parse("bradesco-cnab400-1.ret")
    assert len(result.occurrences) == 6
    first = result.occurrences[0]
    assert (first.nosso_numero, first.code, first.amount) == ("00000000030", "02", D("1450.00"))
    assert (first.due_date, first.occurrence_date) == (date(2015, 5, 25), date(2015, 5, 15))
    assert (first.paying_bank, first.paying_agency, first.fees) == ("237", "04157", D("1.60"))
    assert [o.code for o in result.occurrences] == ["02"] * 5 + ["10"]
    assert result.payments == []


def test_bradesco_cnab400_counts_six_liquidations():
    result = parse("bradesco-cnab400-2.ret")
    assert result.header.bank == "237"
    assert result.occurrences[0].code == "02"
    assert [o.code for o in result.payments] == ["06"] + ["17"] * 5


def test_bradesco_cnab400_money_columns():
    first, second = parse("bradesco-cnab400-3.ret").occurrences
    assert (first.amount, first.amount_paid, first.iof, first.rebate, first.discount) == (
        D("15.00"),
        D("1.00"),
        D("2.00"),
        D("3.00"),
        D("4.00"),
    )
    assert (first.interest, first.other_credits, first.paying_bank) == (D("5.00"), D("6.00"), "341")
    assert (first.occurrence_date, first.credit_date) == (date(2016, 5, 20), date(2016, 5, 21))
    assert (second.amount, second.amount_paid, second.interest) == (D("6.09"), D("7.14"), D("1.05"))
    assert second.nosso_numero.lstrip("0") == "27861336"


def test_caixa_cnab400_liquidation_is_21():
    result = parse("caixa-cnab400-1.ret")
    assert result.header.agreement == "1103388"
    paid, confirmed, tariffs = result.occurrences
    assert (paid.code, paid.is_payment, paid.amount_paid, paid.fees) == (
        "21",
        True,
        D("1.13"),
        D("1.15"),
    )
    assert paid.nosso_numero == "14000000073110483"
    assert (paid.occurrence_date, paid.credit_date, paid.due_date) == (
        date(2021, 2, 1),
        date(2021, 2, 2),
        date(2021, 2, 8),
    )
    assert (confirmed.code, confirmed.is_payment) == ("01", False)
    assert (tariffs.code, tariffs.nosso_numero) == ("34", "")


def test_caixa_cnab240_samples():
    first = parse("caixa-cnab240-1.ret")
    assert len(first.payments) == 36
    assert first.occurrences[0].nosso_numero == "24000000000085923"
    assert sum(o.amount_paid for o in first.payments) == D("2397.63")
    assert sum(o.fees for o in first.occurrences) == D("78.93")
    paid, tariff = parse("caixa-cnab240-2.ret").occurrences
    assert (paid.nosso_numero, paid.reasons, paid.credit_date) == (
        "14000000000000031",
        ("04", "01", "01"),
        date(2016, 11, 9),
    )
    assert (tariff.code, tariff.is_payment) == ("28", False)
    third = parse("caixa-cnab240-3.ret")
    assert sum(o.amount_paid for o in third.payments) == D("1010.00")
    assert sum(1 for o in third.payments if o.discount > 0) == 6


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.iterdir()))
def test_every_occurrence_has_a_portuguese_meaning(name):
    assert all(
        o.meaning and not o.meaning.startswith("Ocorrência") for o in parse(name).occurrences
    )
