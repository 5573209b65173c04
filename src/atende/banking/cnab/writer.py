"""Fixed-width record writer: ASCII upper case without accents, numbers zero-padded."""

import re
import unicodedata
from datetime import date
from decimal import Decimal

from atende.banking.errors import BankingError


def ascii_upper(text: str) -> str:
    """Bank files are ASCII: accents removed, upper case, only printable characters."""
    plain = unicodedata.normalize("NFKD", str(text or ""))
    plain = "".join(char for char in plain if not unicodedata.combining(char))
    return re.sub(r"[^ -~]", " ", plain).upper()


class Line:
    """A record of `length` positions filled by 1-based inclusive ranges."""

    def __init__(self, length: int) -> None:
        self.chars = [" "] * length

    def put(self, start: int, end: int, value: str) -> "Line":
        width = end - start + 1
        self.chars[start - 1 : end] = list(value[:width].ljust(width))
        return self

    def alpha(self, start: int, end: int, value: object) -> "Line":
        return self.put(start, end, ascii_upper(str(value or "")))

    def num(self, start: int, end: int, value: object) -> "Line":
        text = re.sub(r"\D", "", str(value if value is not None else ""))
        width = end - start + 1
        if len(text) > width:
            raise BankingError(f"Valor “{value}” não cabe em {width} posições ({start}-{end}).")
        return self.put(start, end, text.zfill(width))

    def money(self, start: int, end: int, amount: Decimal) -> "Line":
        return self.num(start, end, int((Decimal(amount) * 100).quantize(Decimal(1))))

    def date6(self, start: int, end: int, value: date | None) -> "Line":
        return self.num(start, end, value.strftime("%d%m%y") if value else "0")

    def date8(self, start: int, end: int, value: date | None) -> "Line":
        return self.num(start, end, value.strftime("%d%m%Y") if value else "0")

    def __str__(self) -> str:
        return "".join(self.chars)
