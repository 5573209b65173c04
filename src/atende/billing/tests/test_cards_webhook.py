"""Pagar.me's webhook (B8): signed calls about our charges settle or undo the invoice once,
whatever organization owns the charge; unsigned or forged calls write nothing."""

from decimal import Decimal

import pytest
from django.test import Client
from django.utils import timezone

from atende.billing.gateway.tests.pagarme_stub import JWKS_PATH, Reply
from atende.billing.models import CardCharge, InvoiceStatus, Payment, PaymentSource
from atende.billing.services.cards import CardChargeStatus, card_charge
from atende.billing.services.payments import payment_record
from atende.billing.tests.cards_helpers import (  # noqa: F401  the *_fixture are fixtures
    ORDERS,
    WEBHOOK_URL,
    digit_runs_in_billing_rows,
    hook_body,
    impostor_key_fixture,
    order,
    pagarme_fixture,
    pagarme_key_fixture,
    signed_post,
    stored_card,
)
from atende.billing.tests.factories import invoice
from atende.tenancy.context import activate
from atende.tenancy.tests.walker import changed_tables, table_states

pytestmark = pytest.mark.django_db
CHARGE_ID = "ch_0EQdZmXs1cLgJz7q"


def pending_charge(organization, actor, pagarme) -> CardCharge:
    """A charge Pagar.me left pending (antifraud): the webhook will decide it."""
    with activate(organization):
        bill = invoice(organization, actor=actor)
        card = stored_card(bill.customer)
        pagarme.reply("POST", ORDERS, Reply(200, order("pending", cents=15000)))
        charge = card_charge(actor=actor, invoice=bill, card=card)
    assert (charge.status, charge.gateway_id) == (CardChargeStatus.PENDING, CHARGE_ID)
    return charge


def paid_hook() -> bytes:
    return hook_body("charge.paid", cents=15000, charge_id=CHARGE_ID, status="paid")


def test_a_paid_webhook_pays_a_pending_charge_once_even_delivered_twice(
    organization, admin_member, pagarme, pagarme_key
):
    charge = pending_charge(organization, admin_member, pagarme)
    client = Client()

    first = signed_post(client, pagarme_key, paid_hook())
    again = signed_post(client, pagarme_key, paid_hook())

    assert (first.status_code, again.status_code) == (200, 200)
    charge.refresh_from_db()
    assert charge.status == CardChargeStatus.APPROVED
    payment = Payment.objects.get()
    assert (payment.source, payment.amount_paid, payment.occurrence_key) == (
        PaymentSource.CARD, Decimal("150.00"), f"card:{CHARGE_ID}"
    )  # fmt: skip
    assert payment.created_by is None
    charge.invoice.refresh_from_db()
    assert charge.invoice.status == InvoiceStatus.PAID
    assert digit_runs_in_billing_rows() == []


def test_the_webhook_finds_a_charge_of_another_organization_than_the_active_one(
    organization, other_organization, other_member, pagarme, pagarme_key
):
    charge = pending_charge(other_organization, other_member, pagarme)

    # The test runs with `organization` active; the webhook must not depend on it.
    response = signed_post(Client(), pagarme_key, paid_hook())

    assert response.status_code == 200
    with activate(other_organization):
        charge.refresh_from_db()
        assert charge.status == CardChargeStatus.APPROVED
        assert Payment.objects.get().invoice_id == charge.invoice_id
    assert Payment.objects.count() == 0  # nothing in the active organization


@pytest.mark.parametrize("forgery", ["impostor", "tampered", "unsigned", "not json"])
def test_a_bad_signature_or_body_is_400_and_writes_nothing(
    organization, other_organization, admin_member, pagarme, pagarme_key, impostor_key, forgery
):
    pending_charge(organization, admin_member, pagarme)
    client = Client()
    before = table_states(organization, other_organization)
    body = paid_hook()

    if forgery == "impostor":
        response = signed_post(client, impostor_key, body)
    elif forgery == "tampered":
        header = pagarme_key.header(body)
        response = client.post(
            WEBHOOK_URL, data=body.replace(b"15000", b"99999"), content_type="application/json",
            headers={"X-Webhook-Asymmetric-Signature": header},
        )  # fmt: skip
    elif forgery == "unsigned":
        response = client.post(WEBHOOK_URL, data=body, content_type="application/json")
    else:
        response = signed_post(client, pagarme_key, b"{not json")

    assert response.status_code == 400
    assert changed_tables(before, table_states(organization, other_organization)) == []
    assert Payment.objects.count() == 0
    assert CardCharge.objects.get().status == CardChargeStatus.PENDING


def test_unreachable_keys_answer_503_so_pagarme_delivers_again(
    organization, other_organization, admin_member, pagarme, pagarme_key
):
    pending_charge(organization, admin_member, pagarme)
    pagarme.reply("GET", JWKS_PATH, Reply(500, {"message": "down"}))
    before = table_states(organization, other_organization)

    response = signed_post(Client(), pagarme_key, paid_hook())

    assert response.status_code == 503
    assert changed_tables(before, table_states(organization, other_organization)) == []


def test_a_webhook_about_a_charge_that_is_not_ours_is_acknowledged_and_ignored(
    organization, other_organization, pagarme, pagarme_key
):
    before = table_states(organization, other_organization)
    body = hook_body("charge.paid", cents=100, charge_id="ch_NotOurs0000000000", status="paid")

    response = signed_post(Client(), pagarme_key, body)

    assert response.status_code == 200
    assert changed_tables(before, table_states(organization, other_organization)) == []


def test_the_webhook_takes_only_post(pagarme):
    assert Client().get(WEBHOOK_URL).status_code == 405


def test_a_refund_webhook_undoes_the_card_payment(organization, admin_member, pagarme, pagarme_key):
    bill = invoice(organization, actor=admin_member)
    card = stored_card(bill.customer)
    pagarme.reply("POST", ORDERS, Reply(200, order("paid", cents=15000)))
    charge = card_charge(actor=admin_member, invoice=bill, card=card)
    bill.refresh_from_db()
    assert bill.status == InvoiceStatus.PAID
    body = hook_body("charge.refunded", cents=15000, charge_id=CHARGE_ID, status="canceled")

    first = signed_post(Client(), pagarme_key, body)
    again = signed_post(Client(), pagarme_key, body)

    assert (first.status_code, again.status_code) == (200, 200)
    payment = Payment.objects.get()
    assert payment.undone_at is not None
    assert payment.undone_reason == "Estorno no cartão"
    bill.refresh_from_db()
    assert (bill.status, bill.paid_amount) == (InvoiceStatus.OPEN, Decimal("0.00"))
    charge.refresh_from_db()
    assert charge.status == CardChargeStatus.REFUNDED


def test_a_paid_webhook_after_the_answer_settles_nothing_more(
    organization, admin_member, pagarme, pagarme_key
):
    bill = invoice(organization, actor=admin_member)
    card = stored_card(bill.customer)
    pagarme.reply("POST", ORDERS, Reply(200, order("paid", cents=15000)))
    card_charge(actor=admin_member, invoice=bill, card=card)

    response = signed_post(Client(), pagarme_key, paid_hook())

    assert response.status_code == 200
    assert Payment.objects.count() == 1


def test_money_captured_for_an_invoice_settled_meanwhile_is_flagged_not_counted(
    organization, admin_member, pagarme, pagarme_key
):
    charge = pending_charge(organization, admin_member, pagarme)
    payment_record(
        actor=admin_member, invoice=charge.invoice, amount_paid=Decimal("150.00"),
        paid_on=timezone.localdate(), source=PaymentSource.MANUAL,
    )  # fmt: skip

    response = signed_post(Client(), pagarme_key, paid_hook())

    assert response.status_code == 200
    charge.refresh_from_db()
    assert charge.status == CardChargeStatus.APPROVED
    assert charge.message == (
        "Valor capturado, mas não baixado: Este título já está pago "
        f"(em {timezone.localdate():%d/%m/%Y}). Avalie o estorno."
    )
    assert Payment.objects.get().source == PaymentSource.MANUAL
