"""Plans and subscriptions saved through the services (B7, C3 flags, permissions), and the
suspension of unpaid subscriptions with their reactivation when paid."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from atende.accounts.tests.factories import MemberFactory, SectorFactory
from atende.billing.models import (
    DiscountKind,
    Invoice,
    InvoiceStatus,
    Plan,
    PlanDiscount,
    Subscription,
    SubscriptionStatus,
)
from atende.billing.services.plans import (
    DiscountInput,
    PlanInput,
    SubscriptionInput,
    billing_settings_save,
    plan_save,
    subscription_cancel,
    subscription_create,
    subscription_update,
)
from atende.billing.services.subscriptions import subscriptions_suspend_overdue
from atende.billing.tests.factories import bank_account, invoice
from atende.billing.tests.plans_factories import plan, subscription
from atende.core.errors import DomainError, InvalidFields
from atende.customers.models import Address
from atende.customers.tests.factories import CustomerFactory

pytestmark = pytest.mark.django_db
D = Decimal


def test_a_plan_keeps_its_discounts_and_replaces_them_on_save(organization, admin_member):
    made = plan(
        organization,
        actor=admin_member,
        discounts=(
            DiscountInput(DiscountKind.PROGRESSIVE, "50", 1, 3),
            DiscountInput(DiscountKind.PROGRESSIVE, "25", 4, 6),
            DiscountInput(DiscountKind.EARLY_PAYMENT, "5", days_before_due=5),
        ),
    )
    assert list(made.discounts.values_list("kind", "percent", "first_installment")) == [
        ("early_payment", D("5.000"), 1),
        ("progressive", D("50.000"), 1),
        ("progressive", D("25.000"), 4),
    ]

    plan_save(
        actor=admin_member,
        plan=made,
        data=PlanInput(name="Fibra 500", amount="129.90", period=3, discounts=()),
    )

    made.refresh_from_db()
    assert (made.name, made.amount, made.period) == ("Fibra 500", D("129.90"), 3)
    assert PlanDiscount.objects.count() == 0


def test_a_plan_refuses_every_problem_at_once(organization, admin_member):
    with pytest.raises(InvalidFields) as refused:
        plan_save(
            actor=admin_member,
            plan=None,
            data=PlanInput(
                name=" ",
                amount="0",
                period=2,
                discounts=(
                    DiscountInput(DiscountKind.PROGRESSIVE, "50", 1, 3),
                    DiscountInput(DiscountKind.PROGRESSIVE, "10", 3, 5),
                    DiscountInput(DiscountKind.EARLY_PAYMENT, "120", days_before_due=2),
                ),
            ),
        )
    errors = refused.value.errors
    assert errors["name"] == ["Informe o nome do plano."]
    assert errors["amount"] == ["Valor: deve ser maior que zero."]
    assert errors["period"] == ["Escolha a periodicidade."]
    assert errors["discounts"] == [
        "Desconto 2: as parcelas 3–5 já têm desconto progressivo.",
        "Desconto 3: informe um percentual entre 0 e 100.",
    ]
    assert Plan.objects.count() == 0


def test_a_subscription_takes_the_plan_amount_and_one_of_the_customer_addresses(
    organization, admin_member
):
    customer = CustomerFactory(organization=organization)
    home = Address.objects.create(customer=customer, label="Casa de praia", street="Rua A")
    stranger = Address.objects.create(
        customer=CustomerFactory(organization=organization), label="Outro", street="Rua B"
    )
    fibra = plan(organization, actor=admin_member, amount="89.90")
    account = bank_account(organization)
    data = SubscriptionInput(
        plan=fibra,
        bank_account=account,
        start_date=date(2026, 1, 1),
        billing_day=10,
        address=home,
    )

    made = subscription_create(actor=admin_member, customer=customer, data=data)

    assert (made.number, made.amount, made.address, made.next_period_start) == (
        1, D("89.90"), home, date(2026, 1, 1)
    )  # fmt: skip
    with pytest.raises(DomainError) as refused:
        subscription_create(
            actor=admin_member,
            customer=customer,
            data=SubscriptionInput(
                plan=fibra,
                bank_account=account,
                start_date=date(2026, 1, 1),
                billing_day=29,
                address=stranger,
            ),
        )
    assert refused.value.errors == {
        "billing_day": ["O dia de vencimento deve estar entre 1 e 28."],
        "address": ["Escolha um endereço deste cliente."],
    }
    assert Subscription.objects.count() == 1


def test_a_promotional_discount_needs_the_customer_flag(organization, admin_member):
    customer = CustomerFactory(organization=organization, allow_promotional_discount=False)

    with pytest.raises(DomainError) as refused:
        subscription(organization, actor=admin_member, customer=customer, promotional_percent="10")

    assert refused.value.field == "promotional_percent"
    assert Subscription.objects.count() == 0


def test_the_start_date_changes_only_before_the_first_invoice(organization, admin_member):
    from atende.billing.services.subscriptions import subscriptions_charge_due

    sub = subscription(organization, actor=admin_member, start_date=date(2026, 1, 1))

    def data(start):
        return SubscriptionInput(
            plan=sub.plan,
            bank_account=sub.bank_account,
            start_date=start,
            billing_day=15,
            amount="80",
        )

    moved = subscription_update(actor=admin_member, subscription=sub, data=data(date(2026, 2, 1)))
    assert (moved.next_period_start, moved.billing_day, moved.amount) == (
        date(2026, 2, 1), 15, D("80.00")
    )  # fmt: skip

    subscriptions_charge_due(today=date(2026, 2, 5))
    with pytest.raises(DomainError) as refused:
        subscription_update(actor=admin_member, subscription=sub, data=data(date(2026, 3, 1)))
    assert refused.value.field == "start_date"
    sub.refresh_from_db()
    assert sub.next_period_start == date(2026, 3, 1)  # advanced by the charge, not the edit

    yearly = plan(organization, actor=admin_member, name="Anual", period=12)
    same_length = plan(organization, actor=admin_member, name="Fibra 500", amount="150")
    with pytest.raises(DomainError) as refused:
        subscription_update(
            actor=admin_member,
            subscription=sub,
            data=SubscriptionInput(yearly, sub.bank_account, date(2026, 2, 1), 15),
        )
    assert refused.value.field == "plan"
    upgraded = subscription_update(
        actor=admin_member,
        subscription=sub,
        data=SubscriptionInput(same_length, sub.bank_account, date(2026, 2, 1), 15),
    )
    assert (upgraded.plan, upgraded.amount) == (same_length, D("150.00"))


def test_a_cancelled_subscription_cannot_be_changed_or_cancelled_again(organization, admin_member):
    sub = subscription(organization, actor=admin_member)
    subscription_cancel(actor=admin_member, subscription=sub)

    with pytest.raises(DomainError):
        subscription_cancel(actor=admin_member, subscription=sub)
    assert Subscription.objects.get(pk=sub.pk).status == SubscriptionStatus.CANCELLED


def test_members_without_the_permissions_are_refused_and_nothing_is_written(
    organization, admin_member, member
):
    customer = CustomerFactory(organization=organization)
    fibra = plan(organization, actor=admin_member)
    account = bank_account(organization)
    sub = subscription(organization, actor=admin_member, plan=fibra, customer=customer)

    with pytest.raises(PermissionDenied):
        plan_save(actor=member, plan=None, data=PlanInput(name="X", amount="10", period=1))
    with pytest.raises(PermissionDenied):
        subscription_create(
            actor=member,
            customer=customer,
            data=SubscriptionInput(fibra, account, date(2026, 1, 1), 10),
        )
    with pytest.raises(PermissionDenied):
        subscription_cancel(actor=member, subscription=sub)
    with pytest.raises(PermissionDenied):
        billing_settings_save(
            actor=member,
            values={
                "invoice_days_before": 1,
                "remind_days_before": 1,
                "overdue_notice_days": 1,
                "suspend_after_days": 1,
            },
        )

    assert (Plan.objects.count(), Subscription.objects.count()) == (1, 1)
    assert Subscription.objects.get(pk=sub.pk).status == SubscriptionStatus.ACTIVE


def test_the_portfolio_rule_refuses_another_owners_customer(organization, admin_member):
    from atende.accounts.modules import module_permissions

    sector = SectorFactory(organization=organization, name="Financeiro")
    sector.permissions.set(
        [p for p in module_permissions() if p.content_type.app_label == "billing"]
    )
    seller = MemberFactory(organization=organization, sector=sector, only_own_portfolio=True)
    other = CustomerFactory(organization=organization, owner=admin_member)
    own = CustomerFactory(organization=organization, owner=seller)
    fibra = plan(organization, actor=admin_member)
    account = bank_account(organization)

    def create(customer):
        return subscription_create(
            actor=seller,
            customer=customer,
            data=SubscriptionInput(fibra, account, date(2026, 1, 1), 10),
        )

    with pytest.raises(PermissionDenied):
        create(other)
    assert create(own).customer == own


# Suspension and reactivation ------------------------------------------------------------


def overdue_invoice(organization, actor, customer, due_date, account):
    return invoice(
        organization,
        actor=actor,
        customer=customer,
        account=account,
        issue_date=due_date - timedelta(days=10),
        due_date=due_date,
    )


def test_suspension_only_after_the_threshold_and_only_with_auto_suspend(organization, admin_member):
    account = bank_account(organization)
    late = CustomerFactory(organization=organization, auto_suspend=True)
    tolerated = CustomerFactory(organization=organization, auto_suspend=False)
    late_sub = subscription(organization, actor=admin_member, customer=late, account=account)
    tolerated_sub = subscription(
        organization, actor=admin_member, customer=tolerated, account=account
    )
    # Monday 02/03/2026 is a business day: overdue from 03/03, 15 days overdue on 17/03.
    for customer in (late, tolerated):
        overdue_invoice(organization, admin_member, customer, date(2026, 3, 2), account)

    assert subscriptions_suspend_overdue(today=date(2026, 3, 17)) == 0
    assert subscriptions_suspend_overdue(today=date(2026, 3, 18)) == 1

    late_sub.refresh_from_db()
    tolerated_sub.refresh_from_db()
    assert late_sub.status == SubscriptionStatus.SUSPENDED
    assert late_sub.suspended_at is not None
    assert tolerated_sub.status == SubscriptionStatus.ACTIVE


def test_the_threshold_counts_from_the_next_business_day(organization, admin_member):
    billing_settings_save(
        actor=admin_member,
        values={
            "invoice_days_before": 10,
            "remind_days_before": 5,
            "overdue_notice_days": 1,
            "suspend_after_days": 3,
        },
    )
    account = bank_account(organization)
    customer = CustomerFactory(organization=organization)
    sub = subscription(organization, actor=admin_member, customer=customer, account=account)
    # Saturday 04/04/2026 may be paid on Monday 06/04 without charges.
    overdue_invoice(organization, admin_member, customer, date(2026, 4, 4), account)

    assert subscriptions_suspend_overdue(today=date(2026, 4, 9)) == 0
    assert subscriptions_suspend_overdue(today=date(2026, 4, 10)) == 1
    sub.refresh_from_db()
    assert sub.status == SubscriptionStatus.SUSPENDED


def test_paying_the_last_overdue_invoice_reactivates_the_subscriptions(
    organization, admin_member, django_capture_on_commit_callbacks
):
    from atende.billing.models import PaymentSource
    from atende.billing.services.payments import owed_on, payment_record

    account = bank_account(organization)
    customer = CustomerFactory(organization=organization)
    sub = subscription(organization, actor=admin_member, customer=customer, account=account)
    today = timezone.localdate()
    older = overdue_invoice(
        organization, admin_member, customer, today - timedelta(days=40), account
    )
    newer = overdue_invoice(
        organization, admin_member, customer, today - timedelta(days=20), account
    )
    subscriptions_suspend_overdue(today=today)
    assert Subscription.objects.get(pk=sub.pk).status == SubscriptionStatus.SUSPENDED

    # Paid through the payments service, which sends invoice_paid after commit.
    def pay(made: Invoice) -> None:
        with django_capture_on_commit_callbacks(execute=True) as sent:
            payment_record(
                actor=admin_member,
                invoice=made,
                amount_paid=owed_on(made, today),
                paid_on=today,
                source=PaymentSource.MANUAL,
            )
        assert len(sent) == 1
        assert Invoice.objects.get(pk=made.pk).status == InvoiceStatus.PAID

    pay(older)
    assert Subscription.objects.get(pk=sub.pk).status == SubscriptionStatus.SUSPENDED
    pay(newer)
    reactivated = Subscription.objects.get(pk=sub.pk)
    assert (reactivated.status, reactivated.suspended_at) == (SubscriptionStatus.ACTIVE, None)


def test_the_daily_net_reactivates_when_the_overdue_invoice_is_cancelled(
    organization, admin_member
):
    from atende.billing.services.invoices import invoice_cancel
    from atende.billing.services.subscriptions import subscriptions_reactivate_settled

    account = bank_account(organization)
    customer = CustomerFactory(organization=organization)
    sub = subscription(organization, actor=admin_member, customer=customer, account=account)
    today = timezone.localdate()
    late = overdue_invoice(
        organization, admin_member, customer, today - timedelta(days=40), account
    )
    subscriptions_suspend_overdue(today=today)
    assert subscriptions_reactivate_settled(today=today) == 0

    invoice_cancel(actor=admin_member, invoice=late, reason="Cobrança indevida")

    assert subscriptions_reactivate_settled(today=today) == 1
    assert Subscription.objects.get(pk=sub.pk).status == SubscriptionStatus.ACTIVE
