"""Every real return file in shared/banking-fixtures/returns, checked against what its source
asserts and what we read by hand at the manuals' positions (FACTS.md §8-§9, fixtures README).
The first occurrence of each file is compared whole, field by field."""

from datetime import date
from decimal import Decimal as D

import pytest

from atende.banking.cnab import Occurrence, OccurrenceKind, parse_return
from atende.banking.tests.fixtures import require_fixtures

FIXTURES = require_fixtures() / "returns"
PAY, OK, FEE = OccurrenceKind.PAYMENT, OccurrenceKind.ENTRY_CONFIRMED, OccurrenceKind.FEE


def parse(name: str):
    with (FIXTURES / name).open("rb") as handle:
        return parse_return(handle)


def test_bb_cnab400_cbr643():
    result = parse("bb-cnab400-1.ret")
    assert (result.layout, result.header.bank, result.header.agreement) == ("400", "001", "1622420")
    assert (result.header.file_sequence, result.header.file_date) == (7, date(2009, 1, 20))
    assert len(result.occurrences) == 26
    assert result.occurrences[0] == Occurrence(
        line=2, code="06", meaning="Liquidação normal", kind=PAY,
        nosso_numero="16224200000000003", nosso_numero_raw="16224200000000003",
        nosso_numero_printed="16224200000000003",  # convênio 7: 17 digits, no DV (§3)
        amount=D("90.64"), amount_paid=D("90.64"), fees=D("5.00"), net_credit=D("85.64"),
        occurrence_date=date(2009, 1, 20), payment_date=date(2009, 1, 20),
        credit_date=date(2009, 1, 22), paying_bank="001", paying_agency="14923", channel="04",
        reasons=("01",),  # natureza do recebimento 01 = normal
    )  # fmt: skip
    assert sum(o.amount_paid for o in result.payments) == D("10051.83")
    assert all(o.fees == D("5.00") and o.net_credit == o.amount_paid - 5 for o in result.payments)


def test_bb_cnab400_with_a_401_wide_header_and_only_a_tariff():
    result = parse("bb-cnab400-2.ret")
    assert (result.header.agreement, result.header.file_date) == ("2417143", date(2024, 2, 6))
    assert result.occurrences == [
        Occurrence(
            line=2, code="02", meaning="Confirmação de entrada", kind=OK,
            nosso_numero="24171430000000015", nosso_numero_raw="24171430000000015",
            nosso_numero_printed="24171430000000015", document_number="000001/01",
            amount=D("400.08"), fees=D("2.34"), net_credit=D("-9.00"),  # 319 = 1: débito
            due_date=date(2024, 2, 15), occurrence_date=date(2024, 2, 6), paying_bank="001",
            paying_agency="31747", channel="50",
        )
    ]  # fmt: skip
    assert result.payments == []


def test_bb_cnab400_crlf():
    result = parse("bb-cnab400-3.ret")
    [entry] = result.payments
    assert (entry.nosso_numero, entry.amount_paid, entry.fees, entry.net_credit) == (
        "11122450000000290", D("25.00"), D("9.00"), D("16.00"))  # fmt: skip
    assert (entry.payment_date, entry.credit_date) == (date(2015, 9, 8), date(2015, 9, 10))


def test_bb_cnab240_with_trailing_spaces_stripped_and_a_cent_in_every_column():
    result = parse("bb-cnab240-1.ret")
    assert (result.header.agreement, result.header.file_sequence) == ("1999957", 2108)
    assert len(result.occurrences) == 35
    # The first U has 1-5 centavos planted in each money column (fixtures README).
    assert result.occurrences[0] == Occurrence(
        line=3, code="17", meaning="Liquidação após baixa ou título não registrado", kind=PAY,
        nosso_numero="14499570000020673", nosso_numero_raw="14499570000020673   ",
        nosso_numero_printed="14499570000020673", amount=D("344.00"), amount_paid=D("344.00"),
        fees=D("1.03"), interest=D("0.09"), discount=D("0.01"), rebate=D("0.02"),
        iof=D("0.03"), other_expenses=D("0.04"), other_credits=D("0.05"),
        net_credit=D("342.97"), occurrence_date=date(2011, 12, 29),
        payment_date=date(2011, 12, 29), credit_date=date(2012, 1, 2), paying_bank="001",
        paying_agency="020850", reasons=("03",),
    )  # fmt: skip
    assert all(o.code == "17" and o.is_payment for o in result.occurrences)
    assert sum(o.amount_paid for o in result.occurrences) == D("21880.94")


def test_bb_cnab240_second_sample():
    result = parse("bb-cnab240-2.ret")
    assert [o.amount_paid for o in result.payments] == [
        D("40.00"), D("30.00"), D("15.00"), D("15.00"), D("28.80")]  # fmt: skip
    assert [o.nosso_numero for o in result.occurrences] == [
        "32948600000000196", "32948600000000236", "32948600000000244", "32948600000000249",
        "32948600000005048"]  # fmt: skip
    assert {(o.fees, o.credit_date) for o in result.occurrences} == {(D("5.00"), date(2011, 3, 23))}


def test_bradesco_cnab400_keeps_the_nosso_numero_dv():
    result = parse("bradesco-cnab400-1.ret")
    assert result.header.agreement == "00000000000004540691"
    # Before, 000000000303 came out as 00000000030 and the DV 3 was lost.
    assert result.occurrences[0] == Occurrence(
        line=2, code="02", meaning="Entrada confirmada", kind=OK, nosso_numero="00000000030",
        nosso_numero_raw="000000000303", nosso_numero_printed="09/00000000030-3",
        document_number="0030", amount=D("1450.00"), amount_paid=D("1450.00"),
        fees=D("1.60"), net_credit=D("-1.60"), due_date=date(2015, 5, 25),
        occurrence_date=date(2015, 5, 15), credit_date=date(2015, 5, 15), paying_bank="237",
        paying_agency="04157",
    )  # fmt: skip
    assert [o.nosso_numero_printed for o in result.occurrences[1:3]] == [
        "09/51350000004-P", "09/51350000007-4"]  # fmt: skip
    assert [o.code for o in result.occurrences] == ["02"] * 5 + ["10"]
    assert result.occurrences[-1].kind is OccurrenceKind.WRITE_OFF
    assert result.payments == []  # the 02 carries a valor pago, but 02 is not a payment


def test_bradesco_cnab400_counts_six_liquidations():
    result = parse("bradesco-cnab400-2.ret")
    assert result.occurrences[0].nosso_numero_printed == "09/00000000009-7"
    assert [o.code for o in result.payments] == ["06"] + ["17"] * 5
    assert [o.amount_paid for o in result.payments] == [D("5.00")] + [D("0.02")] * 5


def test_bradesco_cnab400_every_money_column():
    first, second = parse("bradesco-cnab400-3.ret").occurrences
    assert first == Occurrence(
        line=2, code="06", meaning="Liquidação normal", kind=PAY, nosso_numero="00000000006",
        nosso_numero_raw="000000000060", nosso_numero_printed="25/00000000006-0",
        amount=D("15.00"), amount_paid=D("1.00"), operation_interest=D("1.00"),
        iof=D("2.00"), rebate=D("3.00"), discount=D("4.00"), interest=D("5.00"),
        other_credits=D("6.00"), net_credit=D("1.00"), occurrence_date=date(2016, 5, 20),
        payment_date=date(2016, 5, 20), credit_date=date(2016, 5, 21), paying_bank="341",
        paying_agency="03830",
    )  # fmt: skip
    assert (second.amount, second.amount_paid, second.interest) == (D("6.09"), D("7.14"), D("1.05"))
    assert (second.nosso_numero, second.nosso_numero_printed) == ("00027861336", "26/00027861336-2")


def test_caixa_cnab400_liquidation_is_21_and_counts_interest_and_fine():
    result = parse("caixa-cnab400-1.ret")
    assert result.header.agreement == "1103388"
    paid, confirmed, tariffs = result.occurrences
    assert paid == Occurrence(
        line=2, code="21", meaning="Liquidação", kind=PAY, nosso_numero="14000000073110483",
        nosso_numero_raw="14000000073110483", nosso_numero_printed="14000000073110483-3",
        document_number="73110483", company_reference="73110483", amount=D("1.13"),
        amount_paid=D("1.13"), fees=D("1.15"), net_credit=D("-0.02"),
        due_date=date(2021, 2, 8), occurrence_date=date(2021, 2, 1),
        payment_date=date(2021, 2, 1), credit_date=date(2021, 2, 2), paying_bank="104",
        paying_agency="08575", channel="004",
    )  # fmt: skip
    assert (confirmed.code, confirmed.kind, confirmed.is_payment) == ("01", OK, False)
    # 34 (tarifas diversas) with no nosso número: a fee, never a payment.
    assert (tariffs.code, tariffs.kind, tariffs.nosso_numero, tariffs.is_payment) == (
        "34", FEE, "", False)  # fmt: skip


def test_caixa_cnab400_juros_and_multa_reach_the_paid_amount_and_the_credit():
    lines = (FIXTURES / "caixa-cnab400-1.ret").read_text().split("\n")
    # CX-400 p.16: 267-279 juros, 280-292 multa, beside the principal at 254-266.
    lines[1] = lines[1][:266] + "0000000000050" + "0000000000023" + lines[1][292:]
    paid = parse_return("\n".join(lines).encode()).occurrences[0]
    assert (paid.interest, paid.fine, paid.amount_paid, paid.net_credit) == (
        D("0.50"), D("0.23"), D("1.86"), D("0.71"))  # fmt: skip


def test_caixa_cnab240_samples():
    first = parse("caixa-cnab240-1.ret")
    assert (first.header.agreement, first.header.file_sequence) == ("052634", 2148)
    assert len(first.payments) == 36
    assert first.occurrences[0].nosso_numero_printed == "24000000000085923-4"
    assert first.occurrences[0].nosso_numero_raw == "  240000000000859234"
    assert sum(o.amount_paid for o in first.payments) == D("2397.63")
    assert sum(o.fees for o in first.occurrences) == D("78.93")
    [fined] = [o for o in first.occurrences if o.interest]
    assert (fined.amount, fined.interest, fined.amount_paid) == (D("49.00"), D("4.90"), D("53.90"))
    paid, tariff = parse("caixa-cnab240-2.ret").occurrences
    assert (paid.nosso_numero_printed, paid.reasons, paid.credit_date) == (
        "14000000000000031-6", ("04", "01", "01"), date(2016, 11, 9))  # fmt: skip
    assert (tariff.code, tariff.kind, tariff.nosso_numero, tariff.is_payment) == (
        "28", FEE, "", False)  # fmt: skip
    third = parse("caixa-cnab240-3.ret")
    assert sum(o.amount_paid for o in third.payments) == D("1010.00")
    assert sum(1 for o in third.payments if o.discount > 0) == 6


def test_occurrence_codes_are_read_per_bank():
    # The same code 44 is a cheque devolvido at BB and an estorno at Caixa (FACTS.md §9);
    # both undo a settlement, and neither is a payment.
    from atende.banking.cnab.occurrences import describe

    assert describe("240", "001", "44") == (
        "Título pago com cheque devolvido",
        OccurrenceKind.REVERSAL,
    )
    assert describe("240", "104", "44") == ("Estorno de baixa/liquidação", OccurrenceKind.REVERSAL)
    assert describe("240", "237", "44")[1] is OccurrenceKind.OTHER
    assert describe("400", "104", "06")[1] is OccurrenceKind.OTHER  # Caixa 400 pays on 21
    assert describe("400", "001", "07")[1] is OccurrenceKind.PARTIAL_PAYMENT


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.iterdir()))
def test_every_occurrence_has_a_meaning_from_its_banks_table(name):
    assert all("não consta" not in o.meaning for o in parse(name).occurrences)
