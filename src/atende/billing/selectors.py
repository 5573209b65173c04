"""Every read of billing goes through here: the member's module permission and the customer
record rules (portfolio, sector categories) decide which invoices, boletos, payments and
subscriptions exist for them — pages, the customer tab, PDFs and the API alike."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Q, QuerySet, Sum
from django.http import Http404
from django.utils import timezone

from atende.accounts.permissions import can, require
from atende.billing.models import (
    OPEN_STATUSES,
    BankAccount,
    Boleto,
    Invoice,
    InvoiceStatus,
    Payment,
)
from atende.billing.permissions import BillingPerm
from atende.billing.rules.calendar import is_business_day
from atende.core.pagination import KeysetPage, keyset_page
from atende.customers.models import Customer
from atende.customers.permissions import customers_visible_to
from atende.tenancy.models import Member

OVERDUE = "overdue"  # the "Vencido" filter: open and past the (business-day) due date
STATUS_FILTERS = (*InvoiceStatus.values, OVERDUE)


def last_on_time_due_date(today: date) -> date:
    """The latest due date that is overdue today: a boleto due on a day banks are closed is
    paid on time on the next business day, so it is overdue only from the day after that.
    Overdue ⇔ due_date <= the last business day before today."""
    day = date.fromordinal(today.toordinal() - 1)
    while not is_business_day(day):
        day = date.fromordinal(day.toordinal() - 1)
    return day


def is_overdue(invoice: Invoice, today: date | None = None) -> bool:
    today = today or timezone.localdate()
    return invoice.status in OPEN_STATUSES and invoice.due_date <= last_on_time_due_date(today)


def visible_invoices(member: Member) -> QuerySet[Invoice]:
    """Every invoice the member may see: none without billing's view permission; otherwise
    those of the customers the member sees."""
    if not can(member, BillingPerm.VIEW):
        return Invoice.objects.none()
    invoices = Invoice.objects.all()
    if member.is_admin:
        return invoices
    customers = Customer.objects.all()
    restricted = customers_visible_to(member, customers)
    if restricted is customers:  # no record rule narrows this member
        return invoices
    return invoices.filter(customer__in=restricted)


def visible_boletos(member: Member) -> QuerySet[Boleto]:
    return Boleto.objects.filter(invoice__in=visible_invoices(member))


def invoice_get(
    *, actor: Member, number: int, permission: BillingPerm = BillingPerm.VIEW
) -> Invoice:
    """The invoice with this number: 404 when not visible (same as missing), 403 when visible
    but `permission` is missing."""
    invoice = (
        visible_invoices(actor)
        .select_related("customer", "bank_account", "created_by__user", "subscription__plan")
        .filter(number=number)
        .first()
    )
    if invoice is None:
        raise Http404("Título não encontrado")
    if permission != BillingPerm.VIEW:
        require(actor, permission, invoice)
    return invoice


def boleto_get(*, actor: Member, number: int) -> Boleto:
    boleto = (
        visible_boletos(actor)
        .select_related("invoice__customer", "bank_account")
        .filter(number=number)
        .first()
    )
    if boleto is None:
        raise Http404("Boleto não encontrado")
    return boleto


@dataclass(frozen=True)
class InvoiceFilters:
    status: str = ""  # one of STATUS_FILTERS or "" (all)
    customer_number: int | None = None
    due_from: date | None = None
    due_to: date | None = None


def invoice_list(
    *, actor: Member, filters: InvoiceFilters, cursor: str | None = None, size: int = 50
) -> KeysetPage[Invoice]:
    """One page of invoices, by due date (newest first), built for a million rows: the
    status/due-date index serves each filter, keyset paging, no count."""
    invoices = visible_invoices(actor).select_related("customer")
    today = timezone.localdate()
    if filters.status == OVERDUE:
        invoices = invoices.filter(
            status__in=OPEN_STATUSES, due_date__lte=last_on_time_due_date(today)
        )
    elif filters.status:
        invoices = invoices.filter(status=filters.status)
    if filters.customer_number is not None:
        invoices = invoices.filter(customer__number=filters.customer_number)
    if filters.due_from:
        invoices = invoices.filter(due_date__gte=filters.due_from)
    if filters.due_to:
        invoices = invoices.filter(due_date__lte=filters.due_to)
    return keyset_page(invoices, ordering=["-due_date", "-pk"], cursor=cursor, size=size)


def invoice_items(*, invoice: Invoice) -> list[Any]:
    return list(invoice.items.all())


def invoice_boletos(*, invoice: Invoice) -> list[Boleto]:
    return list(invoice.boletos.select_related("bank_account").order_by("-number"))


def invoice_payments(*, invoice: Invoice) -> list[Payment]:
    return list(
        invoice.payments.select_related("boleto", "return_file", "created_by__user").order_by(
            "-paid_on", "-pk"
        )
    )


@dataclass(frozen=True)
class Statement:
    """A customer's financial position (C12 "Financeiro"): what is open and overdue, what was
    paid, the credit, and one page of invoices."""

    open_total: Decimal
    overdue_total: Decimal
    paid_total: Decimal
    credit: Decimal
    page: KeysetPage[Invoice]

    @property
    def balance(self) -> Decimal:
        """Owed minus credit: positive means the customer owes."""
        return self.open_total - self.credit


def customer_statement(
    *, actor: Member, customer: Customer, cursor: str | None = None, size: int = 20
) -> Statement:
    invoices = visible_invoices(actor).filter(customer=customer)
    cutoff = last_on_time_due_date(timezone.localdate())
    zero = Decimal("0.00")
    totals = invoices.aggregate(
        owed=Sum("amount", filter=Q(status__in=OPEN_STATUSES)),
        owed_paid=Sum("paid_amount", filter=Q(status__in=OPEN_STATUSES)),
        late=Sum("amount", filter=Q(status__in=OPEN_STATUSES, due_date__lte=cutoff)),
        late_paid=Sum("paid_amount", filter=Q(status__in=OPEN_STATUSES, due_date__lte=cutoff)),
        paid=Sum("paid_amount", filter=~Q(status=InvoiceStatus.CANCELLED)),
        credit=Sum("credit"),
    )
    page = keyset_page(
        invoices.prefetch_related("boletos"),
        ordering=["-due_date", "-pk"],
        cursor=cursor,
        size=size,
    )
    return Statement(
        open_total=(totals["owed"] or zero) - (totals["owed_paid"] or zero),
        overdue_total=(totals["late"] or zero) - (totals["late_paid"] or zero),
        paid_total=totals["paid"] or zero,
        credit=totals["credit"] or zero,
        page=page,
    )


def bank_accounts(*, active_only: bool = False) -> list[BankAccount]:
    accounts = BankAccount.objects.order_by("name", "pk")
    if active_only:
        accounts = accounts.filter(is_active=True)
    return list(accounts)


def bank_account_get(*, actor: Member, pk: int) -> BankAccount:
    require(actor, BillingPerm.MANAGE_ACCOUNTS)
    account = BankAccount.objects.filter(pk=pk).first()
    if account is None:
        raise Http404("Conta bancária não encontrada")
    return account


def portal_invoices(account: Any) -> QuerySet[Invoice]:
    """The invoices a customer's portal account sees: its customer's, not cancelled — and only
    for accounts that see all of the customer's requests (the customer's managers); a contact
    who sees only their own requests sees no finances."""
    if not account.is_active or not account.sees_all_customer_requests:
        return Invoice.objects.none()
    return Invoice.objects.filter(customer_id=account.contact.customer_id).exclude(
        status=InvoiceStatus.CANCELLED
    )


def portal_invoice_page(*, account: Any, cursor: str | None = None) -> KeysetPage[Invoice]:
    invoices = portal_invoices(account).prefetch_related("boletos")
    return keyset_page(invoices, ordering=["-due_date", "-pk"], cursor=cursor, size=25)


def portal_boleto_get(*, account: Any, number: int) -> Boleto:
    boleto = (
        Boleto.objects.filter(invoice__in=portal_invoices(account), number=number)
        .exclude(status="cancelled")
        .select_related("invoice__customer", "bank_account")
        .first()
    )
    if boleto is None:
        raise Http404("Boleto não encontrado")
    return boleto
