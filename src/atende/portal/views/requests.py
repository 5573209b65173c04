"""The customer's requests: the five filters, a new request, one request and its actions."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST, require_safe

from atende.core.errors import DomainError
from atende.core.forms import add_domain_error
from atende.desk.forms_requests import DecisionForm, MoveForm, StageFieldsForm
from atende.desk.selectors import ticket_opening_attachments, ticket_passages
from atende.desk.services.requests import (
    customer_message,
    moves_for,
    request_fields_update,
    request_move,
    request_open,
    understanding_decide,
)
from atende.files.views import stored_file_response
from atende.portal.forms import MessageForm, NewRequestForm
from atende.portal.selectors import (
    BUCKET_LABELS,
    BUCKETS,
    portal_bucket_counts,
    portal_file_get,
    portal_request_get,
    portal_request_list,
    portal_timeline,
    request_type_choices,
)
from atende.portal.views.base import portal_login_required, portal_url
from atende.workflow.engine import first_stage, visible_fields
from atende.workflow.models import RequestType


def home_view(request):
    return redirect(portal_url(request, "requests"))


@portal_login_required
def request_list_view(request):
    bucket = request.GET.get("filtro", "todos")
    bucket = bucket if bucket in BUCKETS else "todos"
    account = request.portal_account
    context = {
        "bucket": bucket,
        "buckets": [(key, BUCKET_LABELS[key]) for key in BUCKETS],
        "counts": portal_bucket_counts(account=account),
        "page": portal_request_list(
            account=account, bucket=bucket, cursor=request.GET.get("cursor")
        ),
    }
    return render(request, "portal/request_list.html", context)


@portal_login_required
def request_new_view(request):
    groups = request_type_choices()
    type_id = request.POST.get("tipo") or request.GET.get("tipo") or ""
    request_type = None
    if type_id.isdigit() and len(type_id) < 19:
        request_type = RequestType.objects.filter(pk=int(type_id), is_active=True).first()
    if request_type is None:
        return render(request, "portal/request_type_choose.html", {"groups": groups})
    stage = first_stage(request_type)
    data = request.POST if request.method == "POST" else None
    files = request.FILES if request.method == "POST" else None
    form = NewRequestForm(data, files)
    fields_form = StageFieldsForm(data, files, fields=visible_fields(stage, {}))
    if request.method == "POST" and form.is_valid() and fields_form.is_valid():
        try:
            ticket = request_open(
                actor=request.portal_account,
                request_type=request_type,
                title=form.cleaned_data["subject"],
                description=form.cleaned_data["text"],
                values=fields_form.values(),
                attachments=form.cleaned_data["attachments"],
            )
        except DomainError as error:
            fields_form.add_domain_error(error)
        else:
            messages.success(request, f"Solicitação {ticket.number} enviada.")
            return redirect(portal_url(request, "request", number=ticket.number))
    context = {"request_type": request_type, "form": form, "fields_form": fields_form}
    return render(request, "portal/request_form.html", context)


def _detail(request, ticket, status: int = 200, **forms):
    account = request.portal_account
    turn = editable = ticket.is_customers_turn
    stage_fields = visible_fields(ticket.stage, ticket.field_values) if ticket.stage_id else []
    moves = moves_for(account, ticket)
    context = {
        "ticket": ticket,
        "account": account,
        "customers_turn": turn,
        "timeline": portal_timeline(ticket=ticket),
        "opening_attachments": ticket_opening_attachments(ticket=ticket),
        "passages": ticket_passages(ticket=ticket),
        "fields_form": forms.get("fields_form")
        or StageFieldsForm(fields=stage_fields, editable=editable),
        "fields_editable": editable,
        "file_values": [
            (item.field.label, item.value) for item in stage_fields if isinstance(item.value, dict)
        ],
        "message_form": forms.get("message_form") or MessageForm(),
        "moves": moves,
        "move_form": forms.get("move_form") or MoveForm(),
        "decision_form": forms.get("decision_form") or DecisionForm(),
    }
    return render(request, "portal/request_detail.html", context, status=status)


@portal_login_required
def request_detail_view(request, number: int):
    ticket = portal_request_get(account=request.portal_account, number=number)
    return _detail(request, ticket)


def _act(request, number: int, action, form, form_name: str, done: str):
    """Run one action on the customer's request; a refusal shows the page again with why."""
    ticket = portal_request_get(account=request.portal_account, number=number)
    if form.is_valid():
        try:
            action(ticket, form)
        except DomainError as error:
            if isinstance(form, StageFieldsForm):
                form.add_domain_error(error)
            else:
                add_domain_error(form, error)
        except PermissionDenied:
            form.add_error(None, "Esta ação não é sua nesta etapa.")
        else:
            messages.success(request, done)
            return redirect(portal_url(request, "request", number=number))
    return _detail(request, ticket, status=400, **{form_name: form})


@require_safe
@portal_login_required
def request_file_view(request, number: int, key):
    return stored_file_response(
        portal_file_get(account=request.portal_account, number=number, key=key)
    )


@require_POST
@portal_login_required
def request_message_view(request, number: int):
    def action(ticket, form):
        customer_message(
            actor=request.portal_account,
            ticket=ticket,
            body=form.cleaned_data["body"],
            attachments=form.cleaned_data["attachments"],
        )

    form = MessageForm(request.POST, request.FILES)
    return _act(request, number, action, form, "message_form", "Mensagem enviada.")


@require_POST
@portal_login_required
def request_fields_view(request, number: int):
    ticket = portal_request_get(account=request.portal_account, number=number)
    fields = visible_fields(ticket.stage, ticket.field_values) if ticket.stage_id else []
    form = StageFieldsForm(request.POST, request.FILES, fields=fields)

    def action(ticket, form):
        request_fields_update(actor=request.portal_account, ticket=ticket, values=form.values())

    return _act(request, number, action, form, "fields_form", "Dados salvos.")


@require_POST
@portal_login_required
def request_move_view(request, number: int):
    def action(ticket, form):
        request_move(
            actor=request.portal_account,
            ticket=ticket,
            move=form.cleaned_data["move"],
            reason=form.cleaned_data["reason"],
        )

    form = MoveForm(request.POST)
    return _act(request, number, action, form, "move_form", "Solicitação atualizada.")


@require_POST
@portal_login_required
def understanding_view(request, number: int):
    def action(ticket, form):
        understanding_decide(
            actor=request.portal_account,
            ticket=ticket,
            approve=form.cleaned_data["approve"],
            reason=form.cleaned_data["reason"],
        )

    form = DecisionForm(request.POST)
    return _act(request, number, action, form, "decision_form", "Resposta registrada.")
