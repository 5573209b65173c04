"""Billing's template filters: whether an invoice is overdue (the selectors' one rule)."""

from django import template

from atende.billing.selectors import is_overdue

register = template.Library()


@register.filter
def invoice_overdue(invoice) -> bool:
    return is_overdue(invoice)
