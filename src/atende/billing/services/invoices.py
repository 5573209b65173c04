"""Create and cancel invoices (B6). Amounts are computed here, never trusted from the caller:
each item is quantity × unit price rounded half-up to cents, the boleto fee is added when the
customer's flag says so, and the fine and interest come from the bank account when the
customer's flag allows them. The invoice and its items are written in one transaction."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from atende.accounts.permissions import require
from atende.billing.errors import BillingError
from atende.billing.models import (
    OPEN_STATUSES,
    BankAccount,
    BoletoBatch,
    BoletoStatus,
    Invoice,
    InvoiceItem,
    InvoiceStatus,
    Subscription,
)
from atende.billing.money import ZERO, cents, parse_money, require_date
from atende.billing.permissions import BillingPerm
from atende.core.errors import DomainError, ErrorCollector, InvalidFields
from atende.core.validation import validate_model_fields
from atende.customers.models import Customer
from atende.tenancy.models import Member
from atende.tenancy.sequences import next_number

MAX_ITEMS = 50
MAX_QUANTITY = Decimal("999999.999")


@dataclass(frozen=True)
class ItemInput:
    description: str
    quantity: object
    unit_price: object


@dataclass(frozen=True)
class InvoiceInput:
    description: str
    due_date: date | None
    items: Sequence[ItemInput]
    bank_account: BankAccount | None = None
    discount: object = ZERO
    discount_until: date | None = None
    issue_date: date | None = None


def _items(items: Sequence[ItemInput], errors: ErrorCollector) -> list[InvoiceItem]:
    if not items:
        with errors.check():
            raise DomainError("Informe ao menos um item.", field="items")
    if len(items) > MAX_ITEMS:
        with errors.check():
            raise DomainError(f"No máximo {MAX_ITEMS} itens por título.", field="items")
        return []
    rows = []
    for position, item in enumerate(items, start=1):
        label = f"Item {position}"
        with errors.check():
            description = (item.description or "").strip()
            if not description:
                raise DomainError(f"{label}: informe a descrição.", field="items")
            quantity = Decimal(str(item.quantity).replace(",", ".")) if item.quantity else None
            if quantity is None or not quantity.is_finite() or not 0 < quantity <= MAX_QUANTITY:
                raise DomainError(f"{label}: quantidade inválida.", field="items")
            price = parse_money(item.unit_price, field="items", label=f"{label}, valor unitário")
            row = InvoiceItem(
                description=description,
                quantity=quantity,
                unit_price=price,
                total=cents(quantity * price),
            )
            try:
                validate_model_fields(row, exclude=("invoice",))
            except InvalidFields as refused:
                messages = [f"{label}: {m}" for ms in refused.errors.values() for m in ms]
                raise InvalidFields({"items": messages}) from refused
            rows.append(row)
    return rows


def invoice_build(*, customer: Customer, data: InvoiceInput) -> tuple[Invoice, list[InvoiceItem]]:
    """The unsaved invoice and items, every refusal gathered (InvalidFields)."""
    errors = ErrorCollector()
    today = timezone.localdate()
    issue_date = data.issue_date or today
    due_date = None
    with errors.check():
        due_date = require_date(data.due_date, field="due_date", label="Vencimento")
        if due_date < issue_date:
            raise DomainError("O vencimento não pode ser antes da emissão.", field="due_date")
    rows = _items(data.items, errors)
    account = data.bank_account
    fee = account.boleto_fee if account and customer.charge_boleto_fee else ZERO
    amount = sum((row.total for row in rows), ZERO) + fee
    discount = ZERO
    with errors.check():
        discount = parse_money(data.discount or ZERO, field="discount", label="Desconto")
        if discount and discount >= amount:
            raise DomainError("O desconto deve ser menor que o valor do título.", field="discount")
        if discount and not data.discount_until:
            raise DomainError("Informe até quando vale o desconto.", field="discount_until")
        if data.discount_until and due_date and data.discount_until > due_date:
            raise DomainError("O desconto vale no máximo até o vencimento.", field="discount_until")
    with errors.check():
        parse_money(amount, field="items", label="Total do título", positive=True)
    charges = account is not None and customer.charge_fines_and_interest
    invoice = Invoice(
        customer=customer,
        bank_account=account,
        description=(data.description or "").strip(),
        issue_date=issue_date,
        due_date=due_date or today,
        amount=amount,
        fee=fee,
        discount=discount,
        discount_until=data.discount_until if discount else None,
        fine_percent=account.fine_percent if charges and account else ZERO,
        monthly_interest_percent=account.monthly_interest_percent if charges and account else ZERO,
    )
    with errors.check():
        validate_model_fields(invoice, exclude=("number", "customer", "bank_account"))
    errors.raise_any()
    return invoice, rows


def invoice_create(
    *,
    actor: Member | None,
    customer: Customer,
    data: InvoiceInput,
    subscription: Subscription | None = None,
    period_start: date | None = None,
    batch: BoletoBatch | None = None,
) -> Invoice:
    """A new open invoice; `actor` None only for the scheduled jobs (subscriptions)."""
    if actor is not None:
        require(actor, BillingPerm.ADD, customer)
    if data.bank_account is not None and not data.bank_account.is_active:
        raise DomainError(
            "Esta conta bancária está inativa.",
            code=BillingError.NO_BANK_ACCOUNT,
            field="bank_account",
        )
    invoice, rows = invoice_build(customer=customer, data=data)
    with transaction.atomic():
        invoice.number = next_number("invoice")
        invoice.subscription = subscription
        invoice.period_start = period_start
        invoice.batch = batch
        invoice.created_by = actor
        invoice.save()
        for row in rows:
            row.invoice = invoice
        InvoiceItem.objects.bulk_create(rows)
    return invoice


def invoice_cancel(*, actor: Member, invoice: Invoice, reason: str) -> Invoice:
    require(actor, BillingPerm.CHANGE, invoice)
    reason = (reason or "").strip()
    if not reason:
        raise DomainError("Informe o motivo do cancelamento.", field="reason")
    with transaction.atomic():
        invoice = Invoice.objects.select_for_update().get(pk=invoice.pk)
        if invoice.status not in OPEN_STATUSES or invoice.paid_amount:
            raise DomainError(
                "Só um título em aberto e sem pagamentos pode ser cancelado.",
                code=BillingError.NOT_OPEN,
            )
        invoice.status = InvoiceStatus.CANCELLED
        invoice.cancelled_reason = reason[:200]
        validate_model_fields(invoice, exclude=("number", "customer", "bank_account"))
        invoice.save()
        invoice.boletos.filter(status=BoletoStatus.ISSUED).update(status=BoletoStatus.CANCELLED)
    return invoice
