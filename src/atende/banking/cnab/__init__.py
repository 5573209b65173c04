"""Bank files: CNAB 240/400 return parsing and remessa building (FACTS.md §8–§10)."""

from atende.banking.cnab.errors import CnabError
from atende.banking.cnab.models import Occurrence, OccurrenceKind, ReturnFile, ReturnHeader
from atende.banking.cnab.returns import parse_return

__all__ = [
    "CnabError",
    "Occurrence",
    "OccurrenceKind",
    "ReturnFile",
    "ReturnHeader",
    "parse_return",
]
