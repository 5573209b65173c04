"""Card payments on the invoice page (B8): whether they are on, and the customer's active
cards, read only when the charge form is shown."""

from django import template

from atende.billing.card_gateway import card_payments_enabled
from atende.billing.selectors_cards import stored_cards
from atende.billing.services.cards import CardChargeStatus

register = template.Library()


@register.simple_tag
def card_payments_on() -> bool:
    return card_payments_enabled()


@register.simple_tag
def active_stored_cards(invoice) -> list:
    return list(stored_cards(customer=invoice.customer, active_only=True))


@register.filter
def card_charge_status(status: str) -> str:
    try:
        return str(CardChargeStatus(status).label)
    except ValueError:
        return status
