"""Batch emission pages (B5): the batches, the form with its preview, progress and the PDF."""

import contextlib
import uuid
from urllib.parse import urlencode

from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST, require_safe

from atende.accounts.permissions import require
from atende.billing.forms_batch import FILTERS, NUMBERS, BatchForm
from atende.billing.permissions import BillingPerm
from atende.billing.selectors_batch import batch_get, batch_invoices, batch_list
from atende.billing.services.batches import (
    batch_check,
    batch_create,
    batch_resume,
    parse_customer_numbers,
)
from atende.core.errors import DomainError
from atende.core.forms import add_domain_error
from atende.customers.forms import CustomerFilterForm
from atende.customers.selectors import DEFAULT_SORT, CustomerFilters
from atende.files.views import stored_file_response
from atende.tenancy.urls import org_reverse

# The customer list's filter, carried in the query string and then in hidden fields (as the
# list's bulk SMS/e-mail does).
FILTER_FIELDS = ("q", "active", "category", "owner", "city")
SKIPPED_SHOWN = 500


@require_safe
def batch_list_view(request):
    require(request.member, BillingPerm.VIEW)
    page = batch_list(cursor=request.GET.get("cursor"))
    return render(request, "billing/batch_list.html", {"page": page})


def _filters(source) -> tuple[CustomerFilters, list[tuple[str, str]]]:
    form = CustomerFilterForm({k: source[k] for k in FILTER_FIELDS if k in source})
    data = form.cleaned_data if form.is_valid() else {}
    category, owner = data.get("category"), data.get("owner")
    filters = CustomerFilters(
        search=data.get("q", "") or "",
        active=form.data.get("active", "1") if "active" in form.data else "1",
        category_id=category.pk if category else None,
        owner_id=owner.pk if owner else None,
        city=data.get("city", "") or "",
        sort=DEFAULT_SORT,
    )
    labels = {"category": category, "owner": owner}
    shown = [
        (k, source[k], str(labels.get(k) or source[k])) for k in FILTER_FIELDS if source.get(k)
    ]
    return filters, shown


def batch_new_view(request):
    """Terms and customers → preview (who gets a boleto, who is left out and why) → confirm."""
    member = request.member
    require(member, BillingPerm.ADD)
    source = request.POST if request.method == "POST" else request.GET
    filters, filter_fields = _filters(source)
    initial = {
        "idempotency_key": uuid.uuid4(),
        "source": NUMBERS if source.get("numeros") else FILTERS,
        "numbers": source.get("numeros", ""),
    }
    form = BatchForm(request.POST or None, initial=initial)
    preview = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            chosen = (
                parse_customer_numbers(data["numbers"]) if data["source"] == NUMBERS else filters
            )
            terms = {"actor": member, **form.terms(), "customers_queryset_or_numbers": chosen}
            if request.POST.get("action") == "confirm":
                batch = batch_create(
                    **terms, send_email=data["send_email"], idempotency_key=data["idempotency_key"]
                )
                return redirect(_detail_url(request, batch))
            _, preview = batch_check(**terms)
        except DomainError as error:
            add_domain_error(form, error)
    context = {
        "form": form,
        "filter_fields": filter_fields,
        "filter_query": urlencode([(name, value) for name, value, _ in filter_fields]),
        "preview": preview,
        "skipped": preview.skipped[:SKIPPED_SHOWN] if preview else [],
    }
    return render(request, "billing/batch_new.html", context)


def _detail_url(request, batch) -> str:
    return org_reverse(
        "billing:batch_detail", organization=request.organization, number=batch.number
    )


@require_safe
def batch_detail_view(request, number: int):
    batch = batch_get(actor=request.member, number=number)
    context = {"batch": batch, "skipped": batch.skipped[:SKIPPED_SHOWN]}
    if request.htmx:
        return render(request, "billing/batch_detail.html#progress", context)
    context["invoices"] = batch_invoices(actor=request.member, batch=batch)
    return render(request, "billing/batch_detail.html", context)


@require_POST
def batch_resume_view(request, number: int):
    batch = batch_get(actor=request.member, number=number)
    with contextlib.suppress(DomainError):  # already done: the page shows it
        batch_resume(actor=request.member, batch=batch)
    return redirect(_detail_url(request, batch))


@require_safe
def batch_pdf_view(request, number: int):
    batch = batch_get(actor=request.member, number=number)
    if batch.pdf is None:
        raise Http404("O PDF deste lote ainda não existe.")
    return stored_file_response(batch.pdf)
