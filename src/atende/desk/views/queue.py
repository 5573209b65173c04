"""The agent queue: scopes, filters, instant search, saved filters, keyset paging, bulk actions."""

from urllib.parse import urlencode

from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from atende.accounts.permissions import require
from atende.core.errors import DomainError
from atende.core.redirects import safe_next
from atende.desk.forms import BulkForm, QueueFilterForm, SavedFilterForm
from atende.desk.permissions import DeskPerm
from atende.desk.selectors import (
    DEFAULT_SORT,
    TicketFilters,
    queue_counts,
    saved_filter_get,
    saved_filters,
    ticket_ids_for_bulk,
    ticket_queue,
)
from atende.desk.services.tickets import tickets_bulk_change
from atende.desk.services.work import saved_filter_delete, saved_filter_save
from atende.desk.sla import organization_today
from atende.tenancy.urls import org_reverse

FILTER_KEYS = (
    "scope", "q", "status", "area", "assignee", "priority", "customer", "sla",
    "created_from", "created_to", "sort",
)  # fmt: skip


def filters_from_form(form: QueueFilterForm) -> TicketFilters:
    data = form.cleaned_data if form.is_valid() else {}
    area, assignee = data.get("area"), data.get("assignee")
    return TicketFilters(
        scope=data.get("scope") or "open",
        search=data.get("q") or "",
        statuses=(data["status"],) if data.get("status") else (),
        area_id=area.pk if area else None,
        assignee_id=assignee.pk if assignee else None,
        priority=data.get("priority"),
        customer_number=data.get("customer"),
        sla=data.get("sla") or "",
        created_from=data.get("created_from"),
        created_to=data.get("created_to"),
        sort=data.get("sort") or DEFAULT_SORT,
    )


def queue_view(request):
    require(request.member, DeskPerm.VIEW)
    form = QueueFilterForm(request.GET or None)
    filters = filters_from_form(form)
    page = ticket_queue(actor=request.member, filters=filters, cursor=request.GET.get("cursor"))
    context = {
        "form": form,
        "page": page,
        "filters": filters,
        "sort": filters.sort,
        "today": organization_today(request.organization),
        "bulk_form": BulkForm(),
    }
    status = 400 if form.is_bound and not form.is_valid() else 200
    if request.htmx and request.htmx.target == "results":
        return render(request, "desk/queue.html#results", context, status=status)
    context["counts"] = queue_counts(actor=request.member)
    context["saved_filters"] = saved_filters(actor=request.member)
    context["saved_filter_form"] = SavedFilterForm()
    return render(request, "desk/queue.html", context, status=status)


def _queue_url(request, query: dict | None = None) -> str:
    url = org_reverse("desk:queue", organization=request.organization)
    return f"{url}?{urlencode(query, doseq=True)}" if query else url


@require_POST
def saved_filter_create_view(request):
    form = SavedFilterForm(request.POST)
    query = {key: request.POST.get(f"filter_{key}", "") for key in FILTER_KEYS}
    if not form.is_valid():
        messages.error(request, "Dê um nome ao filtro.")
        return redirect(_queue_url(request, {k: v for k, v in query.items() if v}))
    try:
        saved = saved_filter_save(actor=request.member, query=query, **form.cleaned_data)
    except DomainError as error:
        messages.error(request, error.message)
        return redirect(_queue_url(request))
    messages.success(request, f"Filtro “{saved.name}” salvo.")
    return redirect(_queue_url(request, saved.query))


def saved_filter_apply_view(request, pk: int):
    saved = saved_filter_get(actor=request.member, pk=pk)
    return redirect(_queue_url(request, saved.query))


@require_POST
def saved_filter_delete_view(request, pk: int):
    saved = saved_filter_get(actor=request.member, pk=pk)
    saved_filter_delete(actor=request.member, saved=saved)
    messages.success(request, f"Filtro “{saved.name}” excluído.")
    return redirect(_queue_url(request))


@require_POST
def bulk_change_view(request):
    require(request.member, DeskPerm.CHANGE)
    form = BulkForm(request.POST)
    if not form.is_valid() or not form.changes():
        messages.error(request, "Marque os atendimentos e escolha o que mudar.")
        return redirect(_queue_url(request))
    tickets = ticket_ids_for_bulk(actor=request.member, numbers=form.cleaned_data["numbers"])
    try:
        changed = tickets_bulk_change(actor=request.member, tickets=tickets, **form.changes())
    except DomainError as error:
        messages.error(request, f"Nada foi alterado: {error.message}")
    else:
        messages.success(request, f"{changed} atendimento(s) alterado(s).")
    return redirect(safe_next(request, _queue_url(request)))
