"""Show a service's DomainError on the form that caused it."""

from collections.abc import Iterable

from django import forms

from atende.core.errors import DomainError, InvalidFields


def add_domain_error(form: forms.Form, error: DomainError) -> None:
    """Attach the error to its field when the form has it, else to the whole form (every field
    of an InvalidFields)."""
    problems: Iterable[tuple[str | None, list[str]]] = (
        error.errors.items()
        if isinstance(error, InvalidFields)
        else [(error.field, [error.message])]
    )
    for name, messages in problems:
        field = name if name in form.fields else None
        for message in messages:
            form.add_error(field, message)
