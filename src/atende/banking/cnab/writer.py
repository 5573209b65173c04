"""Fixed-width record writer. It never cuts, rounds or cleans: values are checked before they
reach it (remessa_rules.py), and a value that does not fit here is a bug, raised as such."""

from datetime import date
from decimal import Decimal


class Line:
    """A record of `length` positions filled by 1-based inclusive ranges."""

    def __init__(self, length: int) -> None:
        self.chars = [" "] * length

    def put(self, start: int, end: int, value: str) -> "Line":
        """Text, left-aligned and padded with spaces."""
        width = end - start + 1
        if len(value) > width or not value.isascii():
            raise ValueError(f"{value!r} does not fit positions {start}-{end}")
        self.chars[start - 1 : end] = list(value.ljust(width))
        return self

    def num(self, start: int, end: int, value: object) -> "Line":
        """Digits, right-aligned and padded with zeros."""
        text = str(value)
        if not (text.isascii() and text.isdigit()):
            raise ValueError(f"{value!r} is not a number for positions {start}-{end}")
        return self.put(start, end, text.zfill(end - start + 1))

    def money(self, start: int, end: int, amount: Decimal) -> "Line":
        """Centavos: two implied decimals, exactly (never rounded)."""
        cents = amount * 100
        if cents != cents.to_integral_value() or cents < 0:
            raise ValueError(f"{amount} is not a whole number of centavos")
        return self.num(start, end, int(cents))

    def date6(self, start: int, end: int, value: date | None) -> "Line":
        return self.num(start, end, value.strftime("%d%m%y") if value else "0")

    def date8(self, start: int, end: int, value: date | None) -> "Line":
        return self.num(start, end, value.strftime("%d%m%Y") if value else "0")

    def __str__(self) -> str:
        return "".join(self.chars)
