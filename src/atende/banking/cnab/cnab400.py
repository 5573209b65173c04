"""CNAB 400 returns: the file's structure (header, details, trailer, sequence numbers) and the
detail layouts of BB CBR643 (convênio 7), Bradesco and Caixa SIGCB (FACTS.md §8). The other
banks' details are in `cnab400_banks.py`."""

from collections.abc import Iterator

from atende.banking.cnab import cnab400_banks
from atende.banking.cnab import nosso_numero as nn
from atende.banking.cnab.errors import CnabError
from atende.banking.cnab.fields import Record
from atende.banking.cnab.layout400 import Layout, common, computed_net, motives
from atende.banking.cnab.models import Occurrence, OccurrenceKind, ReturnFile, ReturnHeader

LENGTH = 400


def _bb(r: Record) -> Occurrence:
    """CBR643 type 7 (p.4-6): tarifa 182-188 9(5)v99, crédito 176-181, lançamento 306-318."""
    nature = r.alpha(87, 88)
    fields = common(r, "001")
    # Natureza 02 is a partial liquidation whatever the comando (CBR643 p.17, p.23).
    if fields["kind"] is OccurrenceKind.PAYMENT and nature == "02":
        fields = common(r, "001", kind=OccurrenceKind.PARTIAL_PAYMENT)
    raw = r.raw(64, 80)
    number, printed = nn.bb(raw)
    # 319 = 1 in the one entry with a debit (the tarifa sample) and 2 beside every credit in
    # the liquidation samples: read as débito/crédito (CBR643 p.6 names the field only).
    posted = r.money(306, 318)
    return Occurrence(
        **fields,
        nosso_numero=number, nosso_numero_raw=raw, nosso_numero_printed=printed,
        company_reference=r.alpha(39, 63), credit_date=r.date(176, 181),
        paying_agency=r.alpha(169, 173), fees=r.money(182, 188),
        other_expenses=r.money(189, 201), operation_interest=r.money(202, 214),
        iof=r.money(215, 227), rebate=r.money(228, 240), discount=r.money(241, 253),
        amount_paid=r.money(254, 266), interest=r.money(267, 279),
        other_credits=r.money(280, 292), unused_rebate=r.money(293, 305),
        net_credit=-posted if r.raw(319, 319) == "1" else posted,
        adjustment=r.money(321, 332), channel=r.alpha(393, 394),
        reasons=(nature,) if nature.strip("0") else (),
    )  # fmt: skip


def _bradesco(r: Record) -> Occurrence:
    """BRA-400 p.39-41: NN 71-81 + DV 82, carteira inside 21-37, crédito 296-301."""
    raw = r.raw(71, 82)
    number, printed = nn.bradesco(r.raw(22, 24), raw[:11], raw[11])
    paid, fees = r.money(254, 266), r.money(176, 188)
    fields = common(r, "237")
    return Occurrence(
        **fields,
        nosso_numero=number, nosso_numero_raw=raw, nosso_numero_printed=printed,
        company_reference=r.alpha(38, 62), credit_date=r.date(296, 301),
        paying_agency=r.alpha(169, 173), fees=fees, other_expenses=r.money(189, 201),
        operation_interest=r.money(202, 214), iof=r.money(215, 227),
        rebate=r.money(228, 240), discount=r.money(241, 253), amount_paid=paid,
        interest=r.money(267, 279), other_credits=r.money(280, 292),
        net_credit=computed_net(fields["kind"], paid, fees),  # no net field in BRA-400
        channel=r.alpha(302, 304), reasons=motives(r, 319, 328),
    )  # fmt: skip


def _caixa(r: Record) -> Occurrence:
    """CX-400 p.16: 254-266 is the principal only; juros 267-279 and multa 280-292 are apart,
    so the payer paid (and the account is credited) principal + juros + multa."""
    raw = r.raw(57, 73)
    number, printed = nn.caixa(raw[:2], raw[2:])
    principal, interest, fine = r.money(254, 266), r.money(267, 279), r.money(280, 292)
    fees = r.money(176, 188)
    reason = r.alpha(80, 82)
    fields = common(r, "104")
    return Occurrence(
        **fields,
        nosso_numero=number, nosso_numero_raw=raw, nosso_numero_printed=printed,
        company_reference=r.alpha(32, 56), credit_date=r.date(294, 299),
        paying_agency=r.alpha(169, 173), fees=fees, iof=r.money(215, 227),
        rebate=r.money(228, 240), discount=r.money(241, 253),
        amount_paid=principal + interest + fine, interest=interest, fine=fine,
        net_credit=computed_net(fields["kind"], principal + interest + fine, fees),
        channel=r.alpha(189, 191),
        reasons=(reason,) if reason.strip("0") else (),
    )  # fmt: skip


def _header_bb(h: Record, bank: str) -> ReturnHeader:
    return ReturnHeader(bank, h.alpha(80, 94), "400", h.alpha(150, 156), h.alpha(27, 31),
                        h.alpha(32, 40), h.alpha(47, 76), h.integer(101, 107),
                        h.date(95, 100))  # fmt: skip


def _header_bradesco(h: Record, bank: str) -> ReturnHeader:
    return ReturnHeader(bank, h.alpha(80, 94), "400", h.alpha(27, 46), "", "", h.alpha(47, 76),
                        h.integer(109, 113), h.date(95, 100))  # fmt: skip


def _header_caixa(h: Record, bank: str) -> ReturnHeader:
    # The code has 7 digits in files since ~2020 (31-37), 6 in the 2016 manual (31-36).
    return ReturnHeader(bank, h.alpha(80, 94), "400", h.alpha(31, 37).lstrip("0"),
                        h.alpha(27, 30), "", h.alpha(47, 76), h.integer(390, 394),
                        h.date(95, 100))  # fmt: skip


def _bradesco_trailer(trailer: Record, count: int, occurrences: list[Occurrence]) -> None:
    """Bradesco's trailer counts occurrences per code; 58-62 (code 02) is the one every
    sample agrees with (a public sample has a hand-edited sequence number)."""
    confirmed = sum(1 for occurrence in occurrences if occurrence.code == "02")
    if trailer.integer(58, 62) != confirmed:
        raise CnabError(f"o trailer conta {trailer.integer(58, 62)} entradas confirmadas "
                        f"(02); o arquivo tem {confirmed}", line=trailer.number)  # fmt: skip


LAYOUTS: dict[str, Layout] = {
    "001": Layout(_bb, _header_bb, detail_types=frozenset("7"), optional_types=frozenset("5")),
    "237": Layout(_bradesco, _header_bradesco, optional_types=frozenset("2345"),
                  trailer=_bradesco_trailer),
    "104": Layout(_caixa, _header_caixa),
} | cnab400_banks.LAYOUTS  # fmt: skip


def _fix_bb_header(record: Record) -> Record:
    """A BB header of 401 characters: the company name padded to 31 (FACTS.md §12)."""
    if len(record.text) == 401 and record.text[76] == " ":
        return Record(record.text[:76] + record.text[77:], record.number)
    return record


def parse(first: Record, rest: Iterator[Record], bank: str) -> ReturnFile:
    layout = LAYOUTS[bank]
    first = _fix_bb_header(first) if bank == "001" else first
    if len(first.text) != LENGTH:
        raise CnabError(f"tamanho {len(first.text)}, esperado {LENGTH}", line=first.number)
    if first.raw(2, 9) not in ("2RETORNO", "2R.TESTE"):
        raise CnabError("header não é de retorno (posições 2-9)", line=first.number)
    header = layout.header(first, bank)
    occurrences: list[Occurrence] = []
    count = 1
    for record in rest:
        count += 1
        if len(record.text) != LENGTH:
            raise CnabError(f"tamanho {len(record.text)}, esperado {LENGTH}", line=record.number)
        kind = record.raw(1, 1)
        if kind in layout.detail_types:
            occurrences.append(layout.detail(record))
        elif kind == "9":
            layout.trailer(record, count, occurrences)
            extra = next(rest, None)
            if extra is not None:
                raise CnabError("registros depois do trailer", line=extra.number)
            return ReturnFile(layout="400", header=header, occurrences=occurrences)
        elif kind == "0":
            raise CnabError("header repetido no meio do arquivo", line=record.number)
        elif kind not in layout.optional_types:
            raise CnabError(f"tipo de registro “{kind}” inválido", line=record.number)
    raise CnabError("arquivo sem o trailer (registro 9) no fim", line=first.number + count - 1)
