"""The exceptions users' input can cause: rule violations (DomainError) and malformed requests
(BadInput). Both carry a Portuguese message shown as is."""

from django.core.exceptions import BadRequest


class DomainError(Exception):
    """A business rule said no; `message` is Portuguese and shown to the user as is."""

    def __init__(self, message: str, *, code: str = "invalid", field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.field = field


class InvalidFields(DomainError):
    """Several fields refused at once, so a form can show every error in one answer."""

    def __init__(self, errors: dict[str, list[str]]) -> None:
        field, messages = next(iter(errors.items()))
        super().__init__(messages[0], code="invalid", field=field)
        self.errors = errors


class BadInput(BadRequest):
    """A request no honest form sends: a tampered cursor, a NUL byte, a 25-digit id. Django
    answers it with 400 through `handler400` (an HTML page, or JSON under /api/)."""

    def __init__(self, message: str, *, code: str = "bad_request") -> None:
        super().__init__(message)
        self.message = message
        self.code = code
