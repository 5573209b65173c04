"""Service orders: issue one from a ticket, read it, change it, print it; the logo setting."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render

from atende.accounts.permissions import can, require
from atende.core.errors import DomainError
from atende.core.forms import add_domain_error
from atende.desk.forms_service_orders import (
    LogoForm,
    ServiceOrderForm,
    item_formset,
    item_initial,
)
from atende.desk.permissions import DeskPerm
from atende.desk.selectors import (
    service_order_get,
    service_order_items,
    service_order_settings_get,
    ticket_get,
)
from atende.desk.service_order_pdf import service_order_pdf
from atende.desk.services.service_orders import (
    service_order_create,
    service_order_logo_set,
    service_order_update,
)
from atende.tenancy.urls import org_reverse


def _order_url(request, order) -> str:
    return org_reverse("desk:service_order", organization=request.organization, number=order.number)


def _edit(request, *, ticket, order=None):
    """The order form and its items: GET shows, POST saves through the service."""
    customer = order.customer if order else ticket.customer
    data = request.POST if request.method == "POST" else None
    form = ServiceOrderForm(
        data, customer=customer, initial=ServiceOrderForm.initial_for(order, customer)
    )
    initial = item_initial(service_order_items(order=order)) if order else None
    items = item_formset(data, initial=initial)
    if data is not None and "more_rows" not in data and form.is_valid() and items.is_valid():
        fields = {"items": items.items(), **form.service_order_fields()}
        try:
            if order is None:
                order = service_order_create(actor=request.member, ticket=ticket, **fields)
            else:
                order = service_order_update(actor=request.member, order=order, **fields)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, f"Ordem de serviço {order.number} salva.")
            return redirect(_order_url(request, order))
    status = 400 if data is not None and "more_rows" not in data else 200
    context = {"form": form, "items": items, "ticket": ticket, "order": order}
    return render(request, "desk/service_order_form.html", context, status=status)


def service_order_create_view(request, number: int):
    ticket = ticket_get(actor=request.member, number=number, permission=DeskPerm.CHANGE)
    if ticket.customer_id is None:
        messages.error(request, "Informe o cliente do atendimento antes de emitir uma OS.")
        return redirect(
            org_reverse("desk:ticket", organization=request.organization, number=number)
        )
    return _edit(request, ticket=ticket)


def service_order_edit_view(request, number: int):
    order = service_order_get(actor=request.member, number=number, permission=DeskPerm.CHANGE)
    return _edit(request, ticket=order.ticket, order=order)


def service_order_detail_view(request, number: int):
    order = service_order_get(actor=request.member, number=number)
    context = {
        "order": order,
        "items": service_order_items(order=order),
        "may_change": can(request.member, DeskPerm.CHANGE, order.ticket),
    }
    return render(request, "desk/service_order_detail.html", context)


def service_order_pdf_view(request, number: int):
    order = service_order_get(actor=request.member, number=number)
    settings = service_order_settings_get()
    pdf = service_order_pdf(
        order=order,
        items=service_order_items(order=order),
        organization=request.organization,
        logo=settings.logo if settings else None,
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="ordem-de-servico-{order.number}.pdf"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


def service_order_settings_view(request):
    require(request.member, DeskPerm.MANAGE_AREAS)
    form = LogoForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            service_order_logo_set(
                actor=request.member,
                logo=form.cleaned_data["logo"],
                remove=form.cleaned_data["remove"],
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, "Configurações da ordem de serviço salvas.")
            url = org_reverse("desk:service_order_settings", organization=request.organization)
            return redirect(url)
    context = {"form": form, "settings": service_order_settings_get()}
    return render(request, "desk/service_order_settings.html", context)
