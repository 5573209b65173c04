"""Formatting filters used on every page: money in reais, dates in Brazilian order."""

from decimal import Decimal, InvalidOperation

from auditlog.models import AbstractLogEntry
from django import forms, template
from django.db import models
from django.http import HttpRequest
from django.utils.safestring import SafeString

from atende.core.history import ACTION_LABELS, history_page
from atende.core.markdown import render_markdown
from atende.core.phones import phone_display

register = template.Library()


@register.filter
def brl(amount: object) -> str:
    """`1234.5` → `R$ 1.234,50`."""
    if amount is None or amount == "":
        return ""
    try:
        value = Decimal(str(amount)).quantize(Decimal("0.01"))
    except InvalidOperation:
        return ""
    sign = "-" if value < 0 else ""
    integer, cents = f"{abs(value):.2f}".split(".")
    grouped = f"{int(integer):,}".replace(",", ".")
    return f"{sign}R$ {grouped},{cents}"


@register.simple_tag(takes_context=True)
def query_with(context: template.Context, **changes: object) -> str:
    """The current query string with some parameters replaced (empty value removes one)."""
    request: HttpRequest = context["request"]
    query = request.GET.copy()
    for key, value in changes.items():
        query.pop(key, None)
        if value not in (None, ""):
            query[key] = str(value)  # what urlencode() would write for it anyway
    return query.urlencode()


@register.simple_tag(takes_context=True)
def query_without(context: template.Context, *keys: str) -> str:
    request: HttpRequest = context["request"]
    query = request.GET.copy()
    for key in keys:
        query.pop(key, None)
    return query.urlencode()


@register.inclusion_tag("core/components/history.html", takes_context=True)
def history_panel(context: template.Context, obj: models.Model) -> dict[str, object]:
    """The audit history of `obj`; paging keeps the page's own URL (and its authorisation)."""
    request: HttpRequest = context["request"]
    page = history_page(obj, cursor=request.GET.get("history"))
    entries = [
        {
            "entry": entry,
            "action": ACTION_LABELS.get(entry.action, ""),
            "changes": _changes(entry),
        }
        for entry in page.items
    ]
    return {"request": request, "page": page, "entries": entries}


HIDDEN_HISTORY_FIELDS = {"id", "organization", "search_text", "updated_at", "created_at"}
BOOLEAN_TEXT = {"True": "Sim", "False": "Não", "None": ""}


def _changes(entry: AbstractLogEntry) -> list[tuple[str, str, str]]:
    """(field label, old, new) rows, with the model's verbose names and readable values."""
    model = entry.content_type.model_class()
    rows = []
    for name, values in (entry.changes_dict or {}).items():
        label = _field_label(model, name)
        if name in HIDDEN_HISTORY_FIELDS or label is None:
            continue
        if isinstance(values, dict):  # many-to-many: {"type": "m2m", "objects": [...]}
            rows.append((label, "", ", ".join(str(v) for v in values.get("objects", []))))
            continue
        old, new = (list(values) + ["", ""])[:2]
        rows.append((label, BOOLEAN_TEXT.get(old, old), BOOLEAN_TEXT.get(new, new)))
    return rows


def _field_label(model: type[models.Model] | None, name: str) -> str | None:
    """The field's verbose name; None for reverse relations auditlog lists on creation."""
    if model is None:  # the model itself was removed since
        return name
    try:
        field = model._meta.get_field(name)
    except Exception:  # noqa: BLE001  a field removed since the change was recorded
        return name
    if not isinstance(field, models.Field) or (not field.concrete and not field.many_to_many):
        return None
    return str(field.verbose_name).capitalize()


@register.filter
def phone(number: str) -> str:
    """A phone in the one format, `(19) 99123-4567` (rows saved before it was enforced too)."""
    return phone_display(number)


@register.filter
def split(text: str) -> list[str]:
    """`"a b c"|split` → a list, for looping over field names in a template."""
    return str(text).split()


@register.filter
def field(form: forms.BaseForm, name: str) -> forms.BoundField | None:
    """`form|field:"name"`: the bound field, or None when the form does not have it."""
    return form[name] if name in form.fields else None


@register.filter
def extra_field(form: forms.BaseForm, key: str) -> forms.BoundField | None:
    """The bound field of an organization-defined extra field."""
    return field(form, f"extra_{key}")


@register.filter(name="markdown")
def markdown_filter(text: str) -> SafeString:
    """`{{ entry.body|markdown }}`: Markdown rendered and sanitised (atende.core.markdown)."""
    return render_markdown(text)
