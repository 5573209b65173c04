"""Plans and subscriptions for the tests, made through the services (as a user would)."""

from datetime import date
from decimal import Decimal

from atende.billing.models import BankAccount, Period, Plan, Subscription
from atende.billing.services.plans import (
    DiscountInput,
    PlanInput,
    SubscriptionInput,
    plan_save,
    subscription_create,
)
from atende.billing.tests.factories import bank_account
from atende.customers.tests.factories import CustomerFactory
from atende.tenancy.context import activate
from atende.tenancy.models import Member


def plan(
    organization,
    *,
    actor: Member,
    amount: str = "100.00",
    period: int = Period.MONTHLY,
    discounts: tuple[DiscountInput, ...] = (),
    name: str = "Fibra 300 Mega",
) -> Plan:
    with activate(organization):
        return plan_save(
            actor=actor,
            plan=None,
            data=PlanInput(name=name, amount=amount, period=period, discounts=discounts),
        )


new_plan = plan


def subscription(
    organization,
    *,
    actor: Member,
    plan: Plan | None = None,
    customer=None,
    account: BankAccount | None = None,
    start_date: date = date(2026, 1, 1),
    billing_day: int = 10,
    amount: object = None,
    promotional_percent: object = Decimal(0),
    promotional_until: date | None = None,
) -> Subscription:
    with activate(organization):
        return subscription_create(
            actor=actor,
            customer=customer or CustomerFactory(organization=organization),
            data=SubscriptionInput(
                plan=plan or new_plan(organization, actor=actor),
                bank_account=account or bank_account(organization),
                start_date=start_date,
                billing_day=billing_day,
                amount=amount,
                promotional_percent=promotional_percent,
                promotional_until=promotional_until,
            ),
        )
