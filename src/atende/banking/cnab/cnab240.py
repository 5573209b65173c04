"""FEBRABAN CNAB 240 return: segments T and U paired per título (FACTS.md §9)."""

from atende.banking.cnab.errors import CnabError
from atende.banking.cnab.fields import Record
from atende.banking.cnab.models import Occurrence, ReturnFile, ReturnHeader
from atende.banking.cnab.occurrences import is_payment, meaning

LENGTH = 240
BANK_NAMES = {"001": "BANCO DO BRASIL", "104": "CAIXA", "237": "BRADESCO"}


def _normalise(record: Record) -> Record:
    """Right-pad lines whose trailing spaces were stripped; refuse anything else off-size."""
    text = record.text
    if len(text) > LENGTH:
        if text[LENGTH:].strip():
            raise CnabError(f"tamanho {len(text)}, esperado {LENGTH}", line=record.number)
        text = text[:LENGTH]
    return Record(text.ljust(LENGTH), record.number)


def _kind(record: Record) -> str:
    return record.raw(8, 8)


def _nosso_numero(t: Record, bank: str) -> str:
    if bank == "104":  # 40-41 modalidade, 42-56 NN, 57 DV (CX-240 p.50)
        return (t.raw(40, 41) + t.raw(42, 56)).strip()
    return t.alpha(38, 57)


def _occurrence(t: Record, u: Record, bank: str) -> Occurrence:
    code = t.digits(16, 17)
    reasons = tuple(
        t.raw(start, start + 1) for start in range(214, 224, 2) if t.raw(start, start + 1).strip()
    )
    reasons = tuple(reason for reason in reasons if reason != "00")
    return Occurrence(
        line=t.number,
        nosso_numero=_nosso_numero(t, bank),
        document_number=t.alpha(59, 73),
        code=code,
        meaning=meaning("240", bank, code),
        is_payment=is_payment("240", bank, code),
        amount=t.money(82, 96),
        amount_paid=u.money(78, 92),
        fees=t.money(199, 213),
        discount=u.money(33, 47),
        rebate=u.money(48, 62),
        interest=u.money(18, 32),
        iof=u.money(63, 77),
        other_credits=u.money(123, 137),
        net_credit=u.money(93, 107),
        due_date=t.date(74, 81),
        occurrence_date=u.date(138, 145),
        payment_date=u.date(138, 145),
        credit_date=u.date(146, 153),
        paying_bank=t.digits(97, 99),
        paying_agency=t.alpha(100, 105),
        reasons=reasons,
    )


def _header(record: Record, bank: str) -> ReturnHeader:
    if record.raw(143, 143) not in ("2", " "):
        raise CnabError("header não é de retorno (posição 143 deveria ser 2)", line=1)
    return ReturnHeader(
        bank=bank,
        bank_name=record.alpha(103, 132) or BANK_NAMES[bank],
        layout="240",
        agreement=record.alpha(33, 52),
        agency=record.alpha(53, 57),
        account=record.alpha(59, 70),
        company_name=record.alpha(73, 102),
        file_sequence=record.integer(158, 163),
        file_date=record.date(144, 151),
    )


def parse(records: list[Record], bank: str) -> ReturnFile:
    records = [_normalise(record) for record in records]
    header = _header(records[0], bank)
    occurrences: list[Occurrence] = []
    batches, in_batch, batch_count, pending_t = 0, False, 0, None
    for record in records[1:]:
        if record.raw(1, 3) != bank:
            raise CnabError(f"banco {record.raw(1, 3)} diferente do header ({bank})",
                            line=record.number)  # fmt: skip
        kind = _kind(record)
        if kind == "1":
            if in_batch:
                raise CnabError("header de lote sem o trailer do lote anterior",
                                line=record.number)  # fmt: skip
            in_batch, batch_count, batches = True, 1, batches + 1
        elif kind == "3":
            if not in_batch:
                raise CnabError("detalhe fora de um lote", line=record.number)
            batch_count += 1
            segment = record.raw(14, 14)
            if segment == "T":
                if pending_t is not None:
                    raise CnabError("segmento T sem o segmento U", line=pending_t.number)
                pending_t = record
            elif segment == "U":
                if pending_t is None:
                    raise CnabError("segmento U sem o segmento T", line=record.number)
                occurrences.append(_occurrence(pending_t, record, bank))
                pending_t = None
            # other segments (Y etc.) carry optional data we do not read
        elif kind == "5":
            if not in_batch or pending_t is not None:
                raise CnabError("trailer de lote fora de ordem", line=record.number)
            batch_count += 1
            if record.integer(18, 23) != batch_count:
                raise CnabError(f"trailer do lote conta {record.integer(18, 23)} registros; "
                                f"o lote tem {batch_count}", line=record.number)  # fmt: skip
            in_batch = False
        elif kind == "9":
            if in_batch:
                raise CnabError("trailer de arquivo antes do trailer do lote",
                                line=record.number)  # fmt: skip
            if record.number != len(records):
                raise CnabError("registros depois do trailer do arquivo",
                                line=record.number + 1)  # fmt: skip
            if record.integer(18, 23) != batches or record.integer(24, 29) != len(records):
                raise CnabError(f"trailer do arquivo conta {record.integer(18, 23)} lotes e "
                                f"{record.integer(24, 29)} registros; o arquivo tem {batches} "
                                f"e {len(records)}", line=record.number)  # fmt: skip
            return ReturnFile(layout="240", header=header, occurrences=occurrences)
        else:
            raise CnabError(f"tipo de registro “{kind}” inválido", line=record.number)
    raise CnabError("arquivo sem o trailer (registro 9)", line=len(records))
