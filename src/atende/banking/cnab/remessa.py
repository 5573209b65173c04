"""Shipment files (remessa) that register boletos: CNAB 400 (BB CBR641, Bradesco) and
CNAB 240 (FEBRABAN segments P, Q and R for BB, Caixa and Bradesco). ASCII, CRLF.

Every field is checked first (remessa_rules.py); a bad one is refused with its field and
reason and nothing is written. Positions: FACTS.md §10, the banks' samples in
shared/banking-fixtures/remessa and, where those are silent, brcobranca's layout notes [lib].
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal

from atende.banking.cnab import remessa240
from atende.banking.cnab.remessa_rules import Checked, Title, check_remessa
from atende.banking.cnab.writer import Line
from atende.banking.digits import modulo11_bradesco
from atende.banking.models import Beneficiary

NO_FINE = Decimal("0")


@dataclass(frozen=True)
class RemessaTitle:
    nosso_numero: str  # the sequence (bank rules add convênio/modalidade and DV)
    document_number: str  # seu número
    due_date: date
    amount: Decimal
    payer_name: str
    payer_document: str
    issue_date: date | None = None  # defaults to the day the file is generated
    payer_address: str = ""
    payer_district: str = ""
    payer_city: str = ""
    payer_state: str = ""
    payer_postal_code: str = ""
    fine_percent: Decimal = NO_FINE  # multa after the due date, in percent
    interest_per_day: Decimal = NO_FINE  # juros de mora, in reais per day
    discount_amount: Decimal = NO_FINE  # desconto if paid until `discount_until`
    discount_until: date | None = None
    company_reference: str = ""  # comes back in the return (defaults to the document number)


@dataclass(frozen=True)
class Remessa:
    bank: str
    layout: str  # "240" or "400"
    beneficiary: Beneficiary
    company_name: str
    company_document: str
    sequence: int  # NSA: the bank checks it grows by one per file
    titles: list[RemessaTitle] = field(default_factory=list)
    generated_at: datetime = field(default_factory=datetime.now)
    modality: str = ""  # Caixa: 11 (the Caixa prints) or 14 (the beneficiary prints)


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
    dv = modulo11_bradesco(wallet[-2:] + t.nosso_numero.zfill(11))
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


def _header_400(r: Checked) -> Line:
    a = r.account
    header = Line(400).put(1, 19, "01REMESSA01COBRANCA")
    if r.bank == "001":
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
}


def _build_400(r: Checked) -> list[str]:
    lines = [str(_header_400(r))]
    for title in r.titles:
        lines += DETAILS_400[r.bank](r, title, len(lines) + 1)
    lines.append(str(Line(400).put(1, 1, "9").num(395, 400, len(lines) + 1)))
    return lines


def build_remessa(remessa: Remessa) -> bytes:
    """The shipment file, ASCII with CRLF line ends (as the banks' systems expect), or a
    BankingError (field and reason) before anything is written."""
    checked = check_remessa(remessa)
    lines = _build_400(checked) if checked.layout == "400" else remessa240.build(checked)
    return ("\r\n".join(lines) + "\r\n").encode("ascii")
