"""The customer page (Customer 360): header, tabs from the registry, mandatory observations."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from atende.accounts.permissions import can, require
from atende.core.confirm import confirmation_page
from atende.core.errors import DomainError
from atende.core.forms import add_domain_error
from atende.core.redirects import safe_next
from atende.customers.builtin_tabs import extra_field_values
from atende.customers.forms import CustomerExtraFieldsForm, CustomerForm
from atende.customers.permissions import CustomerPerm
from atende.customers.selectors import (
    customer_get,
    is_favorite,
    unread_mandatory_observations,
)
from atende.customers.services.contacts import favorite_toggle, observations_mark_read
from atende.customers.services.customers import (
    customer_create,
    customer_extra_update,
    customer_set_active,
    customer_update,
)
from atende.customers.tabs import customer_tab, customer_tabs
from atende.tenancy.urls import org_reverse


def customer_url(request, customer, tab: str = "cadastro") -> str:
    return org_reverse(
        "customers:tab", organization=request.organization, number=customer.number, tab=tab
    )


def customer_tab_view(request, number: int, tab: str = "cadastro"):
    customer = customer_get(actor=request.member, number=number)
    current = customer_tab(tab)
    if current is None or (current.permission and not can(request.member, current.permission)):
        raise Http404("Aba não encontrada")
    tabs = [t for t in customer_tabs() if not t.permission or can(request.member, t.permission)]
    # On a phone the row keeps the first tab and the current one (or the first two); the rest
    # go under "Mais".
    kept = {tabs[0].key, current.key} if current.key != tabs[0].key else {t.key for t in tabs[:2]}
    context = {
        "customer": customer,
        "tabs": tabs,
        "more_tabs": [t for t in tabs if t.key not in kept],
        "current_tab": current,
        "is_favorite": is_favorite(actor=request.member, customer=customer),
        "unread_observations": unread_mandatory_observations(
            actor=request.member, customer=customer
        ),
        **current.context(request, customer),
    }
    return render(request, current.template, context)


def customer_create_view(request):
    require(request.member, CustomerPerm.ADD)
    form = CustomerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            customer = customer_create(actor=request.member, **form.service_fields())
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, f"Cliente {customer.number} cadastrado.")
            return redirect(customer_url(request, customer))
    return render(request, "customers/customer_form.html", {"form": form, "customer": None})


def customer_edit_view(request, number: int):
    customer = customer_get(actor=request.member, number=number, permission=CustomerPerm.CHANGE)
    form = CustomerForm(request.POST or None, instance=customer)
    if request.method == "POST" and form.is_valid():
        try:
            customer_update(actor=request.member, customer=customer, **form.service_fields())
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, "Cadastro salvo.")
            return redirect(customer_url(request, customer))
    return render(request, "customers/customer_form.html", {"form": form, "customer": customer})


@require_POST
def customer_active_view(request, number: int):
    is_active = request.POST.get("is_active") == "1"
    permission = CustomerPerm.CHANGE if is_active else CustomerPerm.DELETE
    customer = customer_get(actor=request.member, number=number, permission=permission)
    if not is_active:
        asking = confirmation_page(
            request,
            question=f"Desativar o cliente {customer.number} – {customer.display_name}?",
            detail="Nada é apagado: o cliente sai das listas de ativos e pode ser reativado.",
            button="Desativar cliente",
            cancel_url=customer_url(request, customer),
        )
        if asking:
            return asking
    customer_set_active(actor=request.member, customer=customer, is_active=is_active)
    messages.success(request, "Cliente reativado." if is_active else "Cliente desativado.")
    return redirect(customer_url(request, customer))


@require_POST
def favorite_toggle_view(request, number: int):
    customer = customer_get(actor=request.member, number=number)
    starred = favorite_toggle(actor=request.member, customer=customer)
    if request.htmx:
        return render(
            request,
            "customers/customer_base.html#favorite",
            {"customer": customer, "is_favorite": starred},
        )
    return redirect(customer_url(request, customer))


@require_POST
def observations_read_view(request, number: int):
    customer = customer_get(actor=request.member, number=number)
    observations_mark_read(actor=request.member, customer=customer)
    return redirect(safe_next(request, customer_url(request, customer)))


def customer_extra_view(request, number: int):
    """Extra fields edited in place (htmx swaps the card; without htmx, a plain page)."""
    customer = customer_get(actor=request.member, number=number, permission=CustomerPerm.CHANGE)
    form = CustomerExtraFieldsForm(request.POST or None, customer=customer)
    if request.method == "POST" and form.is_valid():
        try:
            customer_extra_update(
                actor=request.member, customer=customer, values=form.extra_values()
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            if not request.htmx:
                return redirect(customer_url(request, customer))
            context = {"customer": customer, "extra_values": extra_field_values(customer)}
            return render(request, "customers/tab_registry.html#extra", context)
    context = {"customer": customer, "form": form}
    template = "customers/extra_fields_form.html" + ("#form" if request.htmx else "")
    return render(request, template, context)
