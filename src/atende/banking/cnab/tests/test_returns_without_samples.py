"""Layouts with no public return file (Santander CNAB 400, Itaú and Bradesco CNAB 240): records
built here at the positions FACTS-more-banks.md §1.4 and §2.3 and FACTS.md §9 give, then
parsed. The positions are written in this module, not taken from the parser."""

from datetime import date
from decimal import Decimal as D

from atende.banking.cnab import OccurrenceKind, parse_return


def record(width: int, fields: dict[tuple[int, int], str]) -> str:
    chars = [" "] * width
    for (start, end), value in fields.items():
        assert len(value) == end - start + 1, (start, end, value)
        chars[start - 1 : end] = value
    return "".join(chars)


def test_santander_cnab400_detail_at_the_manuals_positions():
    header = record(400, {(1, 19): "02RETORNO01COBRANCA", (27, 30): "3163",
                          (31, 38): "01300286", (39, 46): "13002862", (77, 79): "033",
                          (95, 100): "010426", (395, 400): "000001"})  # fmt: skip
    detail = record(400, {
        (1, 1): "1", (38, 62): "FATURA-9".ljust(25), (63, 70): "00001406", (108, 108): "5",
        (109, 110): "06", (111, 116): "020426", (117, 126): "FAT9".ljust(10),
        (147, 152): "010426", (153, 165): "0000000010000", (166, 168): "104",
        (169, 173): "02250", (176, 188): "0000000000392", (189, 201): "0000000000011",
        (202, 214): "0000000000012", (215, 227): "0000000000013", (228, 240): "0000000000014",
        (241, 253): "0000000000015", (254, 266): "0000000010200", (267, 279): "0000000000016",
        (280, 292): "0000000000017", (296, 301): "030426", (367, 379): "0000000009808",
        (380, 380): "C", (395, 400): "000002",
    })  # fmt: skip
    trailer = record(400, {(1, 1): "9", (395, 400): "000003"})
    result = parse_return(f"{header}\r\n{detail}\r\n{trailer}\r\n")
    assert (result.header.bank, result.header.agreement, result.header.agency) == (
        "033", "13002862", "3163")  # fmt: skip
    [paid] = result.occurrences
    assert (paid.code, paid.kind, paid.nosso_numero, paid.nosso_numero_printed) == (
        "06", OccurrenceKind.PAYMENT, "000000000140", "000000000140-6")  # fmt: skip
    assert (paid.amount, paid.amount_paid, paid.fees, paid.net_credit) == (
        D("100.00"), D("102.00"), D("3.92"), D("98.08"))  # fmt: skip
    assert (paid.other_expenses, paid.operation_interest, paid.iof, paid.rebate) == (
        D("0.11"), D("0.12"), D("0.13"), D("0.14"))  # fmt: skip
    assert (paid.discount, paid.interest, paid.other_credits) == (
        D("0.15"), D("0.16"), D("0.17"))  # fmt: skip
    assert (paid.occurrence_date, paid.credit_date, paid.company_reference) == (
        date(2026, 4, 2), date(2026, 4, 3), "FATURA-9")  # fmt: skip
    # The bank code may also be 353 (SAN-400 header 77-79).
    assert (
        parse_return(f"{header[:76]}353{header[79:]}\n{detail}\n{trailer}\n").header.bank == "033"
    )


def cnab240(bank: str, t: dict[tuple[int, int], str], u: dict[tuple[int, int], str]) -> str:
    header = record(240, {(1, 8): f"{bank}00000", (143, 151): "202042026",
                          (158, 163): "000012"})  # fmt: skip
    batch = record(240, {(1, 8): f"{bank}00011", (9, 9): "T"})
    common = {(1, 8): f"{bank}00013"}
    segment_t = record(240, common | {(9, 14): "00001T"} | t)
    segment_u = record(240, common | {(9, 14): "00002U"} | u)
    batch_trailer = record(240, {(1, 8): f"{bank}00015", (18, 23): "000004"})
    trailer = record(240, {(1, 8): f"{bank}99999", (18, 29): "000001000006"})
    return "\n".join([header, batch, segment_t, segment_u, batch_trailer, trailer]) + "\n"


U_PAID = {(16, 17): "06", (18, 32): "000000000000050", (33, 47): "000000000000000",
          (48, 62): "000000000000000", (63, 77): "000000000000000", (78, 92): "000000000009610",
          (93, 107): "000000000009610", (108, 122): "000000000000000",
          (123, 137): "000000000000000", (138, 145): "01042026",
          (146, 153): "02042026"}  # fmt: skip


def test_itau_cnab240_segment_t_is_itaus_own():
    t = {(16, 17): "06", (38, 40): "109", (41, 48): "00000029", (49, 49): "1",
         (59, 68): "FAT29".ljust(10), (74, 81): "10042026", (82, 96): "000000000010000",
         (97, 99): "341", (100, 105): "014647", (199, 213): "000000000000390",
         (214, 221): "00000000", (222, 223): "BL"}  # fmt: skip
    [paid] = parse_return(cnab240("341", t, U_PAID)).occurrences
    assert (paid.nosso_numero, paid.nosso_numero_printed, paid.document_number) == (
        "00000029", "109/00000029-1", "FAT29")  # fmt: skip
    # ITAU-240 p.22: both U amounts are the value put in the account; the payer paid it plus
    # the tarifa.
    assert (paid.amount, paid.amount_paid, paid.net_credit, paid.fees, paid.interest) == (
        D("100.00"), D("100.00"), D("96.10"), D("3.90"), D("0.50"))  # fmt: skip
    assert (paid.channel, paid.credit_date, paid.kind) == (
        "BL", date(2026, 4, 2), OccurrenceKind.PAYMENT)  # fmt: skip


def test_bradesco_cnab240_nosso_numero_with_carteira_and_dv():
    t = {(16, 17): "06", (38, 57): "00900000000000045678", (58, 58): "1",
         (74, 81): "10042026", (82, 96): "000000000009610", (97, 99): "237",
         (199, 213): "000000000000160"}  # fmt: skip
    [paid] = parse_return(cnab240("237", t, U_PAID)).occurrences
    assert (paid.nosso_numero, paid.nosso_numero_printed, paid.amount_paid) == (
        "00000004567", "09/00000004567-8", D("96.10"))  # fmt: skip
