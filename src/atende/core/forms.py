"""Form helpers every app shares: a service's DomainError shown on the form that caused it,
amounts typed the Brazilian way."""

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

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


class AmountField(forms.DecimalField):
    """A decimal typed the Brazilian way (`1.234,56`) or with a dot (`1234.56`)."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal"}))
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> Any:
        text = str(value or "").strip().replace(" ", "")
        if "," in text:  # Brazilian: dots group thousands, the comma separates cents
            text = text.replace(".", "").replace(",", ".")
        if len(text) > 40:  # far past any max_digits: refuse before Decimal parses it
            raise forms.ValidationError(_("Enter a smaller number."))
        return super().to_python(text)

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, Decimal):
            return f"{value:f}".replace(".", ",")
        return value
