"""Reads of plans and subscriptions shaped for their pages; subscriptions follow their
customer's record rule (portfolio, sector categories), like invoices."""

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404

from atende.accounts.permissions import can
from atende.billing.models import (
    BankAccount,
    Invoice,
    Plan,
    PlanDiscount,
    Subscription,
    SubscriptionStatus,
)
from atende.billing.permissions import BillingPerm
from atende.core.pagination import KeysetPage, keyset_page
from atende.customers.models import Customer
from atende.customers.permissions import customers_visible_to
from atende.tenancy.models import Member


def plan_list() -> QuerySet[Plan]:
    """Every plan with its discounts and how many live subscriptions it has."""
    live = Q(subscriptions__status__in=[SubscriptionStatus.ACTIVE, SubscriptionStatus.SUSPENDED])
    return (
        Plan.objects.annotate(live_count=Count("subscriptions", filter=live))
        .prefetch_related(Prefetch("discounts", queryset=PlanDiscount.objects.all()))
        .order_by("-is_active", "name", "pk")
    )


def plan_get(*, pk: int) -> Plan:
    plan = Plan.objects.prefetch_related("discounts").filter(pk=pk).first()
    if plan is None:
        raise Http404("Plano não encontrado")
    return plan


def plan_choices(*, current: Plan | None = None) -> QuerySet[Plan]:
    """The plans a subscription may take: the active ones, plus the one it already has."""
    condition = Q(is_active=True)
    if current is not None:
        condition |= Q(pk=current.pk)
    return Plan.objects.filter(condition).order_by("name", "pk")


def bank_account_choices(*, current_id: int | None = None) -> QuerySet[BankAccount]:
    condition = Q(is_active=True)
    if current_id is not None:
        condition |= Q(pk=current_id)
    return BankAccount.objects.filter(condition).order_by("name", "pk")


def visible_subscriptions(actor: Member) -> QuerySet[Subscription]:
    """The subscriptions of the customers the member may see (none without billing view)."""
    if not can(actor, BillingPerm.VIEW):
        return Subscription.objects.none()
    customers = customers_visible_to(actor, Customer.objects.all())
    return Subscription.objects.filter(customer__in=customers.values("pk"))


def subscription_list(
    *, actor: Member, status: str = "", cursor: str | None = None
) -> KeysetPage[Subscription]:
    """One page of the visible subscriptions, newest first, optionally of one status."""
    subscriptions = visible_subscriptions(actor).select_related("customer", "plan")
    if status in SubscriptionStatus.values:
        subscriptions = subscriptions.filter(status=status)
    return keyset_page(subscriptions, ordering=["-number"], cursor=cursor)


def subscription_get(*, actor: Member, number: int) -> Subscription:
    """The subscription for its page: 404 when missing or its customer is not visible."""
    subscription = (
        visible_subscriptions(actor)
        .select_related("customer", "plan", "bank_account", "address")
        .filter(number=number)
        .first()
    )
    if subscription is None:
        raise Http404("Assinatura não encontrada")
    return subscription


def subscription_customer_get(*, actor: Member, number: int) -> Customer:
    """The customer a new subscription is for: 404 unless the member may see it."""
    if not can(actor, BillingPerm.VIEW):
        raise Http404("Cliente não encontrado")
    customer = customers_visible_to(actor, Customer.objects.all()).filter(number=number).first()
    if customer is None:
        raise Http404("Cliente não encontrado")
    return customer


def subscription_invoices(*, subscription: Subscription, limit: int = 60) -> list[Invoice]:
    """The subscription's latest invoices, newest period first."""
    return list(
        Invoice.objects.filter(subscription=subscription).order_by("-period_start", "-pk")[:limit]
    )
