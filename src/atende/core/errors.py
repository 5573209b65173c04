"""DomainError: the one exception services raise for rule violations users can fix."""


class DomainError(Exception):
    """A business rule said no; `message` is Portuguese and shown to the user as is."""

    def __init__(self, message: str, *, code: str = "invalid", field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.field = field
