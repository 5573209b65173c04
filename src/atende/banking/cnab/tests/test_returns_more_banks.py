"""Every return file in shared/banking-fixtures/returns-more-banks (Itaú, Santander, Sicoob,
Sicredi), with the values read by hand at FACTS-more-banks.md's positions and what each source
asserts. The first occurrence of each file is compared whole."""

from datetime import date
from decimal import Decimal as D

import pytest

from atende.banking.cnab import CnabError, Occurrence, OccurrenceKind, parse_return
from atende.banking.tests.fixtures import require_fixtures

FIXTURES = require_fixtures() / "returns-more-banks"
PAY, OK, FEE = OccurrenceKind.PAYMENT, OccurrenceKind.ENTRY_CONFIRMED, OccurrenceKind.FEE
REJECTED = OccurrenceKind.REJECTED


def parse(name: str):
    with (FIXTURES / name).open("rb") as handle:
        return parse_return(handle)


def test_itau_cnab400_brcobranca_sample():
    result = parse("itau-cnab400-1.ret")
    header = result.header
    assert (header.bank, header.agency, header.account, header.file_sequence) == (
        "341", "0730", "035110", 25)  # fmt: skip
    assert header.file_date == date(2013, 5, 20)
    assert len(result.occurrences) == 52
    # brcobranca and br_boleto: valor 40,00, tarifa 2,10, "valor principal" 37,90 [254-266].
    assert result.occurrences[0] == Occurrence(
        line=2, code="06", meaning="Liquidação normal", kind=PAY, nosso_numero="00000011",
        nosso_numero_raw="109000000114", nosso_numero_printed="109/00000011-4",
        amount=D("40.00"), amount_paid=D("40.00"), fees=D("2.10"), net_credit=D("37.90"),
        occurrence_date=date(2013, 5, 20), payment_date=date(2013, 5, 20),
        credit_date=date(2013, 5, 21), paying_bank="104", paying_agency="18739", channel="B5",
    )  # fmt: skip
    last = result.occurrences[-1]
    assert (last.code, last.kind, last.nosso_numero_printed, last.amount) == (
        "09", OccurrenceKind.WRITE_OFF, "157/27714592-2", D("40.00"))  # fmt: skip
    assert (last.due_date, last.paying_bank, last.paying_agency) == (
        date(2013, 5, 10), "341", "77099")  # fmt: skip
    assert [o.code for o in result.occurrences].count("06") == 51
    assert {o.fees for o in result.occurrences} == {D("2.10")}
    channels = [o.channel for o in result.payments]
    assert {code: channels.count(code) for code in set(channels)} == {
        "B5": 33, "CP": 6, "B1": 4, "B2": 4, "B3": 2, "AA": 1, "BL": 1}  # fmt: skip
    # The trailer's 221-234 is the sum of the títulos' valor (2.688,96), and it is checked.
    assert sum(o.amount for o in result.occurrences) == D("2688.96")


def test_itau_cnab400_laravel_sample_with_discount_and_an_allegation():
    first, allegation, third, fourth = parse("itau-cnab400-2.ret").occurrences
    assert first == Occurrence(
        line=2, code="06", meaning="Liquidação normal", kind=PAY, nosso_numero="00231327",
        nosso_numero_raw="109002313270", nosso_numero_printed="109/00231327-0",
        document_number="1A", amount=D("389.75"), amount_paid=D("213.30"), fees=D("3.33"),
        iof=D("0.10"), rebate=D("0.19"), discount=D("176.45"), net_credit=D("209.97"),
        interest=D("123123.12"),  # hand-edited in the source (fixtures README)
        other_credits=D("0.18"), occurrence_date=date(2013, 6, 20),
        payment_date=date(2013, 6, 20), credit_date=date(2013, 6, 21), paying_bank="001",
        paying_agency="30272", channel="B2",
    )  # fmt: skip
    assert (allegation.code, allegation.kind, allegation.is_payment, allegation.reasons) == (
        "25", OccurrenceKind.OTHER, False, ("18", "42"))  # fmt: skip
    # valor 395,41 + juros 0,01 = principal 392,09 + tarifa 3,33
    assert (third.amount_paid, third.interest, third.channel) == (D("395.42"), D("0.01"), "BL")
    assert [o.code for o in (first, allegation, third, fourth)] == ["06", "25", "06", "06"]


def test_itau_cnab400_zoop_sample():
    result = parse("itau-cnab400-3.ret")
    assert (result.header.agency, result.header.account) == ("8933", "133921")
    assert [o.nosso_numero_printed for o in result.occurrences[:2]] == [
        "157/00000215-5", "157/00000217-1"]  # fmt: skip
    first = result.occurrences[0]
    assert (first.occurrence_date, first.credit_date, first.amount) == (
        date(2015, 5, 11), date(2015, 5, 12), D("250.00"))  # fmt: skip
    assert {(o.code, o.amount_paid, o.fees, o.net_credit) for o in result.occurrences} == {
        ("06", D("250.00"), D("0.00"), D("250.00"))}  # fmt: skip
    assert [o.paying_bank for o in result.occurrences] == [
        "033", "033", "237", "104", "341", "745", "341"]  # fmt: skip


def test_itau_one_titulo_through_three_daily_files():
    entered, rejected, paid = (parse(f"itau-cnab400-{n}.ret").occurrences[0] for n in (4, 5, 6))
    assert {o.nosso_numero_printed for o in (entered, rejected, paid)} == {"109/00000029-1"}
    assert (entered.code, entered.kind, entered.amount, entered.due_date) == (
        "02", OK, D("12.00"), date(2016, 11, 10))  # fmt: skip
    assert (rejected.code, rejected.kind, rejected.reasons, rejected.occurrence_date) == (
        "16", REJECTED, ("03",), date(2016, 11, 4))  # fmt: skip
    assert paid == Occurrence(
        line=2, code="06", meaning="Liquidação normal", kind=PAY, nosso_numero="00000029",
        nosso_numero_raw="109000000291", nosso_numero_printed="109/00000029-1",
        company_reference="29", amount=D("12.00"), amount_paid=D("12.00"), fees=D("3.90"),
        net_credit=D("8.10"), due_date=date(2016, 11, 10), occurrence_date=date(2016, 11, 4),
        payment_date=date(2016, 11, 4), credit_date=date(2016, 11, 8), paying_bank="341",
        paying_agency="14647", channel="BL",
    )  # fmt: skip


def test_itau_trailer_total_catches_an_altered_amount():
    lines = (FIXTURES / "itau-cnab400-3.ret").read_text().split("\n")
    lines[1] = lines[1][:152] + "0000000025001" + lines[1][165:]
    with pytest.raises(CnabError, match="^Linha 9: o trailer informa 7 títulos somando 1750.00"):
        parse_return("\n".join(lines).encode())


def test_santander_cnab240_brcobranca_sample():
    result = parse("santander-cnab240-1.ret")
    assert (result.header.agreement, result.header.file_sequence) == ("316380130028625", 34)
    entry, paid = result.occurrences
    # 02 (entrada confirmada) with a valor pago and a data de crédito: not a payment.
    assert entry == Occurrence(
        line=3, code="02", meaning="Entrada confirmada", kind=OK, nosso_numero="000000000140",
        nosso_numero_raw="0000000001406", nosso_numero_printed="000000000140-6",
        document_number="0000001406", amount=D("10.00"), amount_paid=D("10.00"),
        fees=D("3.92"), net_credit=D("10.00"), due_date=date(2016, 4, 1),
        occurrence_date=date(2016, 4, 1), credit_date=date(2016, 4, 1), paying_bank="033",
        paying_agency="31638",
    )  # fmt: skip
    assert (paid.code, paid.is_payment, paid.paying_bank, paid.paying_agency, paid.reasons) == (
        "06", True, "104", "22500", ("04",))  # fmt: skip
    assert (paid.occurrence_date, paid.credit_date) == (date(2016, 4, 1), date(2016, 4, 4))
    assert result.payments == [paid]


def test_santander_cnab240_masked_sample():
    result = parse("santander-cnab240-2.ret")
    assert [o.code for o in result.occurrences] == ["02"] * 4 + ["06", "17"]
    first = result.occurrences[0]
    assert (first.nosso_numero, first.nosso_numero_printed, first.amount, first.fees) == (
        "000000000000", "000000000000-1", D("10.25"), D("2.61"))  # fmt: skip
    assert (first.due_date, first.paying_agency) == (date(2016, 5, 5), "12340")
    fifth, sixth = result.payments
    assert (fifth.nosso_numero_printed, fifth.amount_paid, fifth.net_credit, fifth.fees) == (
        "000000000000-4", D("1.27"), D("1.27"), D("0.00"))  # fmt: skip
    assert (sixth.nosso_numero_printed, sixth.amount_paid, sixth.fees, sixth.credit_date) == (
        "000000028964-7", D("1.26"), D("6.00"), date(2016, 4, 29))  # fmt: skip
    assert sum(o.amount_paid for o in result.payments) == D("2.53")


def test_santander_cnab240_paid_with_other_credits():
    [paid] = parse("santander-cnab240-3.ret").occurrences
    # valor 10,00, paid 11,00 with juros 0: the 1,00 is in outros créditos (U 123-137).
    assert (paid.code, paid.amount, paid.amount_paid, paid.interest, paid.other_credits) == (
        "17", D("10.00"), D("11.00"), D("0.00"), D("1.00"))  # fmt: skip
    assert (paid.fees, paid.reasons, paid.nosso_numero_printed) == (
        D("3.24"), ("03",), "000000000104-0")  # fmt: skip
    assert (paid.occurrence_date, paid.credit_date) == (date(2014, 6, 4), date(2014, 6, 5))


def test_sicoob_cnab240_brcobranca_sample_with_its_shortened_header():
    result = parse("sicoob-cnab240-1.ret")
    # The header lost 17 spaces in the source: 143-171 is read where it sits (126-154).
    assert (result.header.file_date, result.header.file_sequence) == (date(2015, 8, 11), 1)
    assert result.occurrences[0] == Occurrence(
        line=3, code="06", meaning="Liquidação", kind=PAY, nosso_numero="0000008",
        nosso_numero_raw="000000008301011     ", nosso_numero_printed="0000008-3",
        document_number="000000000000001", company_reference="0" * 25, amount=D("2.00"),
        amount_paid=D("2.00"), fees=D("1.70"), net_credit=D("2.00"),
        due_date=date(2015, 8, 13), occurrence_date=date(2015, 8, 10),
        payment_date=date(2015, 8, 10), credit_date=date(2015, 8, 10), paying_bank="756",
        paying_agency="030390", reasons=("03",),
    )  # fmt: skip
    assert {(o.code, o.amount_paid, o.fees) for o in result.occurrences} == {
        ("06", D("2.00"), D("1.70"))}  # fmt: skip


def test_sicoob_cnab240_sample_whose_file_trailer_miscounts():
    data = (FIXTURES / "sicoob-cnab240-2.ret").read_bytes()
    # Its file trailer counts 12 records (the batch's count); the file has 14: refused.
    with pytest.raises(CnabError, match="^Linha 14: trailer do arquivo conta 1 lotes e 12"):
        parse_return(data)
    fixed = data.replace(b"75699999         000001000012", b"75699999         000001000014")
    result = parse_return(fixed)
    assert [(o.nosso_numero_printed, o.amount_paid) for o in result.occurrences] == [
        ("0000033-0", D("129.39")), ("0000034-8", D("29.00")), ("0000035-5", D("89.10")),
        ("0000036-2", D("29.00")), ("0000036-2", D("47.37")),
    ]  # fmt: skip
    first = result.occurrences[0]
    assert (first.due_date, first.occurrence_date, first.credit_date, first.fees) == (
        date(2016, 5, 3), date(2016, 5, 2), date(2016, 5, 3), D("2.69"))  # fmt: skip
    assert result.occurrences[-1].credit_date is None  # 00000000 in the file
    assert sum(o.amount_paid for o in result.payments) == D("323.86")


def test_sicoob_cnab240_robustness_sample():
    result = parse("sicoob-cnab240-3.ret")
    em_ser, zero_paid, *rejected = result.occurrences
    assert (em_ser.code, em_ser.kind, em_ser.nosso_numero_printed) == (
        "11", OccurrenceKind.OTHER, "0000501-8")  # fmt: skip
    # A 06 with valor pago 0,00 and no data de crédito must not settle.
    assert (zero_paid.code, zero_paid.kind, zero_paid.amount_paid) == ("06", PAY, D("0.00"))
    assert (zero_paid.is_payment, zero_paid.reasons, zero_paid.credit_date) == (
        False, ("AF", "HA"), None)  # fmt: skip
    # The T of the second 03 says 03 and its U says 01: the T's movimento counts.
    assert [(o.code, o.kind, o.reasons) for o in rejected] == [
        ("03", REJECTED, ("09",)),
        ("03", REJECTED, ("09",)),
        ("03", REJECTED, ("AF", "HA")),
    ]
    assert result.payments == []


def test_sicoob_cnab400_latin1_sample():
    result = parse("sicoob-cnab400-1.ret")
    assert (result.header.bank_name, result.header.agreement, result.header.file_sequence) == (
        "756 - BANCOOB S/A", "000554780", 676)  # fmt: skip
    assert result.occurrences[0] == Occurrence(
        line=2, code="06", meaning="Liquidação normal", kind=PAY, nosso_numero="0015759",
        nosso_numero_raw="000000157595", nosso_numero_printed="0015759-5",
        document_number="0000000001", amount=D("400.00"), amount_paid=D("390.00"),
        fees=D("1.89"), discount=D("10.00"), net_credit=D("388.11"),
        due_date=date(2016, 9, 16), occurrence_date=date(2016, 9, 5),
        payment_date=date(2016, 9, 5), credit_date=date(2016, 9, 5), paying_bank="756",
        paying_agency="30690",
    )  # fmt: skip
    assert [(o.nosso_numero_raw, o.amount_paid) for o in result.occurrences[1:]] == [
        ("000000152106", D("59.00")), ("000000156601", D("250.00")),
        ("000000157517", D("50.00")), ("000000157610", D("350.00")),
    ]  # fmt: skip
    assert (result.occurrences[1].paying_bank, result.occurrences[1].fees) == ("104", D("2.29"))


def test_sicredi_cnab240_entry_and_tariff_no_payment():
    result = parse("sicredi-cnab240-1.ret")
    entry, tariff = result.occurrences
    assert entry == Occurrence(
        line=3, code="02", meaning="Entrada confirmada", kind=OK, nosso_numero="17200059",
        nosso_numero_raw="172000595           ", nosso_numero_printed="17/200059-5",
        document_number="0000000000", company_reference="8457", amount=D("9.95"),
        due_date=date(2017, 4, 13), occurrence_date=date(2017, 4, 6), paying_bank="000",
        reasons=("A4",),
    )  # fmt: skip
    assert (tariff.code, tariff.kind, tariff.fees, tariff.reasons, tariff.credit_date) == (
        "28", FEE, D("3.80"), ("05",), date(2017, 4, 6))  # fmt: skip
    assert result.payments == []


def test_sicredi_cnab400_sem_registro():
    result = parse("sicredi-cnab400-1.ret")
    assert (result.header.agreement, result.header.file_date, result.header.file_sequence) == (
        "99999", date(2016, 12, 6), 5)  # fmt: skip  # header date AAAAMMDD
    paid, tariff = result.occurrences
    assert paid == Occurrence(
        line=2, code="06", meaning="Liquidação normal", kind=PAY, nosso_numero="16200001",
        nosso_numero_raw="162000017      ", nosso_numero_printed="16/200001-7",
        amount=D("5.00"), amount_paid=D("5.00"), net_credit=D("5.00"),
        occurrence_date=date(2016, 12, 5), payment_date=date(2016, 12, 5),
        credit_date=date(2016, 12, 7),  # data prevista de lançamento, AAAAMMDD at 329-336
        channel="COMPE", reasons=("H5",),
    )  # fmt: skip
    # The 28 (tarifa de registro, B3) on the same nosso número carries the título's valor
    # pago too: it is a fee, not a second payment, and credits nothing.
    assert (tariff.code, tariff.kind, tariff.is_payment, tariff.net_credit, tariff.reasons) == (
        "28", FEE, False, D("0.00"), ("B3",))  # fmt: skip
    assert result.payments == [paid]


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.iterdir()))
def test_every_file_parses_and_every_code_is_in_its_banks_table(name):
    data = (FIXTURES / name).read_bytes()
    if name == "sicoob-cnab240-2.ret":
        data = data.replace(b"000001000012", b"000001000014")
    assert all("não consta" not in o.meaning for o in parse_return(data).occurrences)
