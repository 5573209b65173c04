"""Show a service's DomainError on the form that caused it."""

from collections.abc import Iterable

from django import forms

from atende.core.errors import DomainError, InvalidFields


def add_domain_error(form: forms.Form, error: DomainError) -> None:
    """Attach the error to its field when the form shows it (not a hidden input, nor a choice
    made by a button), else to the whole form (every field of an InvalidFields)."""
    problems: Iterable[tuple[str | None, list[str]]] = (
        error.errors.items()
        if isinstance(error, InvalidFields)
        else [(error.field, [error.message])]
    )
    for name, messages in problems:
        shown = name in form.fields and not form.fields[name].widget.is_hidden
        field = name if shown else None
        for message in messages:
            form.add_error(field, message)
