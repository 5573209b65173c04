"""Reads for card payments (B8): a customer's stored cards and an invoice's card charges, each
through the customer record rule (another portfolio's card reads as missing)."""

from django.db.models import QuerySet
from django.http import Http404

from atende.billing.models import CardCharge, Invoice, StoredCard
from atende.customers.models import Customer
from atende.customers.selectors import visible_customers
from atende.tenancy.models import Member


def stored_cards(*, customer: Customer, active_only: bool = False) -> QuerySet[StoredCard]:
    """The customer's cards, the active ones first, newest first."""
    cards = StoredCard.objects.filter(customer=customer)
    if active_only:
        cards = cards.filter(is_active=True)
    return cards.order_by("-is_active", "-created_at", "-pk")


def stored_card_get(*, actor: Member, pk: int) -> StoredCard:
    """The card with this id when the member may see its customer; 404 otherwise."""
    card = (
        StoredCard.objects.filter(pk=pk, customer__in=visible_customers(actor))
        .select_related("customer")
        .first()
    )
    if card is None:
        raise Http404("Cartão não encontrado")
    return card


def invoice_card_charges(*, invoice: Invoice) -> list[CardCharge]:
    """The invoice's card charges, newest first, with their cards."""
    return list(CardCharge.objects.filter(invoice=invoice).select_related("card").order_by("-pk"))
