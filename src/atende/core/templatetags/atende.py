"""Formatting filters used on every page: money in reais, dates in Brazilian order."""

from decimal import Decimal, InvalidOperation

from django import forms, template
from django.db import models
from django.http import HttpRequest
from django.utils.safestring import SafeString

from atende.core.history import history_page
from atende.core.history_format import history_events
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
    """The audit history of `obj` and of the records filed under it; paging keeps the page's
    own URL (and its authorisation)."""
    request: HttpRequest = context["request"]
    page = history_page(obj, cursor=request.GET.get("history"))
    return {"request": request, "page": page, "events": history_events(page.items, subject=obj)}


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
