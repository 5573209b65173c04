"""Build a valid POST body from a form, as a browser would submit it unchanged."""

from typing import Any

from django import forms


def form_data(form: forms.BaseForm, **overrides: Any) -> dict[str, Any]:
    """The form's current values as POST data (unticked boxes left out, files skipped)."""
    data: dict[str, Any] = {}
    for name, field in form.fields.items():
        if isinstance(field, forms.FileField):
            continue
        key = form.add_prefix(name)
        value = form[name].value()
        if isinstance(field, forms.BooleanField):
            if value:
                data[key] = "on"
        elif value is None:
            data[key] = ""
        elif isinstance(value, list | tuple):
            data[key] = [str(item) for item in value]
        elif hasattr(value, "isoformat"):
            data[key] = value.isoformat()
        else:
            data[key] = str(value)
    data.update(overrides)
    return data
