"""Record and undo payments (B4): the invoice row is locked, what the payer owed on the
payment day is computed by `rules.charges.amount_due` (discount until its date, fine and
interest when late), and the invoice's status, amount paid and credit follow the payments
that are not undone. Every change is one transaction; `invoice_paid` is sent after commit."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import transaction
from django.db.models import Max, Sum
from django.utils import timezone

from atende.accounts.permissions import require
from atende.billing.errors import BillingError
from atende.billing.models import (
    Boleto,
    BoletoStatus,
    Invoice,
    InvoiceStatus,
    Payment,
    PaymentSource,
    ReturnFile,
)
from atende.billing.money import ZERO, parse_money, require_date
from atende.billing.permissions import BillingPerm
from atende.billing.rules.charges import ChargeRuleError, amount_due
from atende.billing.signals import invoice_paid
from atende.core.errors import DomainError
from atende.tenancy.models import Member


@dataclass(frozen=True)
class Settlement:
    """What an invoice's payments add up to: its status, amount paid, date paid and credit."""

    status: str
    paid_amount: Decimal
    paid_on: date | None
    credit: Decimal


def owed_on(invoice: Invoice, paid_on: date) -> Decimal:
    """What the payer owed for the whole invoice on `paid_on` (the fee is in the amount)."""
    try:
        return amount_due(
            amount=invoice.amount,
            due_date=invoice.due_date,
            paid_on=paid_on,
            fine_percent=invoice.fine_percent,
            monthly_interest_percent=invoice.monthly_interest_percent,
            discount=invoice.discount,
            discount_until=invoice.discount_until,
        ).total
    except ChargeRuleError as refused:
        raise DomainError(refused.message, code=BillingError.INVALID_AMOUNT) from refused


def settlement_of(invoice: Invoice) -> Settlement:
    """The invoice's state from its payments that are not undone; what is owed is counted at
    the last payment's date (the one that completes it)."""
    live = Payment.objects.filter(invoice=invoice, undone_at__isnull=True)
    summary = live.aggregate(total=Sum("amount_paid"), last=Max("paid_on"))
    paid, last = summary["total"] or ZERO, summary["last"]
    if not paid or last is None:
        return Settlement(InvoiceStatus.OPEN, ZERO, None, ZERO)
    owed = owed_on(invoice, last)
    if paid >= owed:
        return Settlement(InvoiceStatus.PAID, paid, last, paid - owed)
    return Settlement(InvoiceStatus.PARTIALLY_PAID, paid, None, ZERO)


def _apply_settlement(invoice: Invoice) -> None:
    was_paid = invoice.status == InvoiceStatus.PAID
    state = settlement_of(invoice)
    invoice.status = state.status
    invoice.paid_amount = state.paid_amount
    invoice.paid_on = state.paid_on
    invoice.credit = state.credit
    invoice.save(update_fields=["status", "paid_amount", "paid_on", "credit", "updated_at"])
    boletos = Boleto.objects.filter(invoice=invoice)
    if state.status == InvoiceStatus.PAID:
        boletos.filter(status=BoletoStatus.ISSUED).update(status=BoletoStatus.PAID)
        if not was_paid:
            transaction.on_commit(lambda: invoice_paid.send(sender=Invoice, invoice=invoice))
    elif was_paid:
        boletos.filter(status=BoletoStatus.PAID).update(status=BoletoStatus.ISSUED)


def lock_open_invoice(invoice_pk: int) -> Invoice:
    """The invoice under a row lock; refused when it is cancelled or already paid."""
    invoice = Invoice.objects.select_for_update().get(pk=invoice_pk)
    if invoice.status == InvoiceStatus.CANCELLED:
        raise DomainError("Este título está cancelado.", code=BillingError.NOT_OPEN)
    if invoice.status == InvoiceStatus.PAID:
        paid = invoice.paid_on.strftime("%d/%m/%Y") if invoice.paid_on else ""
        raise DomainError(
            f"Este título já está pago{f' (em {paid})' if paid else ''}.",
            code=BillingError.NOT_OPEN,
        )
    return invoice


def payment_add(
    *,
    invoice: Invoice,
    recorded_by: Member | None,
    amount_paid: object,
    paid_on: object,
    credited_on: date | None = None,
    fees: object = ZERO,
    interest: object = ZERO,
    discount: object = ZERO,
    source: str,
    boleto: Boleto | None = None,
    return_file: ReturnFile | None = None,
    occurrence_key: str = "",
    note: str = "",
) -> Payment:
    """The payment on an invoice the caller has locked (`lock_open_invoice`) and checked."""
    amount = parse_money(amount_paid, field="amount_paid", label="Valor pago", positive=True)
    day = require_date(paid_on, field="paid_on", label="Data do pagamento")
    if day > timezone.localdate():
        raise DomainError("A data do pagamento não pode ser no futuro.", field="paid_on")
    payment = Payment.objects.create(
        invoice=invoice,
        boleto=boleto,
        source=source,
        amount_paid=amount,
        fees=parse_money(fees or ZERO, field="fees", label="Tarifa"),
        interest=parse_money(interest or ZERO, field="interest", label="Juros e multa"),
        discount=parse_money(discount or ZERO, field="discount", label="Desconto"),
        paid_on=day,
        credited_on=credited_on,
        return_file=return_file,
        occurrence_key=occurrence_key,
        note=(note or "").strip()[:200],
        created_by=recorded_by,
    )
    _apply_settlement(invoice)
    return payment


def payment_record(
    *,
    actor: Member,
    invoice: Invoice,
    amount_paid: object,
    paid_on: object,
    credited_on: date | None = None,
    fees: object = ZERO,
    interest: object = ZERO,
    discount: object = ZERO,
    source: str,
    boleto: Boleto | None = None,
    return_file: ReturnFile | None = None,
    occurrence_key: str = "",
    note: str = "",
) -> Payment:
    """Record a payment received for an open invoice and settle it when it is enough."""
    require(actor, BillingPerm.CHANGE, invoice)
    if source not in PaymentSource.values:
        raise DomainError("Origem do pagamento inválida.", field="source")
    with transaction.atomic():
        locked = lock_open_invoice(invoice.pk)
        if boleto is not None and boleto.invoice_id != locked.pk:
            raise DomainError("Este boleto não é deste título.", field="boleto")
        if occurrence_key and Payment.objects.filter(occurrence_key=occurrence_key).exists():
            raise DomainError("Esta ocorrência já foi baixada.", code=BillingError.NOT_OPEN)
        payment = payment_add(
            invoice=locked,
            recorded_by=actor,
            amount_paid=amount_paid,
            paid_on=paid_on,
            credited_on=credited_on,
            fees=fees,
            interest=interest,
            discount=discount,
            source=source,
            boleto=boleto,
            return_file=return_file,
            occurrence_key=occurrence_key,
            note=note,
        )
    invoice.refresh_from_db()
    return payment


def payment_revert(*, payment: Payment, undone_by: Member | None, reason: str) -> Payment:
    """Undo a payment inside the caller's transaction (the invoice is locked here)."""
    invoice = Invoice.objects.select_for_update().get(pk=payment.invoice_id)
    payment = Payment.objects.select_for_update().get(pk=payment.pk)
    if payment.undone_at is not None:
        raise DomainError("Este pagamento já foi desfeito.", code=BillingError.NOT_OPEN)
    payment.undone_at = timezone.now()
    payment.undone_by = undone_by
    payment.undone_reason = reason[:200]
    payment.save(update_fields=["undone_at", "undone_by", "undone_reason"])
    _apply_settlement(invoice)
    return payment


def payment_undo(*, actor: Member, payment: Payment, reason: str) -> Payment:
    """Undo a payment (kept, marked with who, when and why); the invoice reopens as needed."""
    require(actor, BillingPerm.CHANGE, payment.invoice)
    reason = (reason or "").strip()
    if not reason:
        raise DomainError("Informe o motivo para desfazer o pagamento.", field="reason")
    with transaction.atomic():
        return payment_revert(payment=payment, undone_by=actor, reason=reason)
