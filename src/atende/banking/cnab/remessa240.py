"""CNAB 240 remessa: file header, one batch of segments P, Q (and R for a fine), trailers.

FEBRABAN positions (BRA-240) with each bank's particularities: BB's convênio block
(convênio 9 + 0014 + carteira + variação, BB-240 and every BB file in shared/), Caixa's
zeros and modalidade (CX-240 p.50 and its sample), Bradesco's carteira + NN + DV (BRA-240),
Sicoob's nosso número + parcela + modalidade + form (SIC-XLS sheet 06 row 80, FACTS-more-banks
§3.4) and Sicredi's `AAByyyyyD` (§4.4). What the sources leave open follows brcobranca [lib].
"""

from dataclasses import dataclass
from datetime import timedelta

from atende.banking.banks import bradesco, itau
from atende.banking.cnab.remessa_rules import Checked, Title
from atende.banking.cnab.writer import Line


@dataclass(frozen=True)
class Profile:
    name: str  # header 103-132
    file_version: str  # header 164-166
    batch_version: str  # batch header 14-16
    species: str = "02"  # P 107-108 (02 = duplicata mercantil)
    registration: str = "1"  # P 59: 1 = com cadastramento
    write_off: str = "0000"  # P 224-227: código and prazo para baixa/devolução
    density: str = "00000"  # header 167-171
    file_trailer_zeros: bool = False  # file trailer 30-35


PROFILES = {
    "001": Profile("BANCO DO BRASIL S.A.", "083", "042"),  # BB sample
    "104": Profile("CAIXA ECONOMICA FEDERAL", "101", "060", write_off="1120"),  # CX-240, sample
    "237": Profile("BRADESCO", "084", "042"),  # BRA-240
    # [lib: brcobranca] versions, cadastramento 0, no baixa (Sicoob); espécie 03, baixa after
    # 60 days and density 1600 (Sicredi); zeros at 30-35 of the file trailer (both).
    "756": Profile("SICOOB", "081", "040", registration="0", file_trailer_zeros=True),
    "748": Profile(
        "SICREDI",
        "081",
        "040",
        species="03",
        write_off="1060",
        density="01600",
        file_trailer_zeros=True,
    ),
    "341": Profile("BANCO ITAU SA", "040", "030", species="01"),  # [lib: brcobranca]
}
SICOOB_INSTALLMENT, SICOOB_FORM = "01", "4"  # parcela única; formulário A4 sem envelopamento


def _agreement_block(r: Checked) -> str:
    """Header 33-52 (batch 34-53)."""
    a = r.account
    if r.bank == "001":
        return f"{a.agreement.zfill(9)}0014{a.wallet}{a.variation.zfill(3)}  "
    if r.bank == "104":
        return "0" * 20  # CX-240: the code goes in the account block; the batch differs
    if r.bank in ("756", "748", "341"):
        return ""  # brancos [lib: brcobranca]
    return a.agreement.zfill(20)


def _account_block(line: Line, r: Checked, start: int) -> None:
    """Header 53-72 (batch 54-73, P 18-37): agência, DV, then the account or Caixa's code."""
    a = r.account
    if r.bank == "341":  # ITAU-240: 0 + agência(4) + branco + 7 zeros + conta(5) + branco + DAC
        line.num(start, start + 4, a.agency).num(start + 6, start + 17, a.account)
        line.put(start + 19, start + 19, a.account_dv)
        return
    line.num(start, start + 4, a.agency).put(start + 5, start + 5, a.agency_dv)
    if r.bank == "104":  # convênio(6) + 7 zeros + 1 zero (CX-240, sample)
        line.num(start + 6, start + 11, a.agreement).num(start + 12, start + 19, "0")
    else:
        line.num(start + 6, start + 17, a.account).put(start + 18, start + 18, a.account_dv)


def _nosso_numero(r: Checked, t: Title) -> str:
    """P 38-57 (G069): BB convênio 7 + sequence 10, left-aligned; Caixa 3 zeros, modalidade,
    NN(15) (CX-240 p.50); Bradesco carteira(3) + 5 zeros + NN(11) + DV; Sicoob NN + DV in 10,
    parcela, modalidade, formulário, 5 brancos; Sicredi NN with DV, left-aligned."""
    a = r.account
    if r.bank == "001":
        return f"{a.agreement.zfill(7)}{t.nosso_numero.zfill(10)}".ljust(20)
    if r.bank == "104":
        return f"000{a.modality}{t.nosso_numero.zfill(15)}"
    if r.bank == "756":
        return f"{t.nosso_numero.zfill(10)}{SICOOB_INSTALLMENT}{a.modality}{SICOOB_FORM}".ljust(20)
    if r.bank == "748":
        return t.nosso_numero.ljust(20)
    wallet, number = a.wallet.zfill(3), t.nosso_numero.zfill(11)
    return f"{wallet}00000{number}{bradesco.dv_of(wallet, number)}"


def _start(r: Checked, sequence: int, segment: str) -> Line:
    line = Line(240).num(1, 3, r.bank).num(4, 7, 1).put(8, 8, "3").num(9, 13, sequence)
    return line.put(14, 14, segment).num(16, 17, "1")


def _wallet_code(r: Checked) -> str:
    """P 58: BB carteira 17 simples is 7, 11/12 simples is 1 (BB-240 via brcobranca [lib]);
    the others, 1 = cobrança simples."""
    return "7" if r.bank == "001" and r.account.wallet == "17" else "1"


def _segment_p(r: Checked, t: Title, sequence: int) -> Line:
    profile = PROFILES[r.bank]
    p = _start(r, sequence, "P")
    _account_block(p, r, 18)
    caixa = r.bank == "104"
    # 59 cadastramento, 60 tipo de documento, 61 emissão (Caixa: 1 = the Caixa prints, for
    # modalidade 11), 62 distribuição (Caixa sample: 0).
    emission = "1" if caixa and r.account.modality == "11" else "2"
    p.put(38, 57, _nosso_numero(r, t)).put(58, 58, _wallet_code(r))
    p.put(59, 62, f"{profile.registration}{'2' if caixa else '1'}{emission}{'0' if caixa else '2'}")
    p.put(63, 77, t.document_number).date8(78, 85, t.due_date).money(86, 100, t.amount)
    p.num(101, 106, "0").num(107, 108, profile.species).put(109, 109, "N")
    p.date8(110, 117, t.issue_date)
    if t.interest_per_day:  # C018: 1 = value per day, from the day after the due date
        p.put(118, 118, "1").date8(119, 126, t.due_date + timedelta(days=1))
        p.money(127, 141, t.interest_per_day)
    else:
        p.put(118, 118, "3").num(119, 141, "0")  # 3 = isento
    if t.discount_amount:  # C021: 1 = fixed value until the date
        p.put(142, 142, "1").date8(143, 150, t.discount_until)
        p.money(151, 165, t.discount_amount)
    else:
        p.put(142, 142, "0").num(143, 165, "0")
    p.num(166, 195, "0").put(196, 220, t.company_reference).put(221, 221, "3")
    p.num(222, 223, "0").put(224, 227, profile.write_off)
    return p.num(228, 229, "9").num(230, 239, "0")


def _itau_segment_p(r: Checked, t: Title, sequence: int) -> Line:
    """ITAU-240 §3.1 (positions as brcobranca lists them [lib]): carteira 38-40, NN 41-48 and
    its DAC 49 (as the return's segment T, FACTS-more-banks §1.4), no juros or desconto codes
    (118 and 142 are zeros), prazo de baixa in two digits."""
    a = r.account
    p = _start(r, sequence, "P")
    _account_block(p, r, 18)
    number = t.nosso_numero.zfill(8)
    # ITAU-BOL Anexo 4: DAC mod 10 over agência + conta + carteira + NN (carteiras comuns).
    dac = itau.dac_of(a.agency, a.account, a.wallet, number)
    p.num(38, 40, a.wallet).num(41, 48, number).num(49, 49, dac).num(58, 62, "0")
    p.put(63, 72, t.document_number).date8(78, 85, t.due_date).money(86, 100, t.amount)
    p.num(101, 106, "0").num(107, 108, "1").put(109, 109, "N").date8(110, 117, t.issue_date)
    interest_from = t.due_date + timedelta(days=1) if t.interest_per_day else None
    p.num(118, 118, "0").date8(119, 126, interest_from)
    p.money(127, 141, t.interest_per_day).num(142, 142, "0").date8(143, 150, t.discount_until)
    p.money(151, 165, t.discount_amount).num(166, 195, "0").put(196, 220, t.company_reference)
    return p.put(221, 221, "3").num(222, 226, "0").num(227, 239, "0")


def _segment_q(r: Checked, t: Title, sequence: int) -> Line:
    q = _start(r, sequence, "Q").num(18, 18, int(t.payer_kind)).num(19, 33, t.payer_document)
    q.put(34, 63 if r.bank == "341" else 73, t.payer_name).put(74, 113, t.payer_address).put(
        114, 128, t.payer_district
    )
    q.num(129, 136, t.payer_postal_code).put(137, 151, t.payer_city).put(152, 153, t.payer_state)
    return q.num(154, 169, "0").num(210, 212, "0")


def _segment_r(r: Checked, t: Title, sequence: int) -> Line:
    """G073: 66 = 2 (percentage), 67-74 the day after the due date, 75-89 the rate."""
    line = _start(r, sequence, "R").num(18, 65, "0").put(66, 66, "2")
    return line.date8(67, 74, t.due_date + timedelta(days=1)).money(75, 89, t.fine_percent)


def build(r: Checked) -> list[str]:
    profile = PROFILES[r.bank]
    when = r.generated_at
    kind = int(r.company_kind)
    header = Line(240).num(1, 3, r.bank).num(4, 8, "0").num(18, 18, kind)
    header.num(19, 32, r.company_document).put(33, 52, _agreement_block(r))
    _account_block(header, r, 53)
    header.put(73, 102, r.company_name).put(103, 132, profile.name).put(143, 143, "1")
    header.date8(144, 151, when.date()).num(152, 157, when.strftime("%H%M%S"))
    header.num(158, 163, r.sequence).num(164, 166, profile.file_version)
    header.num(167, 171, profile.density)
    if r.bank == "341":
        header.num(226, 228, "0")  # [lib: brcobranca, ITAU-240 header complement]
    if r.bank == "104":
        header.put(192, 211, "REMESSA-PRODUCAO")  # CX-240 "situação do arquivo" (sample)
    batch = Line(240).num(1, 3, r.bank).num(4, 7, 1).put(8, 8, "1").put(9, 9, "R")
    # 12-13 are FEBRABAN's (blank, as in the BB, Sicoob and Sicredi samples); Caixa's has 00.
    batch.num(10, 11, "1").put(12, 13, "00" if r.bank in ("104", "341") else "")
    batch.num(14, 16, profile.batch_version).num(18, 18, kind)
    batch.num(19, 33, r.company_document)
    if r.bank == "104":  # CX-240: código do beneficiário (6) + 14 zeros
        batch.num(34, 39, r.account.agreement).num(40, 53, "0")
    else:
        batch.put(34, 53, _agreement_block(r))
    _account_block(batch, r, 54)
    batch.put(74, 103, r.company_name).num(184, 191, r.sequence)
    batch.date8(192, 199, when.date()).num(200, 207, "0")
    details: list[str] = []
    for title in r.titles:
        segment_p = _itau_segment_p if r.bank == "341" else _segment_p
        details.append(str(segment_p(r, title, len(details) + 1)))
        details.append(str(_segment_q(r, title, len(details) + 1)))
        if title.fine_percent:
            details.append(str(_segment_r(r, title, len(details) + 1)))
    trailer = Line(240).num(1, 3, r.bank).num(4, 7, 1).put(8, 8, "5")
    trailer.num(18, 23, len(details) + 2)
    if r.bank != "341":  # Itaú's batch trailer is blank after the count [lib]
        trailer.num(24, 92, "0")
    file_trailer = Line(240).num(1, 3, r.bank).num(4, 7, 9999).put(8, 8, "9")
    file_trailer.num(18, 23, 1).num(24, 29, len(details) + 4)
    if profile.file_trailer_zeros:
        file_trailer.num(30, 35, "0")
    return [str(header), str(batch), *details, str(trailer), str(file_trailer)]
