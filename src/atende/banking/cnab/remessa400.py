"""CNAB 400 remessa records: BB CBR641 (type 7, and type 5 for the fine), Bradesco (BRA-400
p.9-16) and Itaú (ITAU-BOL §3.1; positions as brcobranca writes them [lib], the header's
agreeing with the return header of FACTS-more-banks.md §1.3)."""

from collections.abc import Callable
from datetime import timedelta

from atende.banking.banks import bradesco
from atende.banking.cnab.remessa_rules import Checked, Title
from atende.banking.cnab.writer import Line


def _bb_detail(r: Checked, t: Title, number: int) -> list[str]:
    """CBR641 type 7, and a type 5 "multa" record after it when there is a fine."""
    a = r.account
    line = Line(400).put(1, 1, "7").num(2, 3, r.company_kind).num(4, 17, r.company_document)
    line.num(18, 21, a.agency).put(22, 22, a.agency_dv).num(23, 30, a.account)
    line.put(31, 31, a.account_dv).num(32, 38, a.agreement).put(39, 63, t.company_reference)
    line.num(64, 70, a.agreement).num(71, 80, t.nosso_numero).num(81, 84, "0")
    line.num(92, 94, a.variation).num(95, 101, "0").num(107, 108, a.wallet).num(109, 110, "1")
    line.put(111, 120, t.document_number).date6(121, 126, t.due_date).money(127, 139, t.amount)
    line.num(140, 142, "001").num(143, 146, "0").num(148, 149, "1").put(150, 150, "N")
    line.date6(151, 156, t.issue_date).num(157, 160, "0").money(161, 173, t.interest_per_day)
    line.date6(174, 179, t.discount_until).money(180, 192, t.discount_amount)
    line.num(193, 218, "0").num(219, 220, t.payer_kind).num(221, 234, t.payer_document)
    line.put(235, 271, t.payer_name).put(275, 314, t.payer_address)
    line.put(315, 326, t.payer_district).num(327, 334, t.payer_postal_code)
    line.put(335, 349, t.payer_city).put(350, 351, t.payer_state).num(395, 400, number)
    if not t.fine_percent:
        return [str(line)]
    # Type 5, service 99 (multa) [lib: brcobranca after CBR641]: 4 = 2 (percentual),
    # 5-10 the first day it applies, 11-22 the rate with two decimals.
    fine = Line(400).put(1, 1, "5").num(2, 3, "99").num(4, 4, "2")
    fine.date6(5, 10, t.due_date + timedelta(days=1)).money(11, 22, t.fine_percent)
    return [str(line), str(fine.num(395, 400, number + 1))]


def _bradesco_detail(r: Checked, t: Title, number: int) -> list[str]:
    """BRA-400 p.9-16, type 1; the fine rides in 66-70 (66 = 2 when there is one)."""
    a = r.account
    wallet = a.wallet.zfill(3)
    dv = bradesco.dv_of(wallet, t.nosso_numero)
    line = Line(400).put(1, 1, "1").num(2, 21, "0").num(22, 24, wallet).num(25, 29, a.agency)
    line.num(30, 36, a.account).put(37, 37, a.account_dv).put(38, 62, t.company_reference)
    line.num(63, 65, "0").num(66, 66, "2" if t.fine_percent else "0")
    line.money(67, 70, t.fine_percent).num(71, 81, t.nosso_numero).put(82, 82, dv)
    line.num(83, 92, "0").put(93, 94, "2N").put(106, 106, "2").num(109, 110, "1")
    line.put(111, 120, t.document_number).date6(121, 126, t.due_date).money(127, 139, t.amount)
    line.num(140, 147, "0").num(148, 149, "1").put(150, 150, "N").date6(151, 156, t.issue_date)
    line.num(157, 160, "0").money(161, 173, t.interest_per_day)
    line.date6(174, 179, t.discount_until).money(180, 192, t.discount_amount)
    line.num(193, 218, "0").num(219, 220, t.payer_kind).num(221, 234, t.payer_document)
    line.put(235, 274, t.payer_name).put(275, 314, t.payer_address)
    line.num(327, 334, t.payer_postal_code).num(395, 400, number)
    return [str(line)]


def _itau_detail(r: Checked, t: Title, number: int) -> list[str]:
    """Type 1; the fine goes in a type 2 record after it: 2 = percentual, the first day it
    applies (DDMMAAAA) and the rate in 13 digits with two decimals [lib]."""
    a = r.account
    line = Line(400).put(1, 1, "1").num(2, 3, r.company_kind).num(4, 17, r.company_document)
    line.num(18, 21, a.agency).num(22, 23, "0").num(24, 28, a.account).num(29, 29, a.account_dv)
    line.num(34, 37, "0").put(38, 62, t.company_reference).num(63, 70, t.nosso_numero)
    line.num(71, 83, "0").num(84, 86, a.wallet).put(108, 108, "I").num(109, 110, "1")
    line.put(111, 120, t.document_number).date6(121, 126, t.due_date).money(127, 139, t.amount)
    line.num(140, 142, "341").num(143, 147, "0").num(148, 149, "1").put(150, 150, "N")
    line.date6(151, 156, t.issue_date).num(157, 160, "0").money(161, 173, t.interest_per_day)
    line.date6(174, 179, t.discount_until).money(180, 192, t.discount_amount)
    line.num(193, 218, "0").num(219, 220, t.payer_kind).num(221, 234, t.payer_document)
    line.put(235, 264, t.payer_name).put(275, 314, t.payer_address)
    line.put(315, 326, t.payer_district).num(327, 334, t.payer_postal_code)
    line.put(335, 349, t.payer_city).put(350, 351, t.payer_state).num(386, 393, "0")
    line.num(395, 400, number)
    if not t.fine_percent:
        return [str(line)]
    fine = Line(400).put(1, 1, "2").num(2, 2, "2").date8(3, 10, t.due_date + timedelta(days=1))
    return [str(line), str(fine.money(11, 23, t.fine_percent).num(395, 400, number + 1))]


def _header_400(r: Checked) -> Line:
    a = r.account
    header = Line(400).put(1, 19, "01REMESSA01COBRANCA")
    if r.bank == "341":
        header.num(27, 30, a.agency).num(31, 32, "0").num(33, 37, a.account)
        header.num(38, 38, a.account_dv).put(47, 76, r.company_name)
        header.put(77, 94, "341BANCO ITAU SA")
    elif r.bank == "001":
        header.num(27, 30, a.agency).put(31, 31, a.agency_dv).num(32, 39, a.account)
        header.put(40, 40, a.account_dv).num(41, 46, "0").put(47, 76, r.company_name)
        header.put(77, 94, "001BANCODOBRASIL").num(101, 107, r.sequence)
        header.num(130, 136, a.agreement)  # convênio líder: the convênio itself
    else:
        header.num(27, 46, a.agreement).put(47, 76, r.company_name)
        header.put(77, 94, "237BRADESCO").put(109, 110, "MX").num(111, 117, r.sequence)
    return header.date6(95, 100, r.generated_at.date()).num(395, 400, 1)


DETAILS_400: dict[str, Callable[[Checked, Title, int], list[str]]] = {
    "001": _bb_detail,
    "237": _bradesco_detail,
    "341": _itau_detail,
}


def build(r: Checked) -> list[str]:
    lines = [str(_header_400(r))]
    for title in r.titles:
        lines += DETAILS_400[r.bank](r, title, len(lines) + 1)
    lines.append(str(Line(400).put(1, 1, "9").num(395, 400, len(lines) + 1)))
    return lines
