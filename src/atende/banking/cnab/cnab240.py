"""CNAB 240 return: file and batch structure, segments T and U paired per título (FACTS.md §9;
Santander's and Itaú's own segment T in FACTS-more-banks.md §1.4 and §2.4)."""

import re
from collections.abc import Callable, Iterator

from atende.banking.cnab import nosso_numero as nn
from atende.banking.cnab.errors import CnabError
from atende.banking.cnab.fields import Record
from atende.banking.cnab.models import SETTLING, Occurrence, ReturnFile, ReturnHeader
from atende.banking.cnab.occurrences import describe

LENGTH = 240
BANK_NAMES = {
    "001": "BANCO DO BRASIL", "104": "CAIXA", "237": "BRADESCO", "341": "ITAU",
    "033": "SANTANDER", "756": "SICOOB", "748": "SICREDI",
}  # fmt: skip
# sicoob-cnab240-1.ret lost 17 spaces inside its header: 143-171 sits at 126-154.
_HEADER_TAIL = re.compile(r"2\d{8}\d{6}\d{6}\d{3}\d{5}$")


def _normalise(record: Record) -> Record:
    """Right-pad lines whose trailing spaces were stripped (FACTS.md §12), remembering their
    real width so a field cut off is refused; refuse anything longer than 240 (one public
    sample has a 241st space, which is dropped)."""
    text = record.text
    if len(text) == LENGTH:
        return record
    if len(text) > LENGTH:
        if text[LENGTH:].strip():
            raise CnabError(f"tamanho {len(text)}, esperado {LENGTH}", line=record.number)
        return Record(text[:LENGTH], record.number)
    return Record(text.ljust(LENGTH), record.number, length=len(text))


def _nosso_numero(t: Record, bank: str) -> tuple[str, str, str]:
    """(raw, without DV, printed) from segment T, by the bank's layout."""
    if bank == "033":  # SAN-240: 41-53 = 12 + DV
        raw = t.raw(41, 53)
        return (raw, *nn.with_dv(raw[:12], raw[12]))
    if bank == "341":  # ITAU-240: 38-40 carteira, 41-48 NN, 49 DAC
        raw = t.raw(38, 49)
        return (raw, *nn.itau(raw[:3], raw[3:11], raw[11]))
    raw = t.raw(38, 57)
    if bank == "104":  # CX-240 p.50: 40-41 modalidade, 42-56 NN(15), 57 DV
        return (raw, *nn.caixa(raw[2:4], raw[4:19], raw[19]))
    if bank == "237":  # BRA-240: carteira(3) + zeros(5) + NN(11) + DV
        return (raw, *nn.bradesco(raw[:3], raw[8:19], raw[19]))
    if bank == "756":
        return (raw, *nn.sicoob_240(raw))
    if bank == "748":
        return (raw, *nn.sicredi(raw))
    return (raw, *nn.bb(raw))


# Segment T positions: FEBRABAN (BRA-240 p.21) and the two banks that move them.
Span = tuple[int, int]
T_FEBRABAN: dict[str, Span] = {
    "document": (59, 73), "due": (74, 81), "amount": (82, 96), "bank": (97, 99),
    "agency": (100, 105), "company": (106, 130), "fees": (199, 213), "reasons": (214, 223),
}  # fmt: skip
T_POSITIONS: dict[str, dict[str, Span]] = {
    "033": {  # SAN-240 p.10-11
        "document": (55, 69), "due": (70, 77), "amount": (78, 92), "bank": (93, 95),
        "agency": (96, 100), "company": (101, 125), "fees": (194, 208), "reasons": (209, 218),
    },
    "341": T_FEBRABAN | {"document": (59, 68), "reasons": (214, 221)},  # ITAU-240 p.14-15
}  # fmt: skip


def _reasons(t: Record, span: Span) -> tuple[str, ...]:
    field = t.raw(*span)
    if not field.strip("0 "):
        return ()
    pairs = (field[offset : offset + 2] for offset in range(0, len(field) - 1, 2))
    return tuple(pair for pair in pairs if pair.strip() and pair != "00")


def _occurrence(t: Record, u: Record, bank: str) -> Occurrence:
    at = T_POSITIONS.get(bank, T_FEBRABAN)
    code = t.alpha(16, 17)
    meaning, kind = describe("240", bank, code)
    raw, number, printed = _nosso_numero(t, bank)
    fees = t.money(*at["fees"])
    amount_paid, channel = u.money(78, 92), ""
    if bank == "341":  # both U 78-92 and 93-107 are "valor lançado em conta" (ITAU-240 p.22)
        amount_paid, channel = amount_paid + fees, t.alpha(222, 223)
    occurrence_date = u.date(138, 145)
    return Occurrence(
        line=t.number,
        code=code,
        meaning=meaning,
        kind=kind,
        nosso_numero=number,
        nosso_numero_raw=raw,
        nosso_numero_printed=printed,
        document_number=t.alpha(*at["document"]),
        company_reference=t.alpha(*at["company"]),
        amount=t.money(*at["amount"]),
        amount_paid=amount_paid,
        fees=fees,
        interest=u.money(18, 32),
        discount=u.money(33, 47),
        rebate=u.money(48, 62),
        iof=u.money(63, 77),
        other_expenses=u.money(108, 122),
        other_credits=u.money(123, 137),
        net_credit=u.money(93, 107),
        due_date=t.date(*at["due"]),
        occurrence_date=occurrence_date,
        payment_date=occurrence_date if kind in SETTLING else None,
        credit_date=u.date(146, 153),
        paying_bank=t.digits(*at["bank"]),
        paying_agency=t.alpha(*at["agency"]),
        channel=channel,
        reasons=_reasons(t, at["reasons"]),
    )


def _header(record: Record, bank: str) -> ReturnHeader:
    if record.raw(143, 143) == "1":
        raise CnabError("é um arquivo de remessa (posição 143 = 1), não de retorno", line=1)
    tail = _HEADER_TAIL.search(record.text.rstrip())
    if record.raw(143, 143) not in ("2", " ") and tail and record.length < 171:
        fixed = record.text[: tail.start()].ljust(142) + tail.group()
        record = Record(fixed.ljust(LENGTH), record.number, length=len(fixed))
    agency, account = record.alpha(53, 57), record.alpha(59, 70)
    if bank == "001":
        agreement = record.alpha(33, 41).lstrip("0")  # convênio(9) + 0014 + carteira + variação
    elif bank == "104":
        agreement = record.alpha(59, 64)  # CX-240: código do beneficiário inside the account
    elif bank == "033":
        # H7815's header has the código de transmissão at 33-47 and no agência/conta block
        # (the three Santander samples; FACTS-more-banks.md gives only the segments).
        agreement, agency, account = record.alpha(33, 47), "", ""
    else:
        agreement = record.alpha(33, 52)
    return ReturnHeader(
        bank=bank,
        bank_name=record.alpha(103, 132) or BANK_NAMES[bank],
        layout="240",
        agreement=agreement,
        agency=agency,
        account=account,
        company_name=record.alpha(73, 102),
        file_sequence=record.integer(158, 163),
        file_date=record.date(144, 151),
    )


class _Batches:
    """The structure checks: batches, their trailers' counts, T/U pairs in sequence."""

    def __init__(self, bank: str, emit: Callable[[Record, Record], None]) -> None:
        self.bank, self.emit = bank, emit
        self.batches, self.count, self.in_batch, self.records = 0, 0, False, 1
        self.pending_t: Record | None = None

    def feed(self, record: Record) -> bool:
        """Take one record; True when it was the file trailer."""
        self.records += 1
        if record.raw(1, 3) != self.bank:
            raise CnabError(f"banco {record.raw(1, 3)} diferente do header ({self.bank})",
                            line=record.number)  # fmt: skip
        kind = record.raw(8, 8)
        if kind == "1":
            if self.in_batch:
                raise CnabError("header de lote sem o trailer do lote anterior",
                                line=record.number)  # fmt: skip
            self.in_batch, self.count, self.batches = True, 1, self.batches + 1
        elif kind == "3":
            self._detail(record)
        elif kind == "5":
            self._batch_trailer(record)
        elif kind == "9":
            self._file_trailer(record)
            return True
        else:
            raise CnabError(f"tipo de registro “{kind}” inválido", line=record.number)
        return False

    def _detail(self, record: Record) -> None:
        if not self.in_batch:
            raise CnabError("detalhe fora de um lote", line=record.number)
        self.count += 1
        segment = record.raw(14, 14)
        if segment == "T":
            if self.pending_t is not None:
                raise CnabError("segmento T sem o segmento U", line=self.pending_t.number)
            self.pending_t = record
        elif segment == "U":
            t = self.pending_t
            if t is None:
                raise CnabError("segmento U sem o segmento T", line=record.number)
            if record.integer(9, 13) != t.integer(9, 13) + 1:
                raise CnabError("segmento U fora de sequência com o segmento T",
                                line=record.number)  # fmt: skip
            self.emit(t, record)
            self.pending_t = None
        elif segment in ("P", "Q", "R", "S"):
            raise CnabError(f"segmento {segment}: é uma remessa, não um retorno",
                            line=record.number)  # fmt: skip
        # other segments (Y and the like) carry optional data this parser does not read

    def _batch_trailer(self, record: Record) -> None:
        if not self.in_batch or self.pending_t is not None:
            raise CnabError("trailer de lote fora de ordem", line=record.number)
        self.count += 1
        # Santander counts only the details (T and U): all three public Santander files do,
        # where FEBRABAN counts the batch header and trailer too.
        expected = self.count - 2 if self.bank == "033" else self.count
        if record.integer(18, 23) != expected:
            raise CnabError(f"trailer do lote conta {record.integer(18, 23)} registros; "
                            f"o lote tem {expected}", line=record.number)  # fmt: skip
        self.in_batch = False

    def _file_trailer(self, record: Record) -> None:
        if self.in_batch:
            raise CnabError("trailer de arquivo antes do trailer do lote", line=record.number)
        if record.integer(18, 23) != self.batches or record.integer(24, 29) != self.records:
            raise CnabError(f"trailer do arquivo conta {record.integer(18, 23)} lotes e "
                            f"{record.integer(24, 29)} registros; o arquivo tem {self.batches} "
                            f"e {self.records}", line=record.number)  # fmt: skip


def parse(first: Record, rest: Iterator[Record], bank: str) -> ReturnFile:
    header = _header(_normalise(first), bank)
    occurrences: list[Occurrence] = []
    batches = _Batches(bank, lambda t, u: occurrences.append(_occurrence(t, u, bank)))
    last = first
    for record in rest:
        last = record
        if batches.feed(_normalise(record)):
            extra = next(rest, None)
            if extra is not None:
                raise CnabError("registros depois do trailer do arquivo", line=extra.number)
            return ReturnFile(layout="240", header=header, occurrences=occurrences)
    raise CnabError("arquivo sem o trailer (registro 9)", line=last.number)
