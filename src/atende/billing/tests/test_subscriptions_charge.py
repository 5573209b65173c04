"""Subscriptions charged by the scheduled job (B7): one invoice and boleto per period, due on
the billing day, made `invoice_days_before` ahead; progressive, promotional and early-payment
discounts by the customer's flags; every period once however often or late the job runs."""

from datetime import date
from decimal import Decimal

import pytest

from atende.billing.models import (
    BillingSettings,
    Boleto,
    DiscountKind,
    Invoice,
    Period,
    SubscriptionStatus,
)
from atende.billing.services.plans import DiscountInput, subscription_cancel
from atende.billing.services.subscriptions import subscriptions_charge_due
from atende.billing.tests.plans_factories import plan, subscription
from atende.customers.tests.factories import CustomerFactory

pytestmark = pytest.mark.django_db
D = Decimal


def invoices_of(sub):
    return list(
        Invoice.objects.filter(subscription=sub)
        .order_by("period_start")
        .values_list("period_start", "due_date", "amount")
    )


def test_a_monthly_period_is_charged_ten_days_before_its_due_date_and_only_once(
    organization, admin_member
):
    sub = subscription(
        organization, actor=admin_member, start_date=date(2026, 1, 1), billing_day=10
    )

    assert subscriptions_charge_due(today=date(2025, 12, 30)).charged == 0
    assert invoices_of(sub) == []

    report = subscriptions_charge_due(today=date(2025, 12, 31))
    again = subscriptions_charge_due(today=date(2025, 12, 31))

    assert (report.charged, again.charged) == (1, 0)
    assert invoices_of(sub) == [(date(2026, 1, 1), date(2026, 1, 10), D("100.00"))]
    made = Invoice.objects.get(subscription=sub)
    assert made.issue_date == date(2025, 12, 31)
    assert made.description == "Fibra 300 Mega – 01/01/2026 a 31/01/2026 (parcela 1)"
    boleto = Boleto.objects.get(invoice=made)
    assert (boleto.amount, boleto.due_date) == (D("100.00"), date(2026, 1, 10))
    sub.refresh_from_db()
    assert sub.next_period_start == date(2026, 2, 1)


@pytest.mark.parametrize(
    ("period", "next_start", "description"),
    [
        (Period.MONTHLY, date(2026, 2, 1), "01/01/2026 a 31/01/2026"),
        (Period.QUARTERLY, date(2026, 4, 1), "01/01/2026 a 31/03/2026"),
        (Period.HALF_YEARLY, date(2026, 7, 1), "01/01/2026 a 30/06/2026"),
        (Period.YEARLY, date(2027, 1, 1), "01/01/2026 a 31/12/2026"),
    ],
)
def test_each_period_length_advances_by_its_months(
    organization, admin_member, period, next_start, description
):
    sub = subscription(
        organization,
        actor=admin_member,
        plan=plan(organization, actor=admin_member, period=period),
        start_date=date(2026, 1, 1),
        billing_day=5,
    )

    subscriptions_charge_due(today=date(2026, 1, 1))

    sub.refresh_from_db()
    assert sub.next_period_start == next_start
    made = Invoice.objects.get(subscription=sub)
    assert (made.period_start, made.due_date) == (date(2026, 1, 1), date(2026, 1, 5))
    assert description in made.description


def test_a_yearly_plan_is_charged_again_only_after_a_year(organization, admin_member):
    sub = subscription(
        organization,
        actor=admin_member,
        plan=plan(organization, actor=admin_member, period=Period.YEARLY),
        start_date=date(2026, 1, 31),
        billing_day=5,
    )

    subscriptions_charge_due(today=date(2026, 12, 31))
    assert [row[:2] for row in invoices_of(sub)] == [(date(2026, 1, 31), date(2026, 2, 5))]

    subscriptions_charge_due(today=date(2027, 1, 27))
    assert [row[:2] for row in invoices_of(sub)] == [
        (date(2026, 1, 31), date(2026, 2, 5)),
        (date(2027, 1, 31), date(2027, 2, 5)),
    ]


@pytest.mark.parametrize(
    ("billing_day", "due_date"),
    [(5, date(2026, 4, 5)), (10, date(2026, 3, 10)), (15, date(2026, 3, 15))],
)
def test_the_due_date_is_the_first_billing_day_on_or_after_the_period_start(
    organization, admin_member, billing_day, due_date
):
    sub = subscription(
        organization, actor=admin_member, start_date=date(2026, 3, 10), billing_day=billing_day
    )

    subscriptions_charge_due(today=due_date)

    assert invoices_of(sub)[0][:2] == (date(2026, 3, 10), due_date)


def test_a_start_on_the_31st_keeps_its_day_in_the_months_that_have_it(organization, admin_member):
    sub = subscription(
        organization, actor=admin_member, start_date=date(2026, 1, 31), billing_day=28
    )

    subscriptions_charge_due(today=date(2026, 4, 20))

    assert [row[0] for row in invoices_of(sub)] == [
        date(2026, 1, 31),
        date(2026, 2, 28),
        date(2026, 3, 31),
    ]
    sub.refresh_from_db()
    assert sub.next_period_start == date(2026, 4, 30)


def test_a_late_run_after_three_missed_months_makes_exactly_three_invoices(
    organization, admin_member
):
    sub = subscription(
        organization, actor=admin_member, start_date=date(2026, 1, 1), billing_day=28
    )

    # Nothing ran since the start; the April period is due on 28/04 (made from 18/04).
    first = subscriptions_charge_due(today=date(2026, 4, 10))
    second = subscriptions_charge_due(today=date(2026, 4, 10))

    assert (first.charged, second.charged) == (3, 0)
    assert invoices_of(sub) == [
        (date(2026, 1, 1), date(2026, 1, 28), D("100.00")),
        (date(2026, 2, 1), date(2026, 2, 28), D("100.00")),
        (date(2026, 3, 1), date(2026, 3, 28), D("100.00")),
    ]
    # The missed periods keep their own due date and are issued on it (never after).
    assert list(
        Invoice.objects.filter(subscription=sub).order_by("pk").values_list("issue_date", flat=True)
    ) == [date(2026, 1, 28), date(2026, 2, 28), date(2026, 3, 28)]
    assert Boleto.objects.filter(invoice__subscription=sub).count() == 3
    sub.refresh_from_db()
    assert sub.next_period_start == date(2026, 4, 1)


def test_progressive_discount_of_half_on_the_first_three_installments(organization, admin_member):
    half_first_three = plan(
        organization,
        actor=admin_member,
        discounts=(DiscountInput(DiscountKind.PROGRESSIVE, "50", 1, 3),),
    )
    allowed = subscription(
        organization,
        actor=admin_member,
        plan=half_first_three,
        start_date=date(2026, 1, 1),
        billing_day=10,
    )
    refused = subscription(
        organization,
        actor=admin_member,
        plan=half_first_three,
        customer=CustomerFactory(organization=organization, allow_progressive_discount=False),
        start_date=date(2026, 1, 1),
        billing_day=10,
    )

    subscriptions_charge_due(today=date(2026, 4, 1))

    assert [row[2] for row in invoices_of(allowed)] == [D("50.00")] * 3 + [D("100.00")]
    assert [row[2] for row in invoices_of(refused)] == [D("100.00")] * 4


def test_a_full_progressive_discount_skips_the_period_without_an_invoice(
    organization, admin_member
):
    first_month_free = plan(
        organization,
        actor=admin_member,
        discounts=(DiscountInput(DiscountKind.PROGRESSIVE, "100", 1, 1),),
    )
    sub = subscription(
        organization, actor=admin_member, plan=first_month_free, start_date=date(2026, 1, 1)
    )

    report = subscriptions_charge_due(today=date(2026, 2, 1))

    assert (report.charged, report.skipped) == (1, 1)
    assert invoices_of(sub) == [(date(2026, 2, 1), date(2026, 2, 10), D("100.00"))]


def test_promotional_discount_applies_to_periods_starting_until_its_date(
    organization, admin_member
):
    sub = subscription(
        organization,
        actor=admin_member,
        amount="120.00",
        promotional_percent="25",
        promotional_until=date(2026, 2, 15),
        start_date=date(2026, 1, 1),
    )

    subscriptions_charge_due(today=date(2026, 3, 1))

    assert [row[2] for row in invoices_of(sub)] == [D("90.00"), D("90.00"), D("120.00")]


def test_promotional_discount_stops_when_the_customer_flag_is_turned_off(
    organization, admin_member
):
    customer = CustomerFactory(organization=organization)
    sub = subscription(
        organization,
        actor=admin_member,
        customer=customer,
        promotional_percent="10",
        start_date=date(2026, 1, 1),
    )
    subscriptions_charge_due(today=date(2026, 1, 1))
    customer.allow_promotional_discount = False
    customer.save(update_fields=["allow_promotional_discount"])

    subscriptions_charge_due(today=date(2026, 2, 1))

    assert [row[2] for row in invoices_of(sub)] == [D("90.00"), D("100.00")]


def test_progressive_and_promotional_discounts_apply_one_after_the_other(
    organization, admin_member
):
    sub = subscription(
        organization,
        actor=admin_member,
        plan=plan(
            organization,
            actor=admin_member,
            amount="99.90",
            discounts=(DiscountInput(DiscountKind.PROGRESSIVE, "50", 1, 1),),
        ),
        promotional_percent="10",
        start_date=date(2026, 1, 1),
    )

    subscriptions_charge_due(today=date(2026, 1, 1))

    # 99.90 × 0.5 × 0.9 = 44.955 → 44.96 (rounded once, half up)
    assert [row[2] for row in invoices_of(sub)] == [D("44.96")]


def test_the_early_payment_discount_becomes_the_invoice_discount(organization, admin_member):
    early = plan(
        organization,
        actor=admin_member,
        amount="150.00",
        discounts=(DiscountInput(DiscountKind.EARLY_PAYMENT, "5", days_before_due=3),),
    )
    sub = subscription(
        organization, actor=admin_member, plan=early, start_date=date(2026, 1, 1), billing_day=10
    )
    plain = subscription(
        organization,
        actor=admin_member,
        plan=early,
        customer=CustomerFactory(organization=organization, allow_promotional_discount=False),
        start_date=date(2026, 1, 1),
        billing_day=10,
    )

    subscriptions_charge_due(today=date(2026, 1, 1))

    made = Invoice.objects.get(subscription=sub)
    assert (made.amount, made.discount, made.discount_until) == (
        D("150.00"), D("7.50"), date(2026, 1, 7)
    )  # fmt: skip
    other = Invoice.objects.get(subscription=plain)
    assert (other.discount, other.discount_until) == (D("0.00"), None)


def test_the_lead_days_come_from_the_organization_settings(organization, admin_member):
    BillingSettings.objects.create(invoice_days_before=3)
    sub = subscription(
        organization, actor=admin_member, start_date=date(2026, 1, 1), billing_day=10
    )

    subscriptions_charge_due(today=date(2026, 1, 6))
    assert invoices_of(sub) == []
    subscriptions_charge_due(today=date(2026, 1, 7))
    assert len(invoices_of(sub)) == 1


def test_cancelled_and_suspended_subscriptions_are_not_charged(organization, admin_member):
    cancelled = subscription(organization, actor=admin_member, start_date=date(2026, 1, 1))
    subscription_cancel(actor=admin_member, subscription=cancelled)
    suspended = subscription(organization, actor=admin_member, start_date=date(2026, 1, 1))
    suspended.status = SubscriptionStatus.SUSPENDED
    suspended.save(update_fields=["status"])

    report = subscriptions_charge_due(today=date(2026, 3, 1))

    assert report.charged == 0
    assert Invoice.objects.count() == 0


def test_a_refused_boleto_charges_nothing_and_the_period_stays_due(organization, admin_member):
    sub = subscription(organization, actor=admin_member, start_date=date(2026, 1, 1))
    account = sub.bank_account
    account.is_active = False
    account.save(update_fields=["is_active"])

    report = subscriptions_charge_due(today=date(2026, 1, 1))

    assert (report.charged, report.failed) == (0, 1)
    assert Invoice.objects.count() == 0
    sub.refresh_from_db()
    assert sub.next_period_start == date(2026, 1, 1)


def test_other_organizations_subscriptions_are_not_charged_by_this_run(
    organization, other_organization, admin_member, other_member
):
    from atende.tenancy.context import activate

    mine = subscription(organization, actor=admin_member, start_date=date(2026, 1, 1))
    theirs = subscription(other_organization, actor=other_member, start_date=date(2026, 1, 1))

    subscriptions_charge_due(today=date(2026, 1, 1))

    assert len(invoices_of(mine)) == 1
    with activate(other_organization):
        assert invoices_of(theirs) == []
