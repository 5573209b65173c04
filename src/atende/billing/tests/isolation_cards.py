"""Card routes for the walkers (B8): an open invoice to charge, a customer's cards page, a
stored card to deactivate, and bodies that do their work."""

from atende.accounts.tests.factories import MemberFactory
from atende.billing.models import StoredCard
from atende.billing.permissions import BillingPerm
from atende.billing.tests.factories import invoice
from atende.customers.tests.factories import CustomerFactory
from atende.tenancy.context import activate
from atende.tenancy.testing import isolation_factory, route_access

CARD_BODY = {
    "token": "card_gAP32x6tKcXoVxQ6",
    "customer_ref": "cus_x9NZAKNtz2ivPQ0k",
    "brand": "Visa",
    "last_digits": "0010",
}


@isolation_factory("billing:invoice_card_charge")
def open_invoice(organization):
    admin = MemberFactory(organization=organization, is_admin=True)
    return {"number": invoice(organization, actor=admin).number}


@isolation_factory("billing:customer_cards")
def customer(organization):
    return {"number": CustomerFactory(organization=organization).number}


@isolation_factory("billing:card_deactivate")
def stored_card(organization):
    with activate(organization):
        card = StoredCard.objects.create(
            customer=CustomerFactory(organization=organization),
            gateway="pagarme",
            token="card_Qw7RtY2uIoP3aSd4",
            gateway_customer="cus_x9NZAKNtz2ivPQ0k",
            brand="Mastercard",
            last_digits="4444",
        )
    return {"pk": card.pk}


route_access("billing:customer_cards", needs=BillingPerm.CHANGE, body=CARD_BODY)
route_access("billing:card_deactivate", needs=BillingPerm.CHANGE, body={})
# No body: an administrator's charge needs the card gateway, which the walkers do not run
# (card payments are off without PAGARME_SECRET_KEY, so the charge writes nothing by design).
# The charge itself, against the local Pagar.me, is in test_cards_charge.py.
route_access("billing:invoice_card_charge", needs=BillingPerm.CHANGE)
