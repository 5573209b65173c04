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


def with_more_rows(data: Any, *, prefix: str, more: int, maximum: int) -> Any:
    """A formset's POST data with `more` blank rows added when "More rows" (a submit button
    named `more_rows`) was pressed: the form grows without JavaScript, up to `maximum`."""
    if data is None or "more_rows" not in data:
        return data
    data = data.copy()
    key = f"{prefix}-TOTAL_FORMS"
    total = str(data.get(key, "0"))
    count = int(total) if total.isdigit() and len(total) < 4 else 0
    data[key] = str(min(count + more, maximum))
    return data


class LineItemForm(forms.Form):
    """One line of a document (description, quantity, unit price); a line left entirely blank
    is skipped, a half-filled one is refused."""

    description = forms.CharField(label=_("Description"), max_length=200, required=False)
    quantity = AmountField(
        label=_("Quantity"),
        max_digits=12,
        decimal_places=3,
        min_value=Decimal("0.001"),
        required=False,
    )
    unit_price = AmountField(
        label=_("Unit price (R$)"),
        max_digits=14,
        decimal_places=2,
        min_value=Decimal(0),
        required=False,
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        filled = [name for name in ("description", "quantity", "unit_price") if data.get(name)]
        if not filled and not self.errors:
            data["is_blank"] = True
            return data
        if not data.get("description") and "description" not in self.errors:
            self.add_error("description", _("Describe the item."))
        if data.get("quantity") is None and "quantity" not in self.errors:
            self.add_error("quantity", _("Enter the quantity."))
        if data.get("unit_price") is None and "unit_price" not in self.errors:
            self.add_error("unit_price", _("Enter the unit price."))
        return data
