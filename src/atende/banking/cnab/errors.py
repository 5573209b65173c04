from atende.banking.errors import BankingError


class CnabError(BankingError):
    """A damaged bank file: one error naming the line and the reason; nothing is returned."""

    def __init__(self, reason: str, *, line: int | None = None) -> None:
        message = f"Linha {line}: {reason}" if line else reason
        super().__init__(message, field="arquivo")
        self.line = line
        self.reason = reason
