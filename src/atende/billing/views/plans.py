"""Configurações → Planos (plans, their discounts, the billing parameters) and Financeiro →
Assinaturas (the customers' subscriptions). Thin: parse, call a service, render."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from atende.accounts.permissions import can, require
from atende.billing.forms_plans import (
    BillingSettingsForm,
    PlanForm,
    SubscriptionFilterForm,
    SubscriptionForm,
    discount_formset,
    plan_input,
)
from atende.billing.models import SubscriptionStatus
from atende.billing.permissions import BillingPerm
from atende.billing.selectors import is_overdue
from atende.billing.selectors_plans import (
    bank_account_choices,
    plan_choices,
    plan_get,
    plan_list,
    subscription_customer_get,
    subscription_get,
    subscription_invoices,
    subscription_list,
)
from atende.billing.services.plans import (
    SubscriptionInput,
    billing_settings_save,
    plan_save,
    subscription_cancel,
    subscription_create,
    subscription_update,
)
from atende.billing.services.subscriptions import organization_today
from atende.core.errors import DomainError
from atende.core.forms import add_domain_error
from atende.tenancy.urls import org_reverse


def _url(request, name: str, **kwargs) -> str:
    return org_reverse(f"billing:{name}", organization=request.organization, **kwargs)


def plan_list_view(request):
    require(request.member, BillingPerm.MANAGE_PLANS)
    return render(request, "billing/plans_plan_list.html", {"plans": plan_list()})


def plan_edit_view(request, pk: int | None = None):
    require(request.member, BillingPerm.MANAGE_PLANS)
    plan = plan_get(pk=pk) if pk is not None else None
    data = request.POST if request.method == "POST" else None
    form = PlanForm(data, initial=PlanForm.initial_for(plan))
    discounts = discount_formset(data, plan=plan)
    more_rows = data is not None and "more_rows" in data
    if data is not None and not more_rows and form.is_valid() and discounts.is_valid():
        try:
            saved = plan_save(actor=request.member, plan=plan, data=plan_input(form, discounts))
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, f"Plano “{saved.name}” salvo.")
            return redirect(_url(request, "plans"))
    status = 400 if data is not None and not more_rows else 200
    context = {"form": form, "discounts": discounts, "plan": plan}
    return render(request, "billing/plans_plan_form.html", context, status=status)


def plans_settings_view(request):
    require(request.member, BillingPerm.MANAGE_PLANS)
    form = BillingSettingsForm(
        request.POST or None, initial=BillingSettingsForm.initial_for_organization()
    )
    if request.method == "POST" and form.is_valid():
        try:
            billing_settings_save(actor=request.member, values=form.cleaned_data)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, "Parâmetros de cobrança salvos.")
            return redirect(_url(request, "plans_settings"))
    status = 400 if request.method == "POST" else 200
    return render(request, "billing/plans_settings.html", {"form": form}, status=status)


def subscription_list_view(request):
    require(request.member, BillingPerm.VIEW)
    filters = SubscriptionFilterForm(request.GET or None)
    status = filters.cleaned_data["status"] if filters.is_valid() else ""
    page = subscription_list(actor=request.member, status=status, cursor=request.GET.get("cursor"))
    context = {"page": page, "filters": filters, "statuses": SubscriptionStatus}
    return render(request, "billing/plans_subscription_list.html", context)


def _subscription_form(request, *, customer, subscription=None) -> SubscriptionForm:
    return SubscriptionForm(
        request.POST if request.method == "POST" else None,
        customer=customer,
        plans=plan_choices(current=subscription.plan if subscription else None),
        accounts=bank_account_choices(
            current_id=subscription.bank_account_id if subscription else None
        ),
        initial=SubscriptionForm.initial_for(
            subscription, today=organization_today(request.organization)
        ),
    )


def _subscription_input(form: SubscriptionForm) -> SubscriptionInput:
    data = form.cleaned_data
    return SubscriptionInput(
        plan=data["plan"],
        bank_account=data["bank_account"],
        start_date=data["start_date"],
        billing_day=data["billing_day"],
        amount=data["amount"],
        address=data["address"],
        promotional_percent=data.get("promotional_percent") or 0,
        promotional_until=data.get("promotional_until"),
    )


def _subscription_save(request, *, customer, subscription=None):
    """The subscription form: GET shows it, POST creates or changes through the service."""
    form = _subscription_form(request, customer=customer, subscription=subscription)
    if request.method == "POST" and form.is_valid():
        data = _subscription_input(form)
        try:
            if subscription is None:
                saved = subscription_create(actor=request.member, customer=customer, data=data)
            else:
                saved = subscription_update(
                    actor=request.member, subscription=subscription, data=data
                )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, f"Assinatura {saved.number} salva.")
            return redirect(_url(request, "subscription", number=saved.number))
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "customer": customer, "subscription": subscription}
    return render(request, "billing/plans_subscription_form.html", context, status=status)


def subscription_create_view(request):
    require(request.member, BillingPerm.ADD)
    # `?cliente=<code>` from the customer's page; the form posts it back as a field too.
    number = request.GET.get("cliente") or request.POST.get("cliente") or ""
    if not number.isdigit() or len(number) > 9:
        context = {"number": number}
        return render(request, "billing/plans_subscription_pick.html", context)
    customer = subscription_customer_get(actor=request.member, number=int(number))
    require(request.member, BillingPerm.ADD, customer)
    return _subscription_save(request, customer=customer)


def subscription_edit_view(request, number: int):
    subscription = subscription_get(actor=request.member, number=number)
    require(request.member, BillingPerm.ADD, subscription)
    if subscription.status == SubscriptionStatus.CANCELLED:
        messages.error(request, "Esta assinatura está cancelada.")
        return redirect(_url(request, "subscription", number=subscription.number))
    return _subscription_save(request, customer=subscription.customer, subscription=subscription)


@require_GET
def subscription_detail_view(request, number: int):
    subscription = subscription_get(actor=request.member, number=number)
    today = organization_today(request.organization)
    invoices = subscription_invoices(subscription=subscription)
    for invoice in invoices:
        invoice.is_overdue = is_overdue(invoice, today)
    context = {
        "subscription": subscription,
        "customer": subscription.customer,
        "editable": subscription.status != SubscriptionStatus.CANCELLED
        and can(request.member, BillingPerm.ADD, subscription),
        "invoices": invoices,
    }
    return render(request, "billing/plans_subscription_detail.html", context)


@require_POST
def subscription_cancel_view(request, number: int) -> HttpResponse:
    subscription = subscription_get(actor=request.member, number=number)
    try:
        subscription_cancel(actor=request.member, subscription=subscription)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, f"Assinatura {subscription.number} cancelada.")
    return redirect(_url(request, "subscription", number=subscription.number))
