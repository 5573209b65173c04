"""The one error of the banking core: a Portuguese message, and the field it concerns."""


class BankingError(ValueError):
    """An impossible input or a damaged code: `message` in Portuguese for the user, `field`."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
