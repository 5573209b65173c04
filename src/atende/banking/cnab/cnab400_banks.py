"""CNAB 400 return details of Itaú, Santander, Sicoob and Sicredi (FACTS-more-banks.md §1.3,
§2.3, §3.3, §4.3). The structure (header first, trailer last, sequence numbers) is cnab400.py's.
"""

from atende.banking.cnab import nosso_numero as nn
from atende.banking.cnab.errors import CnabError
from atende.banking.cnab.fields import Record
from atende.banking.cnab.layout400 import (
    Layout,
    common,
    computed_net,
    motives,
    sequence_trailer,
)
from atende.banking.cnab.models import Occurrence, ReturnHeader


def _itau(r: Record) -> Occurrence:
    """ITAU-BOL p.13. 254-266 is the "valor principal", the amount put in the account: in
    every sample it is the payer's payment less the tarifa (40,00 − 2,10 = 37,90), so the
    payment is principal + tarifa and the principal is the net credit (§1.3)."""
    raw = r.raw(83, 94)  # carteira 83-85, NN 86-93, DAC 94
    number, printed = nn.itau(raw[:3], raw[3:11], raw[11])
    principal, fees = r.money(254, 266), r.money(176, 188)
    return Occurrence(
        **common(r, "341"),
        nosso_numero=number, nosso_numero_raw=raw, nosso_numero_printed=printed,
        company_reference=r.alpha(38, 62), paying_agency=r.alpha(169, 173), fees=fees,
        iof=r.money(215, 227), rebate=r.money(228, 240), discount=r.money(241, 253),
        amount_paid=principal + fees if principal else principal, net_credit=principal,
        interest=r.money(267, 279), other_credits=r.money(280, 292),
        credit_date=r.date(296, 301), channel=r.alpha(393, 394),
        reasons=motives(r, 378, 385),
    )  # fmt: skip


def _itau_header(h: Record, bank: str) -> ReturnHeader:
    return ReturnHeader(bank, h.alpha(80, 94), "400", "", h.alpha(27, 30), h.alpha(33, 38),
                        h.alpha(47, 76), h.integer(109, 113), h.date(95, 100))  # fmt: skip


def _itau_trailer(trailer: Record, count: int, occurrences: list[Occurrence]) -> None:
    """213-220 counts the details and 221-234 sums their valor do título (p.16); all six
    public samples agree, so a detail lost or altered on the way is caught."""
    sequence_trailer(trailer, count, occurrences)
    total = sum(o.amount for o in occurrences)
    if trailer.integer(213, 220) != len(occurrences) or trailer.money(221, 234) != total:
        raise CnabError(
            f"o trailer informa {trailer.integer(213, 220)} títulos somando "
            f"{trailer.money(221, 234)}; o arquivo tem {len(occurrences)} somando {total}",
            line=trailer.number,
        )


def _santander(r: Record) -> Occurrence:
    """SAN-400 p.12-15 (no public sample): NN 63-70 (7 + DV); 367-379 the amount debited or
    credited, with D or C at 380. The 7 digits are the boleto's 12 with their 5 leading zeros
    (SAN-BOL p.7, FACTS-more-banks §2.1): given back as 12, as the boleto and CNAB 240 print
    them (the DV is the same, zeros weigh nothing)."""
    raw = r.raw(63, 70)
    number, printed = nn.with_dv(raw[:7].zfill(12), raw[7])
    posted = r.money(367, 379)
    errors = r.raw(137, 145)
    return Occurrence(
        **common(r, "033"),
        nosso_numero=number, nosso_numero_raw=raw, nosso_numero_printed=printed,
        company_reference=r.alpha(38, 62), paying_agency=r.alpha(169, 173),
        fees=r.money(176, 188), other_expenses=r.money(189, 201),
        operation_interest=r.money(202, 214), iof=r.money(215, 227),
        rebate=r.money(228, 240), discount=r.money(241, 253), amount_paid=r.money(254, 266),
        interest=r.money(267, 279), other_credits=r.money(280, 292),
        credit_date=r.date(296, 301), net_credit=-posted if r.raw(380, 380) == "D" else posted,
        reasons=tuple(code for code in (errors[0:3], errors[3:6], errors[6:9])
                      if code.strip("0 ")),
    )  # fmt: skip


def _santander_header(h: Record, bank: str) -> ReturnHeader:
    return ReturnHeader(bank, h.alpha(80, 94), "400", h.alpha(39, 46), h.alpha(27, 30),
                        h.alpha(31, 38), h.alpha(47, 76), 0, h.date(95, 100))  # fmt: skip


def _sicoob(r: Record) -> Occurrence:
    """SIC-XLS sheet 04: BB's CBR643 shape (crédito 176-181, tarifa 182-188, 9(5)v99). The
    valor do lançamento (306-318) is empty in the only sample while 390,00 was paid, so the
    net credit is paid − tarifa, not that field."""
    raw = r.raw(63, 74)  # NN 63-73 (11) + DV 74
    number, printed = nn.with_dv(raw[:11].lstrip("0").zfill(7), raw[11])
    paid, fees = r.money(254, 266), r.money(182, 188)
    refusal = r.alpha(81, 82)
    fields = common(r, "756")
    return Occurrence(
        **fields,
        nosso_numero=number, nosso_numero_raw=raw, nosso_numero_printed=printed,
        company_reference=r.alpha(38, 62), paying_agency=r.alpha(169, 173),
        credit_date=r.date(176, 181), fees=fees, other_expenses=r.money(189, 201),
        operation_interest=r.money(202, 214), iof=r.money(215, 227),
        rebate=r.money(228, 240), discount=r.money(241, 253), amount_paid=paid,
        interest=r.money(267, 279), other_credits=r.money(280, 292),
        unused_rebate=r.money(293, 305), adjustment=r.money(321, 332),
        net_credit=computed_net(fields["kind"], paid, fees),
        reasons=(refusal,) if refusal.strip("0") else (),
    )  # fmt: skip


def _sicoob_header(h: Record, bank: str) -> ReturnHeader:
    return ReturnHeader(bank, h.alpha(77, 94), "400", h.alpha(32, 40), h.alpha(27, 31),
                        h.alpha(41, 46), h.alpha(47, 76), h.integer(101, 107),
                        h.date(95, 100))  # fmt: skip


def _sicredi(r: Record) -> Occurrence:
    """SCR-400 §10.2 p.52-54: NN `AAByyyyyD` from 48, juros 267-279 and multa 280-292 apart,
    and only a "data prevista para lançamento" (329-336, AAAAMMDD) for the credit."""
    raw = r.raw(48, 62)
    number, printed = nn.sicredi(raw)
    paid, fees = r.money(254, 266), r.money(176, 188)
    fields = common(r, "748")
    return Occurrence(
        **fields,
        nosso_numero=number, nosso_numero_raw=raw, nosso_numero_printed=printed,
        channel=r.alpha(127, 131), fees=fees, other_expenses=r.money(189, 201),
        rebate=r.money(228, 240), discount=r.money(241, 253), amount_paid=paid,
        interest=r.money(267, 279), fine=r.money(280, 292),
        net_credit=computed_net(fields["kind"], paid, fees),
        credit_date=r.date(329, 336, "YMD"), reasons=motives(r, 319, 328),
    )  # fmt: skip


def _sicredi_header(h: Record, bank: str) -> ReturnHeader:
    return ReturnHeader(bank, h.alpha(80, 94), "400", h.alpha(27, 31), "", "", "",
                        h.integer(111, 117), h.date(95, 102, "YMD"))  # fmt: skip


LAYOUTS: dict[str, Layout] = {
    "341": Layout(_itau, _itau_header, trailer=_itau_trailer),
    "033": Layout(_santander, _santander_header),
    "756": Layout(_sicoob, _sicoob_header),
    "748": Layout(_sicredi, _sicredi_header),
}
