"""Shipment files (remessa) that register boletos: CNAB 400 (BB CBR641, Bradesco) and
CNAB 240 (FEBRABAN segments P and Q for BB, Caixa and Bradesco). ASCII, CRLF (FACTS.md §10)."""

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal

from atende.banking.cnab.writer import Line
from atende.banking.digits import modulo11_bradesco, only_digits
from atende.banking.errors import BankingError
from atende.banking.models import Beneficiary

BANK_NAMES = {"001": "BANCO DO BRASIL", "104": "CAIXA ECONOMICA FEDERAL", "237": "BRADESCO"}
SUPPORTED = {("400", "001"), ("400", "237"), ("240", "001"), ("240", "104"), ("240", "237")}


@dataclass(frozen=True)
class RemessaTitle:
    nosso_numero: str  # the sequence (bank rules add convênio/modalidade and DV)
    document_number: str
    due_date: date
    amount: Decimal
    payer_name: str
    payer_document: str
    issue_date: date | None = None
    payer_address: str = ""
    payer_district: str = ""
    payer_city: str = ""
    payer_state: str = ""
    payer_postal_code: str = ""
    fine_percent: Decimal = Decimal("0")  # multa after the due date, in percent
    interest_per_day: Decimal = Decimal("0")  # juros de mora, in reais per day


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


def _person_kind(document: str) -> str:
    return "02" if len(only_digits(document or "0", field="documento")) > 11 else "01"


def _bb_nosso_numero(remessa: Remessa, title: RemessaTitle) -> str:
    convenio = only_digits(remessa.beneficiary.agreement, field="convenio")
    if len(convenio) != 7:
        raise BankingError("Remessa do BB: convênio de 7 dígitos (CBR641).", field="convenio")
    return convenio + only_digits(title.nosso_numero, field="nosso_numero", length=10)


def _detail_400_bb(remessa: Remessa, title: RemessaTitle, number: int) -> Line:
    b = remessa.beneficiary
    line = Line(400).put(1, 1, "7").num(2, 3, _person_kind(remessa.company_document))
    line.num(4, 17, remessa.company_document).num(18, 21, b.agency).alpha(22, 22, b.agency_dv)
    line.num(23, 30, b.account).alpha(31, 31, b.account_dv).num(32, 38, b.agreement)
    line.alpha(39, 63, title.document_number).num(64, 80, _bb_nosso_numero(remessa, title))
    line.num(81, 84, "0").num(92, 94, b.wallet_variation or "0").num(95, 101, "0")
    line.num(107, 108, b.wallet).num(109, 110, "1").alpha(111, 120, title.document_number)
    line.date6(121, 126, title.due_date).money(127, 139, title.amount).num(140, 142, "1")
    line.num(143, 146, "0").num(148, 149, "1").put(150, 150, "N")
    line.date6(151, 156, title.issue_date or remessa.generated_at.date()).num(157, 160, "0")
    line.num(161, 218, "0").money(161, 173, title.interest_per_day)
    line.num(219, 220, _person_kind(title.payer_document))
    line.num(221, 234, title.payer_document).alpha(235, 271, title.payer_name)
    line.alpha(275, 314, title.payer_address).alpha(315, 326, title.payer_district)
    line.num(327, 334, title.payer_postal_code or "0").alpha(335, 349, title.payer_city)
    line.alpha(350, 351, title.payer_state).num(395, 400, number)
    return line


def _detail_400_bradesco(remessa: Remessa, title: RemessaTitle, number: int) -> Line:
    b = remessa.beneficiary
    wallet = only_digits(b.wallet, field="carteira", length=3)
    nn = only_digits(title.nosso_numero, field="nosso_numero", length=11)
    line = Line(400).put(1, 1, "1").num(2, 20, "0")
    line.num(21, 21, "0").num(22, 24, wallet).num(25, 29, b.agency).num(30, 36, b.account)
    line.alpha(37, 37, b.account_dv).alpha(38, 62, title.document_number).num(63, 65, "0")
    # BRA-400: 66 = 2 when a fine applies, 67-70 its percentage with 2 decimals.
    line.num(66, 66, "2" if title.fine_percent else "0").money(67, 70, title.fine_percent)
    line.num(71, 81, nn).put(82, 82, modulo11_bradesco(wallet[-2:] + nn))
    line.num(83, 92, "0").put(93, 93, "2").put(94, 94, "N").put(106, 106, "2")
    line.num(109, 110, "1").alpha(111, 120, title.document_number)
    line.date6(121, 126, title.due_date).money(127, 139, title.amount).num(140, 147, "0")
    line.num(148, 149, "1").put(150, 150, "N")
    line.date6(151, 156, title.issue_date or remessa.generated_at.date()).num(157, 218, "0")
    line.money(161, 173, title.interest_per_day)
    line.num(219, 220, _person_kind(title.payer_document)).num(221, 234, title.payer_document)
    line.alpha(235, 274, title.payer_name).alpha(275, 314, title.payer_address)
    line.num(327, 334, title.payer_postal_code or "0").num(395, 400, number)
    return line


def _build_400(remessa: Remessa) -> list[str]:
    b = remessa.beneficiary
    header = Line(400).put(1, 19, "01REMESSA01COBRANCA")
    if remessa.bank == "001":
        header.num(27, 30, b.agency).alpha(31, 31, b.agency_dv).num(32, 39, b.account)
        header.alpha(40, 40, b.account_dv).num(41, 46, "0").alpha(47, 76, remessa.company_name)
        header.put(77, 94, "001BANCODOBRASIL").num(101, 107, remessa.sequence)
        header.put(108, 129, "").num(130, 136, b.agreement)
    else:
        header.num(27, 46, b.agreement).alpha(47, 76, remessa.company_name)
        header.put(77, 94, "237BRADESCO").put(109, 110, "MX").num(111, 117, remessa.sequence)
    header.date6(95, 100, remessa.generated_at.date()).num(395, 400, 1)
    detail = _detail_400_bb if remessa.bank == "001" else _detail_400_bradesco
    lines = [str(header)]
    lines += [str(detail(remessa, t, n)) for n, t in enumerate(remessa.titles, start=2)]
    lines.append(str(Line(400).put(1, 1, "9").num(395, 400, len(lines) + 1)))
    return lines


def _nn_240(remessa: Remessa, title: RemessaTitle) -> str:
    """Segment P 38-57: BB convênio+sequence (G069); Caixa 41-42 mod + 43-57 (CX-240 p.50)."""
    if remessa.bank == "001":
        return _bb_nosso_numero(remessa, title)
    if remessa.bank == "104":
        return "   " + "14" + only_digits(title.nosso_numero, field="nosso_numero", length=15)
    wallet = only_digits(remessa.beneficiary.wallet, field="carteira", length=3)
    nn = only_digits(title.nosso_numero, field="nosso_numero", length=11)
    return f"{wallet}{'0' * 5}{nn}{modulo11_bradesco(wallet[-2:] + nn)}"


def _account_240(line: Line, remessa: Remessa, offset: int) -> None:
    """Agency/account block (18-37 in details, +1 in the batch header)."""
    b = remessa.beneficiary
    line.num(18 + offset, 22 + offset, b.agency).alpha(23 + offset, 23 + offset, b.agency_dv)
    if remessa.bank == "104":
        line.num(24 + offset, 29 + offset, b.agreement).num(30 + offset, 37 + offset, "0")
    else:
        line.num(24 + offset, 35 + offset, b.account).alpha(36 + offset, 36 + offset, b.account_dv)


def _segments(remessa: Remessa, title: RemessaTitle, first: int) -> list[str]:
    p = Line(240).num(1, 3, remessa.bank).num(4, 7, 1).put(8, 8, "3").num(9, 13, first)
    p.put(14, 14, "P").num(16, 17, 1)
    _account_240(p, remessa, 0)
    p.put(38, 57, _nn_240(remessa, title)).num(58, 58, "1").put(59, 62, "1122")
    p.alpha(63, 77, title.document_number).date8(78, 85, title.due_date)
    p.money(86, 100, title.amount).num(101, 105, "0").num(107, 108, "2").put(109, 109, "N")
    p.date8(110, 117, title.issue_date or remessa.generated_at.date())
    if title.interest_per_day:  # C018: 1 = value per day, from the day after the due date
        p.put(118, 118, "1").date8(119, 126, title.due_date + timedelta(days=1))
        p.money(127, 141, title.interest_per_day)
    else:
        p.put(118, 118, "3").num(119, 141, "0")  # 3 = isento
    p.put(142, 142, "0").num(143, 195, "0")
    p.alpha(196, 220, title.document_number).put(221, 221, "3").num(222, 227, "0")
    p.num(228, 229, "9").num(230, 239, "0")
    q = Line(240).num(1, 3, remessa.bank).num(4, 7, 1).put(8, 8, "3").num(9, 13, first + 1)
    q.put(14, 14, "Q").num(16, 17, 1).num(18, 18, int(_person_kind(title.payer_document)))
    q.num(19, 33, title.payer_document).alpha(34, 73, title.payer_name)
    q.alpha(74, 113, title.payer_address).alpha(114, 128, title.payer_district)
    q.num(129, 136, title.payer_postal_code or "0").alpha(137, 151, title.payer_city)
    q.alpha(152, 153, title.payer_state).num(154, 169, "0").num(210, 212, "0")
    if not title.fine_percent:
        return [str(p), str(q)]
    # Segment R (G073): 66 = 2 (percentage), 67-74 from the day after the due date, 75-89 rate.
    r = Line(240).num(1, 3, remessa.bank).num(4, 7, 1).put(8, 8, "3").num(9, 13, first + 2)
    r.put(14, 14, "R").num(16, 17, 1).num(18, 65, "0").put(66, 66, "2")
    r.date8(67, 74, title.due_date + timedelta(days=1)).money(75, 89, title.fine_percent)
    return [str(p), str(q), str(r)]


def _build_240(remessa: Remessa) -> list[str]:
    b, when = remessa.beneficiary, remessa.generated_at
    kind = int(_person_kind(remessa.company_document))
    header = Line(240).num(1, 3, remessa.bank).num(4, 8, "0").num(18, 18, kind)
    header.num(19, 32, remessa.company_document).alpha(33, 52, b.agreement)
    _account_240(header, remessa, 35)
    header.alpha(73, 102, remessa.company_name).alpha(103, 132, BANK_NAMES[remessa.bank])
    header.put(143, 143, "1").date8(144, 151, when.date()).num(152, 157, when.strftime("%H%M%S"))
    header.num(158, 163, remessa.sequence).num(164, 166, "101" if remessa.bank == "104" else "84")
    header.num(167, 171, "0")
    batch = Line(240).num(1, 3, remessa.bank).num(4, 7, 1).put(8, 8, "1").put(9, 9, "R")
    batch.num(10, 11, 1).num(12, 13, 0).num(14, 16, "60" if remessa.bank == "104" else "42")
    batch.num(18, 18, kind).num(19, 33, remessa.company_document).alpha(34, 53, b.agreement)
    _account_240(batch, remessa, 36)
    batch.alpha(74, 103, remessa.company_name).num(184, 191, remessa.sequence)
    batch.date8(192, 199, when.date()).num(200, 207, "0")
    details: list[str] = []
    for title in remessa.titles:
        details += _segments(remessa, title, len(details) + 1)
    trailer = Line(240).num(1, 3, remessa.bank).num(4, 7, 1).put(8, 8, "5")
    trailer.num(18, 23, len(details) + 2).num(24, 92, "0")
    file_trailer = Line(240).num(1, 3, remessa.bank).num(4, 7, 9999).put(8, 8, "9")
    file_trailer.num(18, 23, 1).num(24, 29, len(details) + 4).num(30, 35, "0")
    return [str(header), str(batch), *details, str(trailer), str(file_trailer)]


def build_remessa(remessa: Remessa) -> bytes:
    """The shipment file, ASCII with CRLF line ends (as the banks' systems expect)."""
    if (remessa.layout, remessa.bank) not in SUPPORTED:
        raise BankingError(
            f"Remessa CNAB {remessa.layout} do banco {remessa.bank} não suportada.",
            field="bank",
        )
    if not remessa.titles:
        raise BankingError("A remessa precisa de ao menos um título.", field="titles")
    lines = _build_400(remessa) if remessa.layout == "400" else _build_240(remessa)
    return ("\r\n".join(lines) + "\r\n").encode("ascii")
