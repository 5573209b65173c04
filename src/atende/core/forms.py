"""Show a service's DomainError on the form that caused it."""

from django import forms

from atende.core.errors import DomainError


def add_domain_error(form: forms.Form, error: DomainError) -> None:
    """Attach the error to its field when the form has it, else to the whole form."""
    field = error.field if error.field in form.fields else None
    form.add_error(field, error.message)
