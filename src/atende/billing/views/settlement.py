"""Financeiro → Retornos and Baixa manual (B4): upload a bank return file and read its report;
find a boleto by what the bank's statement shows and confirm its payment; undo a payment."""

from datetime import date

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from atende.accounts.permissions import can, require
from atende.billing.forms_settlement import (
    BoletoSearchForm,
    ManualSettleForm,
    PaymentUndoForm,
    ReturnFileUploadForm,
)
from atende.billing.models import PaymentSource, ReturnFileStatus
from atende.billing.permissions import BillingPerm
from atende.billing.selectors_settlement import (
    boleto_for_settlement,
    boleto_payments,
    boleto_search,
    owed_now,
    payment_get,
    return_file_get,
    return_file_list,
    return_file_report,
)
from atende.billing.services.payments import payment_record, payment_undo
from atende.billing.services.settlement import MAX_FILE_BYTES, OUTCOME_LABELS, return_file_receive
from atende.core.errors import DomainError
from atende.core.forms import add_domain_error
from atende.core.pagination import keyset_page
from atende.core.redirects import safe_next
from atende.tenancy.urls import org_reverse


def _list_context(request, form: ReturnFileUploadForm) -> dict[str, object]:
    files = return_file_list(actor=request.member)
    cursor = request.GET.get("cursor")
    return {
        "page": keyset_page(files, ordering=["-uploaded_at", "-pk"], cursor=cursor),
        "form": form,
        "can_upload": can(request.member, BillingPerm.CHANGE),
    }


def return_file_list_view(request):
    context = _list_context(request, ReturnFileUploadForm())
    return render(request, "billing/settlement_return_list.html", context)


@require_http_methods(["GET", "POST"])
def return_file_upload_view(request):
    require(request.member, BillingPerm.CHANGE)
    form = ReturnFileUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            if upload.size > MAX_FILE_BYTES:
                content = b"\0" * (MAX_FILE_BYTES + 1)  # refused by size, never read whole
            else:
                content = upload.read()
            received = return_file_receive(actor=request.member, name=upload.name, content=content)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            return redirect(_detail_url(request, received.pk))
    return render(request, "billing/settlement_return_list.html", _list_context(request, form))


def _detail_url(request, pk: int) -> str:
    return org_reverse("billing:return_file", organization=request.organization, pk=pk)


def return_file_detail_view(request, pk: int):
    return_file = return_file_get(actor=request.member, pk=pk)
    outcome = request.GET.get("resultado", "")
    outcome = outcome if outcome in OUTCOME_LABELS else ""
    context = {
        "return_file": return_file,
        "report": return_file_report(return_file=return_file, outcome=outcome),
        "outcome": outcome,
        "running": return_file.status in (ReturnFileStatus.PENDING, ReturnFileStatus.RUNNING),
    }
    if request.htmx:
        return render(request, "billing/settlement_return_detail.html#progress", context)
    return render(request, "billing/settlement_return_detail.html", context)


def _day(text: str | None) -> date:
    try:
        return date.fromisoformat(text or "")
    except ValueError:
        try:
            day, month, year = (int(part) for part in (text or "").split("/"))
            return date(year, month, day)
        except ValueError:
            return timezone.localdate()


@require_http_methods(["GET", "POST"])
def manual_settle_view(request):
    """Search (GET q), choose a boleto (GET boleto, data), confirm (POST)."""
    require(request.member, BillingPerm.CHANGE)
    search_form = BoletoSearchForm(request.GET or None)
    search = boleto_search(actor=request.member, text=request.GET.get("q", ""))
    source = request.POST if request.method == "POST" else request.GET
    boleto = form = None
    if source.get("boleto", "").isdigit():
        boleto = boleto_for_settlement(actor=request.member, number=int(source["boleto"]))
        paid_on = _day(source.get("paid_on"))
        initial = {
            "boleto": boleto.number,
            "paid_on": paid_on,
            "amount_paid": f"{owed_now(boleto, paid_on):.2f}".replace(".", ","),
        }
        form = ManualSettleForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form is not None and form.is_valid():
        try:
            payment_record(
                actor=request.member,
                invoice=boleto.invoice,
                boleto=boleto,
                amount_paid=form.cleaned_data["amount_paid"],
                paid_on=form.cleaned_data["paid_on"],
                source=PaymentSource.MANUAL,
                note=form.cleaned_data["note"],
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, f"Pagamento do boleto {boleto.number} registrado.")
            url = org_reverse("billing:manual_settle", organization=request.organization)
            return HttpResponseRedirect(f"{url}?boleto={boleto.number}")
    context = {
        "search_form": search_form,
        "search": search,
        "boleto": boleto,
        "form": form,
        "payments": boleto_payments(boleto=boleto) if boleto else [],
        "undo_form": PaymentUndoForm(),
    }
    return render(request, "billing/settlement_manual.html", context)


@require_http_methods(["GET", "POST"])
def payment_undo_view(request, pk: int):
    payment = payment_get(actor=request.member, pk=pk)
    if not can(request.member, BillingPerm.CHANGE, payment.invoice):
        raise PermissionDenied
    form = PaymentUndoForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            payment_undo(actor=request.member, payment=payment, reason=form.cleaned_data["reason"])
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, "Pagamento desfeito; o título foi reaberto.")
            back = org_reverse("billing:manual_settle", organization=request.organization)
            if payment.boleto_id:
                back = f"{back}?boleto={payment.boleto.number}"
            return redirect(safe_next(request, back))
    return render(request, "billing/settlement_undo.html", {"payment": payment, "form": form})
