"""The plans and subscriptions routes for the walkers: objects, permissions, valid bodies."""

from datetime import date

from atende.billing.models import Plan, Subscription
from atende.billing.permissions import BillingPerm
from atende.billing.tests.factories import bank_account
from atende.customers.tests.factories import CustomerFactory
from atende.tenancy.testing import isolation_factory, route_access


def _plan(organization) -> Plan:
    return Plan.objects.create(name="Fibra 300 Mega", amount="99.90", period=1)


def _subscription(organization) -> Subscription:
    from atende.tenancy.sequences import next_number

    customer = CustomerFactory(organization=organization)
    return Subscription.objects.create(
        number=next_number("subscription"),
        customer=customer,
        plan=_plan(organization),
        bank_account=bank_account(organization),
        amount="99.90",
        start_date=date(2026, 1, 1),
        billing_day=10,
        next_period_start=date(2026, 1, 1),
    )


@isolation_factory("billing:plan_edit")
def plan(organization):
    return {"pk": _plan(organization).pk}


@isolation_factory(
    "billing:subscription", "billing:subscription_edit", "billing:subscription_cancel"
)
def subscription(organization):
    return {"number": _subscription(organization).number}


PLAN_BODY = {
    "name": "Fibra 500 Mega",
    "description": "",
    "amount": "129,90",
    "period": "1",
    "is_active": "on",
    "descontos-TOTAL_FORMS": "1",
    "descontos-INITIAL_FORMS": "0",
    "descontos-0-kind": "progressive",
    "descontos-0-percent": "50",
    "descontos-0-first_installment": "1",
    "descontos-0-last_installment": "3",
    "descontos-0-days_before_due": "",
}

SETTINGS_BODY = {
    "invoice_days_before": "7",
    "remind_days_before": "3",
    "overdue_notice_days": "2",
    "suspend_after_days": "20",
}


def subscription_body(*, plan_id: int, account_id: int, **changes) -> dict:
    return {
        "plan": str(plan_id),
        "bank_account": str(account_id),
        "start_date": "2026-02-01",
        "billing_day": "15",
        "amount": "",
        "address": "",
        "promotional_percent": "",
        "promotional_until": "",
        **changes,
    }


def _new_subscription(organization, kwargs) -> dict:
    customer = CustomerFactory(organization=organization)
    return subscription_body(
        plan_id=_plan(organization).pk,
        account_id=bank_account(organization).pk,
        cliente=str(customer.number),
    )


def _subscription_change(organization, kwargs) -> dict:
    current = Subscription.objects.get(number=kwargs["number"])
    return subscription_body(plan_id=current.plan_id, account_id=current.bank_account_id)


route_access("billing:plans", needs=BillingPerm.MANAGE_PLANS)
route_access(
    "billing:plan_new", "billing:plan_edit", needs=BillingPerm.MANAGE_PLANS, body=PLAN_BODY
)
route_access("billing:plans_settings", needs=BillingPerm.MANAGE_PLANS, body=SETTINGS_BODY)
route_access("billing:subscriptions", "billing:subscription", needs=BillingPerm.VIEW)
route_access("billing:subscription_new", needs=BillingPerm.ADD, body=_new_subscription)
route_access("billing:subscription_edit", needs=BillingPerm.ADD, body=_subscription_change)
route_access("billing:subscription_cancel", needs=BillingPerm.ADD, body={})
