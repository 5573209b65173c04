"""What every CNAB 400 return layout shares: the fields at common positions, the spec each bank
fills in, and the trailer check by sequence number (FACTS.md §8)."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TypedDict

from atende.banking.cnab.errors import CnabError
from atende.banking.cnab.fields import Record
from atende.banking.cnab.models import SETTLING, Occurrence, OccurrenceKind, ReturnHeader
from atende.banking.cnab.occurrences import describe


class Common(TypedDict):
    line: int
    code: str
    meaning: str
    kind: OccurrenceKind
    document_number: str
    due_date: date | None
    amount: Decimal
    occurrence_date: date | None
    payment_date: date | None
    paying_bank: str


def common(r: Record, bank: str, *, kind: OccurrenceKind | None = None) -> Common:
    """Code 109-110, occurrence date 111-116, document 117-126, due date 147-152, amount
    153-165, paying bank 166-168: the same in every bank's layout. The payment date is the
    occurrence date for the occurrences that settle."""
    code = r.alpha(109, 110)
    meaning, found = describe("400", bank, code)
    kind = found if kind is None else kind
    occurred = r.date(111, 116)
    return {
        "line": r.number, "code": code, "meaning": meaning, "kind": kind,
        "document_number": r.alpha(117, 126), "due_date": r.date(147, 152),
        "amount": r.money(153, 165), "occurrence_date": occurred,
        "payment_date": occurred if kind in SETTLING else None,
        "paying_bank": r.digits(166, 168),
    }  # fmt: skip


def motives(r: Record, start: int, end: int) -> tuple[str, ...]:
    """Two-character reason codes, without the blanks and the "00" fillers."""
    pairs = (r.raw(position, position + 1) for position in range(start, end, 2))
    return tuple(pair for pair in pairs if pair.strip("0 "))


def computed_net(kind: OccurrenceKind, paid: Decimal, fees: Decimal) -> Decimal:
    """The net credit of a layout without a net field: the payment (only when the occurrence
    settles: a Bradesco 02 carries a valor pago that was never credited) less the tarifa."""
    return (paid if kind in SETTLING else Decimal("0.00")) - fees


Trailer = Callable[[Record, int, list[Occurrence]], None]


def sequence_trailer(trailer: Record, count: int, occurrences: list[Occurrence]) -> None:
    """Every record numbered 395-400: the trailer carries the number of records."""
    if trailer.integer(395, 400) != count:
        raise CnabError(f"o trailer tem o sequencial {trailer.integer(395, 400)}; "
                        f"o arquivo tem {count} registros", line=trailer.number)  # fmt: skip


@dataclass(frozen=True)
class Layout:
    """One bank's CNAB 400 return: how to read a detail and the header, which record types
    are details, which are optional extras to skip, and how the trailer is checked."""

    detail: Callable[[Record], Occurrence]
    header: Callable[[Record, str], ReturnHeader]
    detail_types: frozenset[str] = frozenset("1")
    optional_types: frozenset[str] = frozenset()
    trailer: Trailer = sequence_trailer
