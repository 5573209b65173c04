"""Plans and subscriptions (B7): what a plan charges per period and its discounts, and each
customer's subscription to one. The customer's flags (C3) decide which discounts may apply:
a promotional percent only with "allow promotional discounts", the plan's progressive
installments only with "allow progressive discounts" (checked again at every charge)."""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db import transaction

from atende.accounts.permissions import require
from atende.billing.errors import BillingError
from atende.billing.models import (
    BankAccount,
    BillingSettings,
    DiscountKind,
    Period,
    Plan,
    PlanDiscount,
    Subscription,
    SubscriptionStatus,
)
from atende.billing.money import ZERO, parse_money, parse_percent, require_date
from atende.billing.permissions import BillingPerm
from atende.core.errors import DomainError, ErrorCollector
from atende.core.validation import validate_model_fields
from atende.customers.models import Address, Customer
from atende.tenancy.models import Member
from atende.tenancy.sequences import next_number

MAX_DISCOUNTS = 20
MAX_INSTALLMENT = 999
MAX_DAYS_BEFORE_DUE = 60


@dataclass(frozen=True)
class DiscountInput:
    kind: str
    percent: object
    first_installment: int | None = None
    last_installment: int | None = None
    days_before_due: int | None = None


@dataclass(frozen=True)
class PlanInput:
    name: str
    amount: object
    period: int
    description: str = ""
    is_active: bool = True
    discounts: Sequence[DiscountInput] = field(default_factory=tuple)


def _discount_rows(
    discounts: Sequence[DiscountInput], errors: ErrorCollector
) -> list[PlanDiscount]:
    if len(discounts) > MAX_DISCOUNTS:
        with errors.check():
            raise DomainError(f"No máximo {MAX_DISCOUNTS} descontos por plano.", field="discounts")
        return []
    rows: list[PlanDiscount] = []
    for position, discount in enumerate(discounts, start=1):
        label = f"Desconto {position}"
        with errors.check():
            if discount.kind not in DiscountKind.values:
                raise DomainError(f"{label}: escolha o tipo.", field="discounts")
            percent = parse_percent(discount.percent, field="discounts", label=label)
            if percent <= 0:
                raise DomainError(
                    f"{label}: informe um percentual maior que zero.", field="discounts"
                )
            row = PlanDiscount(kind=discount.kind, percent=percent)
            if discount.kind == DiscountKind.PROGRESSIVE:
                first, last = discount.first_installment, discount.last_installment
                if not first or not last or not 1 <= first <= last <= MAX_INSTALLMENT:
                    raise DomainError(
                        f"{label}: informe as parcelas (da 1ª em diante, a inicial até a final).",
                        field="discounts",
                    )
                clash = next(
                    (
                        other
                        for other in rows
                        if other.kind == DiscountKind.PROGRESSIVE
                        and other.first_installment <= last
                        and first <= other.last_installment
                    ),
                    None,
                )
                if clash is not None:
                    raise DomainError(
                        f"{label}: as parcelas {first}–{last} já têm desconto progressivo.",
                        field="discounts",
                    )
                row.first_installment, row.last_installment = first, last
            else:
                days = discount.days_before_due
                if days is None or not 0 <= days <= MAX_DAYS_BEFORE_DUE:
                    raise DomainError(
                        f"{label}: informe quantos dias antes do vencimento (0 a "
                        f"{MAX_DAYS_BEFORE_DUE}).",
                        field="discounts",
                    )
                if any(other.kind == DiscountKind.EARLY_PAYMENT for other in rows):
                    raise DomainError(
                        f"{label}: o plano já tem um desconto por pagamento antecipado.",
                        field="discounts",
                    )
                row.days_before_due = days
            rows.append(row)
    return rows


def plan_save(*, actor: Member, plan: Plan | None, data: PlanInput) -> Plan:
    """Create or change a plan; its discounts are replaced by the ones given."""
    require(actor, BillingPerm.MANAGE_PLANS)
    errors = ErrorCollector()
    name = (data.name or "").strip()
    with errors.check():
        if not name:
            raise DomainError("Informe o nome do plano.", field="name")
    amount = ZERO
    with errors.check():
        amount = parse_money(data.amount, field="amount", label="Valor", positive=True)
    with errors.check():
        if data.period not in Period.values:
            raise DomainError("Escolha a periodicidade.", field="period")
    rows = _discount_rows(data.discounts, errors)
    errors.raise_any()
    with transaction.atomic():
        plan = Plan() if plan is None else Plan.objects.select_for_update().get(pk=plan.pk)
        plan.name = name
        plan.description = (data.description or "").strip()
        plan.amount = amount
        plan.period = data.period
        plan.is_active = data.is_active
        validate_model_fields(plan)
        plan.save()
        plan.discounts.all().delete()
        for row in rows:
            row.plan = plan
        PlanDiscount.objects.bulk_create(rows)
    return plan


@dataclass(frozen=True)
class SubscriptionInput:
    plan: Plan | None
    bank_account: BankAccount | None
    start_date: date | None
    billing_day: int | None
    amount: object = None  # None or "": the plan's amount
    address: Address | None = None
    promotional_percent: object = ZERO
    promotional_until: date | None = None


def _subscription_values(
    *, customer: Customer, data: SubscriptionInput, current: Subscription | None
) -> dict[str, Any]:
    errors = ErrorCollector()
    values: dict[str, Any] = {}
    with errors.check():
        if data.plan is None or (not data.plan.is_active and data.plan.pk != _plan_id(current)):
            raise DomainError("Escolha um plano ativo.", field="plan")
        values["plan"] = data.plan
    with errors.check():
        account = data.bank_account
        if account is None or (not account.is_active and account.pk != _account_id(current)):
            raise DomainError(
                "Escolha uma conta bancária ativa.",
                code=BillingError.NO_BANK_ACCOUNT,
                field="bank_account",
            )
        values["bank_account"] = account
    with errors.check():
        values["start_date"] = require_date(data.start_date, field="start_date", label="Início")
    with errors.check():
        day = data.billing_day
        if not isinstance(day, int) or not 1 <= day <= 28:
            raise DomainError("O dia de vencimento deve estar entre 1 e 28.", field="billing_day")
        values["billing_day"] = day
    with errors.check():
        if data.amount in (None, ""):
            values["amount"] = data.plan.amount if data.plan else ZERO
        else:
            values["amount"] = parse_money(
                data.amount, field="amount", label="Valor", positive=True
            )
    with errors.check():
        if data.address is not None and data.address.customer_id != customer.pk:
            raise DomainError("Escolha um endereço deste cliente.", field="address")
        values["address"] = data.address
    with errors.check():
        percent = parse_percent(
            data.promotional_percent or ZERO, field="promotional_percent", label="Promoção"
        )
        if percent and not customer.allow_promotional_discount:
            raise DomainError(
                "Este cliente não aceita descontos promocionais (veja o cadastro do cliente).",
                field="promotional_percent",
            )
        if percent >= 100:
            raise DomainError(
                "O desconto promocional deve ser menor que 100%.", field="promotional_percent"
            )
        until = data.promotional_until
        if until is not None:
            require_date(until, field="promotional_until", label="Promoção até")
        if until is not None and not percent:
            raise DomainError("Informe o percentual da promoção.", field="promotional_percent")
        values["promotional_percent"] = percent
        values["promotional_until"] = until if percent else None
    errors.raise_any()
    return values


def _plan_id(subscription: Subscription | None) -> int | None:
    return subscription.plan_id if subscription else None


def _account_id(subscription: Subscription | None) -> int | None:
    return subscription.bank_account_id if subscription else None


def subscription_create(
    *, actor: Member, customer: Customer, data: SubscriptionInput
) -> Subscription:
    """Subscribe the customer to a plan; the first period starts on the start date."""
    require(actor, BillingPerm.ADD, customer)
    values = _subscription_values(customer=customer, data=data, current=None)
    with transaction.atomic():
        subscription = Subscription(
            customer=customer,
            next_period_start=values["start_date"],
            created_by=actor,
            **values,
        )
        subscription.number = next_number("subscription")
        validate_model_fields(subscription, exclude=("number", "customer"))
        subscription.save()
    return subscription


def subscription_update(
    *, actor: Member, subscription: Subscription, data: SubscriptionInput
) -> Subscription:
    """Change a live subscription; the start date only before its first invoice."""
    require(actor, BillingPerm.ADD, subscription)
    with transaction.atomic():
        subscription = (
            Subscription.objects.select_for_update(of=("self",))
            .select_related("customer", "plan")
            .get(pk=subscription.pk)
        )
        if subscription.status == SubscriptionStatus.CANCELLED:
            raise DomainError("Esta assinatura está cancelada.", code=BillingError.NOT_OPEN)
        values = _subscription_values(
            customer=subscription.customer, data=data, current=subscription
        )
        charged = subscription.invoices.exists()
        if values["start_date"] != subscription.start_date:
            if charged:
                raise DomainError(
                    "O início não muda depois do primeiro título da assinatura.",
                    field="start_date",
                )
            subscription.next_period_start = values["start_date"]
        # Periods are counted from the start date in the plan's months: another length would
        # cut the periods already charged differently (cancel and subscribe again instead).
        if charged and values["plan"].period != subscription.plan.period:
            raise DomainError(
                "Depois do primeiro título, o novo plano deve ter a mesma periodicidade; "
                "para mudar, cancele esta assinatura e crie outra.",
                field="plan",
            )
        for name, value in values.items():
            setattr(subscription, name, value)
        validate_model_fields(subscription, exclude=("number", "customer"))
        subscription.save()
    return subscription


def subscription_cancel(*, actor: Member, subscription: Subscription) -> Subscription:
    """End the subscription: no more invoices (those already made stay as they are)."""
    require(actor, BillingPerm.ADD, subscription)
    with transaction.atomic():
        subscription = Subscription.objects.select_for_update().get(pk=subscription.pk)
        if subscription.status == SubscriptionStatus.CANCELLED:
            raise DomainError("Esta assinatura já está cancelada.", code=BillingError.NOT_OPEN)
        subscription.status = SubscriptionStatus.CANCELLED
        subscription.save(update_fields=["status"])
    return subscription


SETTING_LIMITS = {
    "invoice_days_before": (0, 60, "Gerar títulos das assinaturas"),
    "remind_days_before": (0, 30, "Enviar o boleto antes do vencimento"),
    "overdue_notice_days": (1, 60, "Enviar o aviso de atraso"),
    "suspend_after_days": (1, 365, "Suspender assinaturas"),
}


def billing_settings_save(*, actor: Member, values: dict[str, int]) -> BillingSettings:
    """Save the organization's billing parameters (one row, created on first save)."""
    require(actor, BillingPerm.MANAGE_PLANS)
    errors = ErrorCollector()
    for name, (low, high, label) in SETTING_LIMITS.items():
        with errors.check():
            value = values.get(name)
            if not isinstance(value, int) or not low <= value <= high:
                raise DomainError(f"{label}: informe de {low} a {high} dias.", field=name)
    errors.raise_any()
    with transaction.atomic():
        current = BillingSettings.objects.select_for_update().first() or BillingSettings()
        for name in SETTING_LIMITS:
            setattr(current, name, values[name])
        current.save()
    return current
