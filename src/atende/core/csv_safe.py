"""CSV cells a spreadsheet will not run: every export writes through `csv_safe.writer`.

Excel, LibreOffice and Google Sheets evaluate a cell that begins with `=`, `+`, `-` or `@`
(and some treat a leading tab or carriage return the same way), so a customer named
`=HYPERLINK(...)` or `=cmd|' /C calc'!A0` becomes a formula on the desk of whoever opens the
export. OWASP's rule ("CSV Injection"): such a cell is written with a leading `'`, which the
spreadsheets show as text. Some of them drop leading spaces and quotes before deciding, so the
trigger is looked for after those too. Values that are not text (numbers our code computes)
are written as they are; only text can come from a user.
"""

import csv
from collections.abc import Iterable
from typing import Any, Protocol, TypeVar

FORMULA_TRIGGERS = frozenset("=+-@\t\r")
# Skipped when looking for a trigger: a spreadsheet may drop them before deciding.
_LEADING_NOISE = frozenset("'\"")
ESCAPE = "'"

T = TypeVar("T")


class _Writable(Protocol):
    def write(self, value: str, /) -> Any: ...


def is_formula_like(value: str) -> bool:
    """True when a spreadsheet could read the text as a formula (or a command)."""
    for char in value:
        if char in FORMULA_TRIGGERS:
            return True
        if not (char.isspace() or char in _LEADING_NOISE):
            return False
    return False


def neutralize(value: T) -> T | str:
    """The cell as a spreadsheet should show it: formula-like text gets a leading `'`."""
    if isinstance(value, str) and is_formula_like(value):
        return ESCAPE + value
    return value


def neutralize_row(row: Iterable[Any]) -> list[Any]:
    return [neutralize(value) for value in row]


class SafeWriter:
    """`csv.writer` whose rows are neutralized first; the csv module still does the quoting."""

    def __init__(self, file: _Writable, **fmtparams: Any) -> None:
        self._writer = csv.writer(file, **fmtparams)

    def writerow(self, row: Iterable[Any]) -> Any:
        return self._writer.writerow(neutralize_row(row))

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        self._writer.writerows(neutralize_row(row) for row in rows)


def writer(file: _Writable, **fmtparams: Any) -> SafeWriter:
    """Drop-in for `csv.writer(file, **fmtparams)` that keeps formulas out of the cells."""
    return SafeWriter(file, **fmtparams)
