"""Card payments (B8): cards the gateway keeps for a customer, charging an invoice on one, and
the gateway's webhooks. We hold the gateway's card id, brand and last four digits, never the
number.

A charge is written in three steps so that a crash or a timeout never charges twice: the
attempt (with its idempotency key) is committed first, the gateway is called outside any
transaction, and the outcome is recorded in a second transaction that locks the attempt, so
the answer and a webhook about the same charge settle the invoice once.
"""

import re
from collections.abc import Mapping
from decimal import Decimal

from django.db import connection, models, transaction
from django.db.models.expressions import RawSQL
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from atende.accounts.permissions import require
from atende.billing.card_gateway import GATEWAY_NAME, OFF_MESSAGE, card_gateway
from atende.billing.errors import BillingError
from atende.billing.gateway import (
    CardGateway,
    ChargeResult,
    GatewayError,
    PagarmeGateway,
    PaymentStatus,
    WebhookEvent,
)
from atende.billing.models import CardCharge, Invoice, Payment, PaymentSource, StoredCard
from atende.billing.money import ZERO
from atende.billing.permissions import BillingPerm
from atende.billing.services.payments import (
    lock_open_invoice,
    owed_on,
    payment_add,
    payment_revert,
)
from atende.core.errors import DomainError
from atende.customers.models import Customer
from atende.tenancy.context import activate, dangerously_unscoped
from atende.tenancy.models import Member, Organization

REFUND_REASON = "Estorno no cartão"
CARD_ID = re.compile(r"^card_[A-Za-z0-9]{8,60}$")
CUSTOMER_ID = re.compile(r"^cus_[A-Za-z0-9]{8,60}$")
LAST_DIGITS = re.compile(r"^\d{4}$")
BRAND = re.compile(r"^[A-Za-z][A-Za-z ]{0,19}$")
DIGIT_RUN = re.compile(r"\d{12,}")  # a card number hidden in an id is refused too
CARD_CHARGE_ORGANIZATIONS_SQL = "SELECT atende_card_charge_organization_ids(%s)"


class CardChargeStatus(models.TextChoices):
    # committed before the call; or the gateway is still deciding
    PENDING = "pending", _("Pending")
    APPROVED = "approved", _("Approved")
    DECLINED = "declined", _("Declined")  # the issuer or antifraud refused: another card
    FAILED = "failed", _("No answer")  # timeout, 5xx: retrying reuses the same key
    ERROR = "error", _("Error")  # the gateway refused the request or could not process it
    REFUNDED = "refunded", _("Refunded")


# An attempt whose outcome we do not know: the next charge repeats it with the same key.
UNRESOLVED = (CardChargeStatus.PENDING, CardChargeStatus.FAILED)


def _gateway() -> CardGateway:
    try:
        gateway = card_gateway()
    except GatewayError as error:  # a configured URL that is not https
        raise DomainError(error.message, code=BillingError.NOT_OPEN) from error
    if gateway is None:
        raise DomainError(OFF_MESSAGE, code=BillingError.NOT_OPEN)
    return gateway


def _check_card_fields(*, token: str, customer_ref: str, brand: str, last_digits: str) -> None:
    try:
        # The adapter's own guard: anything that looks like a card number is refused.
        PagarmeGateway._card_reference(token)  # noqa: SLF001
    except GatewayError as error:
        raise DomainError(error.message, field="token") from error
    if any(DIGIT_RUN.search(text) for text in (token, customer_ref, brand)):
        raise DomainError(
            "Não informe o número do cartão: use o id do cartão guardado no Pagar.me.",
            field="token",
        )
    if not CARD_ID.match(token):
        raise DomainError(
            "Informe o id do cartão guardado no Pagar.me (card_…), não um token de uso único.",
            field="token",
        )
    if not CUSTOMER_ID.match(customer_ref):
        raise DomainError("Informe o id do cliente no Pagar.me (cus_…).", field="customer_ref")
    if brand and not BRAND.match(brand):
        raise DomainError("Bandeira inválida.", field="brand")
    if not LAST_DIGITS.match(last_digits):
        raise DomainError("Informe os 4 últimos dígitos do cartão.", field="last_digits")


def card_store(
    *,
    actor: Member,
    customer: Customer,
    token: str,
    customer_ref: str,
    brand: str,
    last_digits: str,
) -> StoredCard:
    """Keep a card the customer registered at the gateway (its card id), for later charges."""
    require(actor, BillingPerm.CHANGE, customer)
    token, customer_ref = (token or "").strip(), (customer_ref or "").strip()
    brand, last_digits = (brand or "").strip(), (last_digits or "").strip()
    _check_card_fields(token=token, customer_ref=customer_ref, brand=brand, last_digits=last_digits)
    with transaction.atomic():
        if StoredCard.objects.filter(customer=customer, token=token, is_active=True).exists():
            raise DomainError("Este cartão já está cadastrado para o cliente.", field="token")
        return StoredCard.objects.create(
            customer=customer,
            gateway=GATEWAY_NAME,
            token=token,
            gateway_customer=customer_ref,
            brand=brand,
            last_digits=last_digits,
        )


def card_deactivate(*, actor: Member, card: StoredCard) -> StoredCard:
    """Stop offering the card for charges (kept: past charges point to it)."""
    require(actor, BillingPerm.CHANGE, card.customer)
    with transaction.atomic():
        card = StoredCard.objects.select_for_update().get(pk=card.pk)
        if card.is_active:
            card.is_active = False
            card.save(update_fields=["is_active"])
    return card


def _owed_now(invoice: Invoice) -> Decimal:
    return owed_on(invoice, timezone.localdate()) - invoice.paid_amount


def _attempt(*, invoice: Invoice, card: StoredCard) -> CardCharge:
    """The attempt to send, committed before the gateway is called: the unresolved one again
    (same key, card and amount), or a new one for what is owed now."""
    with transaction.atomic():
        locked = lock_open_invoice(invoice.pk)
        charges = CardCharge.objects.filter(invoice=locked).select_related("card")
        if charges.filter(status=CardChargeStatus.PENDING).exclude(gateway_id="").exists():
            raise DomainError(
                "Há uma cobrança no cartão em análise pelo Pagar.me para este título; "
                "aguarde a confirmação.",
                code=BillingError.NOT_OPEN,
            )
        unresolved = charges.filter(status__in=UNRESOLVED).order_by("-pk").first()
        if unresolved is not None:
            if unresolved.card_id != card.pk:
                raise DomainError(
                    f"A tentativa anterior no cartão {unresolved.card} ficou sem resposta; "
                    "tente de novo com o mesmo cartão.",
                    field="card",
                )
            return unresolved
        amount = _owed_now(locked)
        if amount <= ZERO:
            raise DomainError("Não há valor em aberto neste título.", code=BillingError.NOT_OPEN)
        attempt = charges.count() + 1
        return CardCharge.objects.create(
            invoice=locked,
            card=card,
            idempotency_key=f"atende-o{locked.organization_id}-i{locked.pk}-t{attempt}",
            amount=amount,
            status=CardChargeStatus.PENDING,
        )


def card_charge(*, actor: Member, invoice: Invoice, card: StoredCard) -> CardCharge:
    """Charge what the invoice owes now on one of its customer's stored cards."""
    require(actor, BillingPerm.CHANGE, invoice)
    if card.customer_id != invoice.customer_id or not card.is_active:
        raise DomainError("Escolha um cartão ativo do cliente deste título.", field="card")
    gateway = _gateway()
    charge = _attempt(invoice=invoice, card=card)
    # Outside any transaction: no row lock is held while the gateway answers.
    try:
        result = gateway.charge(
            card_token=charge.card.token,
            customer_ref=charge.card.gateway_customer,
            amount=charge.amount,
            description=f"Título {invoice.number}: {invoice.description}"[:200],
            idempotency_key=charge.idempotency_key,
        )
    except GatewayError as error:
        status = CardChargeStatus.FAILED if error.retryable else CardChargeStatus.ERROR
        return _charge_update(charge, status=status, message=error.message)
    return _charge_outcome(charge, result, recorded_by=actor)


def _charge_update(charge: CardCharge, *, status: str, message: str) -> CardCharge:
    with transaction.atomic():
        locked = CardCharge.objects.select_for_update().get(pk=charge.pk)
        if locked.status in UNRESOLVED:
            locked.status = status
            locked.message = message[:200]
            locked.save(update_fields=["status", "message"])
    return locked


_STATUS_OF = {
    PaymentStatus.APPROVED: CardChargeStatus.APPROVED,
    PaymentStatus.PENDING: CardChargeStatus.PENDING,
    PaymentStatus.DECLINED: CardChargeStatus.DECLINED,
    PaymentStatus.FAILED: CardChargeStatus.ERROR,
    PaymentStatus.REFUNDED: CardChargeStatus.REFUNDED,
}


def _charge_outcome(
    charge: CardCharge, result: ChargeResult, *, recorded_by: Member | None
) -> CardCharge:
    with transaction.atomic():
        locked = CardCharge.objects.select_for_update().get(pk=charge.pk)
        if locked.status not in UNRESOLVED:
            return locked  # the webhook got here first
        locked.gateway_id = result.charge_id
        locked.status = _STATUS_OF[result.status]
        locked.message = result.message[:200]
        if result.status == PaymentStatus.APPROVED:
            locked.message = _settle(locked, amount=result.amount, recorded_by=recorded_by)
        locked.save(update_fields=["gateway_id", "status", "message"])
    return locked


def _occurrence_key(charge: CardCharge) -> str:
    return f"card:{charge.gateway_id}"


def _settle(charge: CardCharge, *, amount: Decimal, recorded_by: Member | None) -> str:
    """Record the captured amount on the invoice, once; returns the message to keep."""
    key = _occurrence_key(charge)
    if Payment.objects.filter(occurrence_key=key).exists():
        return ""
    try:
        invoice = lock_open_invoice(charge.invoice_id)
    except DomainError as refused:
        # The money was captured but the invoice was settled or cancelled meanwhile.
        return f"Valor capturado, mas não baixado: {refused.message} Avalie o estorno."[:200]
    payment = payment_add(
        invoice=invoice,
        recorded_by=recorded_by,
        amount_paid=amount,
        paid_on=timezone.localdate(),
        source=PaymentSource.CARD,
        occurrence_key=key,
        note=f"Cartão {charge.card}",
    )
    payment.card_charge_id = charge.gateway_id
    payment.save(update_fields=["card_charge_id"])
    return ""


def card_charge_organization(gateway_id: str) -> Organization | None:
    """The one organization with a charge of this gateway id, or None (unknown or ambiguous).

    The webhook's only cross-organization read: by the gateway's unique charge id, nothing else.
    """
    if not gateway_id:
        return None
    if connection.vendor == "postgresql":
        ids = RawSQL(CARD_CHARGE_ORGANIZATIONS_SQL, [gateway_id])  # noqa: S611  one parameter
        found = list(Organization.objects.filter(pk__in=ids, is_active=True)[:2])
    else:
        # SQLite has no row-level security: the explicit cross-organization read suffices.
        with dangerously_unscoped():
            owners = CardCharge.objects.filter(gateway_id=gateway_id).values("organization_id")
            found = list(Organization.objects.filter(pk__in=owners, is_active=True)[:2])
    return found[0] if len(found) == 1 else None


def card_webhook(*, headers: Mapping[str, str], body: bytes) -> CardCharge | None:
    """Authenticate and apply a gateway webhook; None when the charge is not ours.

    Raises GatewayError (nothing written) when the call is not authentic or unreadable.
    """
    event = _gateway_for_webhook().parse_webhook(headers=headers, body=body)
    organization = card_charge_organization(event.charge_id)
    if organization is None:
        return None
    with activate(organization):
        return _apply_event(event)


def _gateway_for_webhook() -> CardGateway:
    gateway = card_gateway()
    if gateway is None:
        # Not judged: Pagar.me delivers again once the key is configured.
        raise GatewayError(OFF_MESSAGE, retryable=True)
    return gateway


def _apply_event(event: WebhookEvent) -> CardCharge | None:
    with transaction.atomic():
        charge = (
            CardCharge.objects.select_for_update()
            .select_related("card")
            .filter(gateway_id=event.charge_id)
            .first()
        )
        if charge is None:
            return None
        if event.status == PaymentStatus.APPROVED and charge.status in UNRESOLVED:
            amount = event.amount if event.amount is not None else charge.amount
            charge.status = CardChargeStatus.APPROVED
            charge.message = _settle(charge, amount=amount, recorded_by=None)
        elif event.status == PaymentStatus.REFUNDED:
            _revert(charge)
            charge.status = CardChargeStatus.REFUNDED
            charge.message = REFUND_REASON
        elif event.status in (PaymentStatus.DECLINED, PaymentStatus.FAILED) and (
            charge.status in UNRESOLVED
        ):
            charge.status = _STATUS_OF[event.status]
            charge.message = "Cobrança recusada pelo Pagar.me (webhook)."
        else:
            return charge  # pending, or a repeat of what is already recorded
        charge.save(update_fields=["status", "message"])
    return charge


def _revert(charge: CardCharge) -> None:
    payment = Payment.objects.filter(
        occurrence_key=_occurrence_key(charge), undone_at__isnull=True
    ).first()
    if payment is not None:
        payment_revert(payment=payment, undone_by=None, reason=REFUND_REASON)
