"""Fixed-width fields, 1-based inclusive positions as in the bank manuals."""

import datetime
from decimal import Decimal

from atende.banking.cnab.errors import CnabError

ZERO = Decimal("0.00")
# Return files repeat the same few amounts and dates thousands of times: parse each once.
_MONEY_CACHE: dict[str, Decimal] = {}
_DATE_CACHE: dict[tuple[str, str], datetime.date | None] = {}
_CACHE_LIMIT = 20_000


def _is_digits(text: str) -> bool:
    return text.isascii() and text.isdigit()


class Record:
    """One line of a bank file, read by manual positions.

    `length` is the line's width before any padding: CNAB 240 files with their trailing spaces
    stripped (FACTS.md §12) are padded to 240, and a numeric field that falls in that padding
    was cut off, not blank, so reading it refuses the file (a truncated line is damage).
    """

    __slots__ = ("length", "number", "text")

    def __init__(self, text: str, number: int, length: int | None = None) -> None:
        self.text = text
        self.number = number
        self.length = len(text) if length is None else length

    def raw(self, start: int, end: int) -> str:
        return self.text[start - 1 : end]

    def alpha(self, start: int, end: int) -> str:
        return self.text[start - 1 : end].strip()

    def present(self, start: int, end: int) -> str:
        """The field, refusing one that lies past the end of a shortened line."""
        if end > self.length:
            raise CnabError(
                f"registro truncado: tem {self.length} posições e o campo {start}-{end} "
                "ficou de fora",
                line=self.number,
            )
        return self.text[start - 1 : end]

    def digits(self, start: int, end: int) -> str:
        value = self.present(start, end).strip()
        if value and not _is_digits(value):
            raise CnabError(
                f"posições {start}-{end} deveriam ser numéricas (“{value}”)", line=self.number
            )
        return value

    def integer(self, start: int, end: int) -> int:
        value = self.digits(start, end)
        return int(value) if value else 0

    def money(self, start: int, end: int) -> Decimal:
        """`9(n)v99`: centavos in the file; blank is zero (fields a layout leaves unfilled)."""
        value = self.text[start - 1 : end]
        cached = _MONEY_CACHE.get(value)
        if cached is not None and end <= self.length:
            return cached
        value = self.present(start, end)
        stripped = value.strip()
        if not stripped:
            result = ZERO
        elif _is_digits(stripped):
            result = Decimal(stripped).scaleb(-2)
        else:
            raise CnabError(
                f"valor nas posições {start}-{end} não é numérico (“{value}”)", line=self.number
            )
        if len(_MONEY_CACHE) < _CACHE_LIMIT:
            _MONEY_CACHE[value] = result
        return result

    def date(self, start: int, end: int, order: str = "DMY") -> datetime.date | None:
        """DDMMAA, DDMMAAAA or (Sicredi) AAAAMMDD; zeros or blanks mean no date."""
        value = self.present(start, end)
        key = (value, order)
        if key in _DATE_CACHE:
            return _DATE_CACHE[key]
        result = self._parse_date(value.strip(), start, end, order)
        if len(_DATE_CACHE) < _CACHE_LIMIT:
            _DATE_CACHE[key] = result
        return result

    def _parse_date(self, value: str, start: int, end: int, order: str) -> datetime.date | None:
        if not value or (_is_digits(value) and int(value) == 0):
            return None
        if not _is_digits(value) or len(value) != end - start + 1:
            raise CnabError(f"data inválida “{value}” nas posições {start}-{end}", line=self.number)
        if order == "YMD":
            year, month, day = int(value[0:4]), int(value[4:6]), int(value[6:8])
        else:
            day, month, year = int(value[0:2]), int(value[2:4]), int(value[4:])
            if len(value) == 6:  # two-digit years: 70-99 are 19xx, as the banks' 2000 rule
                year += 2000 if year < 70 else 1900
        try:
            return datetime.date(year, month, day)
        except ValueError:
            raise CnabError(
                f"data inválida “{value}” nas posições {start}-{end}", line=self.number
            ) from None
