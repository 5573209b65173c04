"""The exceptions users' input can cause: rule violations (DomainError) and malformed requests
(BadInput). Both carry a Portuguese message shown as is."""

from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum

from django.core.exceptions import BadRequest


class ErrorCode(StrEnum):
    """Codes every app may answer with; each app adds its own in `<app>/errors.py`."""

    INVALID = "invalid"
    REQUIRED = "required"
    NOT_FOUND = "not_found"
    DUPLICATE = "duplicate"
    TOO_LONG = "too_long"
    BAD_REQUEST = "bad_request"
    INVALID_CURSOR = "invalid_cursor"
    INVALID_ID = "invalid_id"
    NUL_CHARACTER = "nul_character"


class DomainError(Exception):
    """A business rule said no; `message` is Portuguese and shown to the user as is."""

    def __init__(
        self, message: str, *, code: str = ErrorCode.INVALID, field: str | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.field = field


class InvalidFields(DomainError):
    """Several fields refused at once, so a form can show every error in one answer."""

    def __init__(self, errors: dict[str, list[str]]) -> None:
        field, messages = next(iter(errors.items()))
        super().__init__(messages[0], code=ErrorCode.INVALID, field=field)
        self.errors = errors


class BadInput(BadRequest):
    """A request no honest form sends: a tampered cursor, a NUL byte, a 25-digit id. Django
    answers it with 400 through `handler400` (an HTML page, or JSON under /api/)."""

    def __init__(self, message: str, *, code: str = ErrorCode.BAD_REQUEST) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


class ErrorCollector:
    """Runs several checks and gathers what they refuse, so one answer names every problem
    (an invalid CPF and an invalid CEP together), not one per submit."""

    def __init__(self) -> None:
        self.errors: dict[str, list[str]] = {}
        self._raised: list[DomainError] = []

    @contextmanager
    def check(self) -> Iterator[None]:
        try:
            yield
        except DomainError as error:
            self._raised.append(error)
            problems = (
                error.errors.items()
                if isinstance(error, InvalidFields)
                else [(error.field or "__all__", [error.message])]
            )
            for name, messages in problems:
                self.errors.setdefault(name, []).extend(messages)

    def has(self, field: str) -> bool:
        return field in self.errors

    def raise_any(self) -> None:
        """Raise the one error as it was (its code intact), or every field's at once."""
        if len(self._raised) == 1:
            raise self._raised[0]
        if self.errors:
            raise InvalidFields(self.errors)
