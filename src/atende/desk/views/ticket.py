"""A ticket: open it, read it, reply or note, change its fields, record time."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from atende.accounts.permissions import can, require
from atende.core.errors import DomainError
from atende.core.forms import add_domain_error
from atende.customers.selectors import visible_customers
from atende.desk.forms import CommentForm, TicketChangeForm, TicketForm, TimeEntryForm
from atende.desk.permissions import DeskPerm
from atende.desk.selectors import (
    area_resources,
    default_area,
    ticket_get,
    ticket_opening_attachments,
    ticket_opening_mail,
    ticket_service_orders,
    ticket_time_entries,
    ticket_time_totals,
    ticket_timeline,
)
from atende.desk.services.tickets import ticket_change, ticket_note, ticket_open, ticket_reply
from atende.desk.services.work import time_entry_add
from atende.desk.sla import organization_today, sla_state
from atende.desk.views.request_panel import request_panel_context
from atende.tenancy.urls import org_reverse


def ticket_url(request, ticket, anchor: str = "") -> str:
    url = org_reverse("desk:ticket", organization=request.organization, number=ticket.number)
    return f"{url}#{anchor}" if anchor else url


def ticket_create_view(request):
    require(request.member, DeskPerm.ADD)
    area = default_area()
    initial = {"area": area.pk if area else None, "customer_number": request.GET.get("cliente")}
    form = TicketForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        customer = form.customer(visible_customers(request.member))
        if form.is_valid():
            fields = {k: v for k, v in form.cleaned_data.items() if k != "customer_number"}
            try:
                ticket = ticket_open(actor=request.member, customer=customer, **fields)
            except DomainError as error:
                add_domain_error(form, error)
            else:
                messages.success(request, f"Atendimento {ticket.number} aberto.")
                return redirect(ticket_url(request, ticket))
    return render(request, "desk/ticket_form.html", {"form": form})


def _detail_context(request, ticket, **forms) -> dict:
    may_change = can(request.member, DeskPerm.CHANGE, ticket)
    return {
        **request_panel_context(ticket, actor=request.member, may_change=may_change, forms=forms),
        "ticket": ticket,
        "sla": sla_state(
            due_on=ticket.due_on,
            is_closed=ticket.is_closed,
            today=organization_today(request.organization),
        ),
        "timeline": ticket_timeline(ticket=ticket),
        "opening_attachments": ticket_opening_attachments(ticket=ticket),
        "opening_mail": ticket_opening_mail(ticket=ticket),
        "time_totals": ticket_time_totals(ticket=ticket),
        "time_entries": ticket_time_entries(ticket=ticket),
        "service_orders": ticket_service_orders(ticket=ticket),
        "comment_form": forms.get("comment_form") or CommentForm(),
        "change_form": forms.get("change_form") or TicketChangeForm(ticket=ticket),
        "time_form": forms.get("time_form") or TimeEntryForm(),
    }


def ticket_detail_view(request, number: int):
    ticket = ticket_get(actor=request.member, number=number)
    return render(request, "desk/ticket_detail.html", _detail_context(request, ticket))


def _again(request, ticket, **forms):
    """The ticket page again with the refused form and its errors (status 400)."""
    return render(
        request, "desk/ticket_detail.html", _detail_context(request, ticket, **forms), status=400
    )


@require_POST
def ticket_comment_view(request, number: int):
    ticket = ticket_get(actor=request.member, number=number, permission=DeskPerm.CHANGE)
    form = CommentForm(request.POST, request.FILES)
    if not form.is_valid():
        return _again(request, ticket, comment_form=form)
    data = form.cleaned_data
    write = ticket_reply if data["kind"] == "reply" else ticket_note
    changes = {"status": data["status"]} if data["status"] else {}
    try:
        write(
            actor=request.member,
            ticket=ticket,
            body=data["body"],
            attachments=data["attachments"],
            changes=changes,
        )
    except DomainError as error:
        add_domain_error(form, error)
        return _again(request, ticket, comment_form=form)
    sent = "Resposta enviada ao cliente." if data["kind"] == "reply" else "Nota interna salva."
    messages.success(request, sent)
    return redirect(ticket_url(request, ticket, "linha-do-tempo"))


@require_POST
def ticket_change_view(request, number: int):
    ticket = ticket_get(actor=request.member, number=number, permission=DeskPerm.CHANGE)
    form = TicketChangeForm(request.POST, ticket=ticket)
    if not form.is_valid():
        return _again(request, ticket, change_form=form)
    try:
        entry = ticket_change(actor=request.member, ticket=ticket, **form.changes())
    except DomainError as error:
        add_domain_error(form, error)
        return _again(request, ticket, change_form=form)
    messages.success(request, "Atendimento atualizado." if entry else "Nada mudou.")
    return redirect(ticket_url(request, ticket))


@require_POST
def time_entry_view(request, number: int):
    ticket = ticket_get(actor=request.member, number=number, permission=DeskPerm.CHANGE)
    form = TimeEntryForm(request.POST)
    if not form.is_valid():
        return _again(request, ticket, time_form=form)
    try:
        time_entry_add(actor=request.member, ticket=ticket, **form.cleaned_data)
    except DomainError as error:
        add_domain_error(form, error)
        return _again(request, ticket, time_form=form)
    messages.success(request, "Tempo registrado.")
    return redirect(ticket_url(request, ticket, "tempo"))


def assignee_options_view(request):
    """The assignee <select> for an area (htmx swaps it when the area changes)."""
    require(request.member, DeskPerm.VIEW)
    area = request.GET.get("area", "")
    members = area_resources(area_id=int(area) if area.isdigit() and len(area) < 19 else None)
    return render(request, "desk/assignee_options.html", {"members": members})
