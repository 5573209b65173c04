"""Fixed-width fields, 1-based inclusive positions as in the bank manuals."""

from datetime import date
from decimal import Decimal

from atende.banking.cnab.errors import CnabError


class Record:
    """One line of a bank file, read by manual positions."""

    def __init__(self, text: str, number: int) -> None:
        self.text = text
        self.number = number

    def raw(self, start: int, end: int) -> str:
        return self.text[start - 1 : end]

    def alpha(self, start: int, end: int) -> str:
        return self.raw(start, end).strip()

    def digits(self, start: int, end: int) -> str:
        value = self.raw(start, end).strip()
        if value and not value.isdigit():
            raise CnabError(f"posições {start}-{end} deveriam ser numéricas", line=self.number)
        return value

    def integer(self, start: int, end: int) -> int:
        value = self.digits(start, end)
        return int(value) if value else 0

    def money(self, start: int, end: int) -> Decimal:
        """`9(n)v99`: centavos in the file."""
        return (Decimal(self.integer(start, end)) / 100).quantize(Decimal("0.01"))

    def date(self, start: int, end: int) -> date | None:
        """DDMMAA or DDMMAAAA; zeros or blanks mean no date."""
        value = self.digits(start, end)
        if not value or int(value) == 0:
            return None
        day, month = int(value[0:2]), int(value[2:4])
        year = int(value[4:])
        if len(value) == 6:
            year += 2000 if year < 70 else 1900
        try:
            return date(year, month, day)
        except ValueError:
            raise CnabError(f"data inválida “{value}” nas posições {start}-{end}",
                            line=self.number) from None  # fmt: skip
