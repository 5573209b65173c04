"""Staff actions on a typed request: save its fields or move it along (one form, as the stage
allows), write the understanding, and delete a request (administrators)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from atende.core.errors import DomainError
from atende.core.forms import add_domain_error
from atende.desk.forms_requests import MoveForm, StageFieldsForm, UnderstandingForm
from atende.desk.permissions import DeskPerm
from atende.desk.selectors import ticket_get
from atende.desk.services.requests import (
    request_fields_update,
    request_move,
    ticket_delete,
    understanding_write,
)
from atende.desk.views.ticket import _again, ticket_url
from atende.tenancy.urls import org_reverse
from atende.workflow.engine import visible_fields


@require_POST
def request_stage_view(request, number: int):
    """Save the fields (no `move`) or save them and move (`move` = the button pressed)."""
    ticket = ticket_get(actor=request.member, number=number, permission=DeskPerm.CHANGE)
    if ticket.stage_id is None:
        raise PermissionDenied("Este atendimento não segue um fluxo.")
    fields = visible_fields(ticket.stage, ticket.field_values)
    fields_form = StageFieldsForm(request.POST, request.FILES, fields=fields)
    move_form = MoveForm(request.POST) if request.POST.get("move") else None
    valid = fields_form.is_valid() and (move_form is None or move_form.is_valid())
    if valid:
        try:
            if move_form is None:
                request_fields_update(
                    actor=request.member, ticket=ticket, values=fields_form.values()
                )
            else:
                request_move(
                    actor=request.member,
                    ticket=ticket,
                    move=move_form.cleaned_data["move"],
                    values=fields_form.values(),
                    reason=move_form.cleaned_data["reason"],
                )
        except DomainError as error:
            if move_form is not None and error.field in ("move", "reason", None):
                add_domain_error(move_form, error)
            else:
                fields_form.add_domain_error(error)
        else:
            messages.success(request, "Dados salvos." if move_form is None else "Etapa atualizada.")
            return redirect(ticket_url(request, ticket, "etapa"))
    forms = {"request_fields_form": fields_form}
    if move_form is not None:
        forms["request_move_form"] = move_form
    return _again(request, ticket, **forms)


@require_POST
def understanding_view(request, number: int):
    ticket = ticket_get(actor=request.member, number=number, permission=DeskPerm.CHANGE)
    form = UnderstandingForm(request.POST)
    if form.is_valid():
        try:
            understanding_write(actor=request.member, ticket=ticket, text=form.cleaned_data["text"])
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, "Entendimento enviado ao cliente para aprovação.")
            return redirect(ticket_url(request, ticket, "etapa"))
    return _again(request, ticket, understanding_form=form)


@require_POST
def ticket_delete_view(request, number: int):
    ticket = ticket_get(actor=request.member, number=number, permission=DeskPerm.DELETE)
    try:
        ticket_delete(actor=request.member, ticket=ticket)
    except DomainError as error:
        messages.error(request, error.message)
        return redirect(
            org_reverse("desk:ticket", organization=request.organization, number=number)
        )
    messages.success(request, f"Atendimento {ticket.number} excluído.")
    return redirect(org_reverse("desk:queue", organization=request.organization))
