"""Read a remessa back (what we write, and what the bank will read): titles and structure."""

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from atende.banking.cnab.errors import CnabError
from atende.banking.cnab.fields import Record
from atende.banking.cnab.reader import as_stream, read_records


@dataclass(frozen=True)
class RemessaEntry:
    line: int
    nosso_numero: str
    document_number: str
    due_date: date | None
    amount: Decimal
    payer_name: str
    payer_document: str
    fine_percent: Decimal = Decimal("0.00")
    interest_per_day: Decimal = Decimal("0.00")
    discount_amount: Decimal = Decimal("0.00")
    discount_until: date | None = None


def read_remessa(data: bytes | str) -> tuple[str, str, list[RemessaEntry]]:
    """(layout, bank, entries) of a shipment file; CnabError when its structure is wrong."""
    records = list(read_records(as_stream(data)))
    if not records:
        raise CnabError("arquivo vazio")
    if len(records[0].text) == 400:
        bank = _bank_400(records[0])
        return "400", bank, _read_400(records, bank)
    if len(records[0].text) == 240:
        return "240", records[0].raw(1, 3), _read_240(records)
    raise CnabError(f"tamanho {len(records[0].text)}: não é CNAB 240 nem 400", line=1)


def _bank_400(header: Record) -> str:
    if header.raw(1, 19) != "01REMESSA01COBRANCA":
        raise CnabError("header de remessa inválido", line=1)
    return header.raw(77, 79)


# Per bank: nosso número, payer name, and where the fine is (None: in a separate record).
_LAYOUT_400 = {
    "001": ((64, 80), (235, 271), None),
    "237": ((71, 81), (235, 274), (67, 70)),
    "341": ((63, 70), (235, 264), None),
}


def _read_400(records: list[Record], bank: str) -> list[RemessaEntry]:
    if bank not in _LAYOUT_400:
        raise CnabError(f"remessa CNAB 400 do banco {bank} não é lida aqui", line=1)
    number_at, name_at, fine_at = _LAYOUT_400[bank]
    entries = []
    for expected, record in enumerate(records, start=1):
        if len(record.text) != 400:
            raise CnabError(f"tamanho {len(record.text)}, esperado 400", line=record.number)
        if record.integer(395, 400) != expected:
            raise CnabError("sequencial fora de ordem", line=record.number)
        if record.raw(1, 1) in ("1", "7"):
            entries.append(RemessaEntry(
                line=record.number,
                nosso_numero=record.alpha(*number_at),
                document_number=record.alpha(111, 120),
                due_date=record.date(121, 126),
                amount=record.money(127, 139),
                payer_name=record.alpha(*name_at),
                payer_document=record.digits(221, 234),
                fine_percent=record.money(*fine_at) if fine_at else Decimal("0.00"),
                interest_per_day=record.money(161, 173),
                discount_amount=record.money(180, 192),
                discount_until=record.date(174, 179),
            ))  # fmt: skip
        elif record.raw(1, 3) == "599" and entries:  # BB's multa record after its título
            entries[-1] = replace(entries[-1], fine_percent=record.money(11, 22))
        elif record.raw(1, 1) == "2" and bank == "341" and entries:  # Itaú's multa record
            entries[-1] = replace(entries[-1], fine_percent=record.money(11, 23))
    if records[-1].raw(1, 1) != "9":
        raise CnabError("remessa sem trailer", line=records[-1].number)
    return entries


def _read_240(records: list[Record]) -> list[RemessaEntry]:
    entries, pending = [], None
    for record in records:
        if len(record.text) != 240:
            raise CnabError(f"tamanho {len(record.text)}, esperado 240", line=record.number)
        segment = record.raw(14, 14) if record.raw(8, 8) == "3" else ""
        if segment == "P":
            pending = record
        elif segment == "Q":
            if pending is None:
                raise CnabError("segmento Q sem o segmento P", line=record.number)
            entries.append(RemessaEntry(
                line=pending.number,
                nosso_numero=pending.alpha(38, 57),
                document_number=pending.alpha(63, 77),
                due_date=pending.date(78, 85),
                amount=pending.money(86, 100),
                payer_name=record.alpha(34, 73),
                payer_document=record.digits(19, 33).lstrip("0"),
                interest_per_day=pending.money(127, 141),
                discount_amount=pending.money(151, 165),
                discount_until=pending.date(143, 150),
            ))  # fmt: skip
            pending = None
        elif segment == "R" and entries:
            entries[-1] = replace(entries[-1], fine_percent=record.money(75, 89))
    trailer = records[-1]
    if trailer.raw(8, 8) != "9" or trailer.integer(24, 29) != len(records):
        raise CnabError("trailer do arquivo não confere com o número de registros",
                        line=trailer.number)  # fmt: skip
    return entries
