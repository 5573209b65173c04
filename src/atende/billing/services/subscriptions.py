"""The scheduled side of subscriptions (B7): charge each period once, suspend when unpaid,
reactivate when paid.

The charging rule, with `P` a subscription's `next_period_start`:
- a period runs from `P` to the day before `P` + the plan's months (periods are counted from
  the start date, so a start on the 31st gives the 28th/30th/31st of each month, never drifts);
- its due date is the first day numbered `billing_day` on or after `P` (a period starting on
  10/03 with billing day 5 is due 05/04; with billing day 15, 15/03);
- its invoice and boleto are made once today ≥ due date − `BillingSettings.invoice_days_before`
  (10 by default), then `P` advances by one period in the same transaction;
- a late run catches up every period it missed, one invoice each, issued today (or on the due
  date when that is earlier) with the period's own due date; a period whose discounts leave
  nothing to charge (100% progressive: "first month free") advances without an invoice.
The unique (organization, subscription, period_start) constraint and the advance under the
subscription's row lock make a second or concurrent run charge nothing twice.

The amount: the subscription's amount, less the plan's progressive discount for the period's
installment number (1 = the first period; customer flag "allow progressive discounts"), less
the subscription's promotional percent while the period starts on or before its end date
(flag "allow promotional discounts"); applied one after the other and rounded once to cents.
The plan's early-payment discount (same promotional flag) becomes the invoice's discount, valid
until `days_before_due` days before the due date.
"""

import logging
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.db import transaction
from django.dispatch import receiver
from django.utils import timezone

from atende.billing.models import (
    OPEN_STATUSES,
    BillingSettings,
    DiscountKind,
    Invoice,
    PlanDiscount,
    Subscription,
    SubscriptionStatus,
)
from atende.billing.money import ZERO, cents
from atende.billing.rules.calendar import next_business_day
from atende.billing.services.boletos import boleto_issue
from atende.billing.services.invoices import InvoiceInput, ItemInput, invoice_create
from atende.billing.signals import invoice_paid
from atende.core.errors import DomainError
from atende.tenancy.context import activate
from atende.tenancy.models import Organization

logger = logging.getLogger(__name__)

# A run never charges more than this many periods of one subscription (ten years monthly):
# a start date typed wrong by decades must not make thousands of invoices.
MAX_PERIODS_PER_RUN = 120


def organization_today(organization: Organization) -> date:
    """Today where the organization works (its time zone, not the server's)."""
    return timezone.localdate(timezone=ZoneInfo(organization.time_zone))


def add_months(day: date, months: int) -> date:
    """`day` moved by whole months, kept on its day number or the month's last day (31/01 + 1
    = 28/02): the calendar rule of a monthly due date."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    following = date(year + month // 12, month % 12 + 1, 1)
    return day.replace(
        year=year, month=month, day=min(day.day, (following - timedelta(days=1)).day)
    )


def billing_settings() -> BillingSettings:
    """The organization's settings row, or the defaults when it never saved any."""
    return BillingSettings.objects.first() or BillingSettings()


def period_start(subscription: Subscription, installment: int) -> date:
    """The first day of the `installment`th period (1 = the start date)."""
    months: int = subscription.plan.period * (installment - 1)
    return add_months(subscription.start_date, months)


def installment_of(subscription: Subscription, start: date) -> int:
    """Which period (1, 2, …) starts on `start`."""
    months = (start.year - subscription.start_date.year) * 12 + (
        start.month - subscription.start_date.month
    )
    return months // subscription.plan.period + 1


def due_date_of(start: date, billing_day: int) -> date:
    """The first day numbered `billing_day` on or after `start`."""
    if start.day <= billing_day:
        return start.replace(day=billing_day)
    return add_months(start, 1).replace(day=billing_day)


@dataclass(frozen=True)
class PeriodCharge:
    installment: int
    start: date
    end: date
    due_date: date
    price: Decimal  # after progressive and promotional discounts
    early_discount: Decimal
    early_until: date | None


def period_charge(subscription: Subscription, start: date) -> PeriodCharge:
    """What the period starting on `start` charges (the rule in the module's docstring)."""
    customer = subscription.customer
    plan = subscription.plan
    installment = installment_of(subscription, start)
    discounts: list[PlanDiscount] = list(plan.discounts.all())
    remaining = Decimal(1)
    if customer.allow_progressive_discount:
        for discount in discounts:
            if (
                discount.kind == DiscountKind.PROGRESSIVE
                and discount.first_installment <= installment <= discount.last_installment
            ):
                remaining *= 1 - discount.percent / 100
                break  # plan_save refuses overlapping ranges
    promotional = customer.allow_promotional_discount and subscription.promotional_percent > 0
    if promotional and (
        subscription.promotional_until is None or start <= subscription.promotional_until
    ):
        remaining *= 1 - subscription.promotional_percent / 100
    price = cents(subscription.amount * remaining)
    due = due_date_of(start, subscription.billing_day)
    early_discount, early_until = ZERO, None
    if customer.allow_promotional_discount and price > 0:
        for discount in discounts:
            if discount.kind == DiscountKind.EARLY_PAYMENT:
                early_discount = cents(price * discount.percent / 100)
                early_until = due - timedelta(days=discount.days_before_due)
                break
    if not early_discount:
        early_until = None
    end = add_months(start, plan.period) - timedelta(days=1)
    return PeriodCharge(installment, start, end, due, price, early_discount, early_until)


def _description(subscription: Subscription, charge: PeriodCharge) -> str:
    text = (
        f"{subscription.plan.name} – {charge.start:%d/%m/%Y} a {charge.end:%d/%m/%Y} "
        f"(parcela {charge.installment})"
    )
    if subscription.address is not None:
        text = f"{text} – {subscription.address.label}"
    return text[:200]


def _charge_next_period(subscription_id: int, today: date, lead_days: int) -> str:
    """Charge the subscription's next period when it is due: "charged", "skipped" (nothing to
    charge, advanced), or "" when nothing is due. One transaction, under the row lock."""
    with transaction.atomic():
        subscription = (
            Subscription.objects.select_for_update(of=("self",))
            .select_related("customer", "plan", "bank_account", "address")
            .prefetch_related("plan__discounts")
            .get(pk=subscription_id)
        )
        if subscription.status != SubscriptionStatus.ACTIVE:
            return ""
        start = subscription.next_period_start
        charge = period_charge(subscription, start)
        if charge.due_date - timedelta(days=lead_days) > today:
            return ""
        outcome = "skipped"
        if charge.price > 0:
            description = _description(subscription, charge)
            invoice = invoice_create(
                actor=None,
                customer=subscription.customer,
                data=InvoiceInput(
                    description=description,
                    due_date=charge.due_date,
                    issue_date=min(today, charge.due_date),
                    items=[ItemInput(description, Decimal(1), charge.price)],
                    bank_account=subscription.bank_account,
                    discount=charge.early_discount,
                    discount_until=charge.early_until,
                ),
                subscription=subscription,
                period_start=start,
            )
            boleto_issue(actor=None, invoice=invoice)
            outcome = "charged"
        subscription.next_period_start = period_start(subscription, charge.installment + 1)
        subscription.save(update_fields=["next_period_start"])
        return outcome


@dataclass
class ChargeReport:
    charged: int = 0
    skipped: int = 0  # periods with nothing to charge
    failed: int = 0  # subscriptions whose next period was refused (logged; retried next run)


def subscriptions_charge_due(*, today: date) -> ChargeReport:
    """Make the invoice and boleto of every period due by `today` (active subscriptions)."""
    lead_days = billing_settings().invoice_days_before
    horizon = today + timedelta(days=lead_days)
    # A period starting after the horizon is due after it too (its due date is on/after it).
    ids = list(
        Subscription.objects.filter(
            status=SubscriptionStatus.ACTIVE, next_period_start__lte=horizon
        )
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    report = ChargeReport()
    for subscription_id in ids:
        for _period in range(MAX_PERIODS_PER_RUN):
            try:
                outcome = _charge_next_period(subscription_id, today, lead_days)
            except DomainError as refused:
                logger.warning("subscription %s not charged: %s", subscription_id, refused.message)
                report.failed += 1
                break
            if not outcome:
                break
            if outcome == "charged":
                report.charged += 1
            else:
                report.skipped += 1
    return report


def is_overdue(due_date: date, today: date) -> bool:
    """Past due once the next business day after the due date has gone (Lei 7.089/1983)."""
    return next_business_day(due_date) < today


def days_overdue(due_date: date, today: date) -> int:
    return (today - next_business_day(due_date)).days


def subscriptions_suspend_overdue(*, today: date) -> int:
    """Suspend the active subscriptions of customers with automatic suspension on that owe an
    invoice overdue more than `suspend_after_days`; returns how many were suspended."""
    limit = billing_settings().suspend_after_days
    # next_business_day(due) ≥ due, so this date filter only narrows what Python checks.
    candidates = (
        Invoice.objects.filter(
            status__in=OPEN_STATUSES,
            due_date__lt=today - timedelta(days=limit),
            customer__auto_suspend=True,
            customer__subscriptions__status=SubscriptionStatus.ACTIVE,
        )
        .values_list("customer_id", "due_date")
        .distinct()
    )
    customer_ids = sorted(
        {customer for customer, due in candidates if days_overdue(due, today) > limit}
    )
    suspended = 0
    for customer_id in customer_ids:
        with transaction.atomic():
            suspended += Subscription.objects.filter(
                customer_id=customer_id, status=SubscriptionStatus.ACTIVE
            ).update(status=SubscriptionStatus.SUSPENDED, suspended_at=timezone.now())
    return suspended


def subscriptions_reactivate(*, customer_id: int, today: date) -> int:
    """Reactivate the customer's suspended subscriptions when it owes nothing overdue."""
    with transaction.atomic():
        dues = Invoice.objects.filter(
            customer_id=customer_id, status__in=OPEN_STATUSES, due_date__lt=today
        ).values_list("due_date", flat=True)
        if any(is_overdue(due, today) for due in dues):
            return 0
        return Subscription.objects.filter(
            customer_id=customer_id, status=SubscriptionStatus.SUSPENDED
        ).update(status=SubscriptionStatus.ACTIVE, suspended_at=None)


def subscriptions_reactivate_settled(*, today: date) -> int:
    """The daily safety net of `invoice_paid`: reactivate every suspended subscription whose
    customer owes nothing overdue any more (paid by any path, or the invoice cancelled)."""
    customer_ids = sorted(
        set(
            Subscription.objects.filter(status=SubscriptionStatus.SUSPENDED).values_list(
                "customer_id", flat=True
            )
        )
    )
    return sum(
        subscriptions_reactivate(customer_id=customer_id, today=today)
        for customer_id in customer_ids
    )


@receiver(invoice_paid, dispatch_uid="billing.subscriptions_reactivate")
def _reactivate_when_paid(sender: object, invoice: Invoice, **kwargs: object) -> None:
    with activate(invoice.organization_id):
        today = organization_today(Organization.objects.get(pk=invoice.organization_id))
        subscriptions_reactivate(customer_id=invoice.customer_id, today=today)
