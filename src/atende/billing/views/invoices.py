"""Invoices (B6): the list with its filters, one invoice with its items, boletos and payments,
a new invoice (with its boleto), cancelling, and the boleto's PDF."""

import io
from datetime import date

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from atende.accounts.permissions import can, require
from atende.billing.forms import CancelForm, InvoiceForm, item_formset
from atende.billing.permissions import BillingPerm
from atende.billing.selectors import (
    STATUS_FILTERS,
    InvoiceFilters,
    boleto_get,
    invoice_boletos,
    invoice_get,
    invoice_items,
    invoice_list,
    invoice_payments,
    is_overdue,
)
from atende.billing.services.boletos import boleto_issue, write_boletos_pdf
from atende.billing.services.invoices import InvoiceInput, invoice_cancel, invoice_create
from atende.core.errors import BadInput, DomainError
from atende.core.forms import add_domain_error
from atende.customers.selectors import customer_get
from atende.tenancy.urls import org_reverse


def _date(value: str, name: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise BadInput(f"Data inválida em “{name}”: use aaaa-mm-dd.") from None


def _number(value: str) -> int | None:
    if not value:
        return None
    if not value.isdigit() or len(value) > 9:
        raise BadInput("Código de cliente inválido.")
    return int(value)


def invoice_list_view(request):
    require(request.member, BillingPerm.VIEW)
    status = request.GET.get("situacao", "")
    if status not in ("", *STATUS_FILTERS):
        raise BadInput("Situação inválida.")
    filters = InvoiceFilters(
        status=status,
        customer_number=_number(request.GET.get("cliente", "")),
        due_from=_date(request.GET.get("de", ""), "de"),
        due_to=_date(request.GET.get("ate", ""), "ate"),
    )
    page = invoice_list(actor=request.member, filters=filters, cursor=request.GET.get("cursor"))
    context = {
        "page": page,
        "filters": filters,
        "status_choices": _status_choices(),
        "may_add": can(request.member, BillingPerm.ADD),
    }
    return render(request, "billing/invoice_list.html", context)


def _status_choices() -> list[tuple[str, str]]:
    from atende.billing.models import InvoiceStatus

    return [*InvoiceStatus.choices, ("overdue", "Vencido")]


def invoice_detail_view(request, number: int):
    invoice = invoice_get(actor=request.member, number=number)
    context = {
        "invoice": invoice,
        "items": invoice_items(invoice=invoice),
        "boletos": invoice_boletos(invoice=invoice),
        "payments": invoice_payments(invoice=invoice),
        "overdue": is_overdue(invoice),
        "may_change": can(request.member, BillingPerm.CHANGE, invoice),
        "may_add": can(request.member, BillingPerm.ADD, invoice),
        "cancel_form": CancelForm(),
    }
    return render(request, "billing/invoice_detail.html", context)


def invoice_create_view(request):
    require(request.member, BillingPerm.ADD)
    data = request.POST if request.method == "POST" else None
    initial = {"customer": request.GET.get("cliente", "")}
    form = InvoiceForm(data, initial=initial)
    items = item_formset(data)
    if data is not None and "more_rows" not in data and form.is_valid() and items.is_valid():
        invoice = _create(request, form, items)
        if invoice is not None:
            return redirect(_invoice_url(request, invoice))
    status = 400 if data is not None and "more_rows" not in data else 200
    return render(
        request, "billing/invoice_form.html", {"form": form, "items": items}, status=status
    )


def _create(request, form, items):
    fields = form.cleaned_data
    try:
        customer = customer_get(actor=request.member, number=fields["customer"])
    except Http404:  # a customer the member may not see reads as unknown
        form.add_error("customer", "Cliente não encontrado.")
        return None
    try:
        invoice = invoice_create(
            actor=request.member,
            customer=customer,
            data=InvoiceInput(
                description=fields["description"],
                due_date=fields["due_date"],
                items=items.items(),
                bank_account=fields["bank_account"],
                discount=fields["discount"] or 0,
                discount_until=fields["discount_until"],
            ),
        )
    except DomainError as error:
        add_domain_error(form, error)
        return None
    message = f"Título {invoice.number} criado."
    if fields["issue_boleto"]:
        try:
            boleto = boleto_issue(actor=request.member, invoice=invoice)
        except DomainError as error:
            messages.warning(request, f"{message} O boleto não foi emitido: {error.message}")
            return invoice
        message = f"Título {invoice.number} criado e boleto {boleto.number} emitido."
    messages.success(request, message)
    return invoice


def _invoice_url(request, invoice) -> str:
    return org_reverse("billing:invoice", organization=request.organization, number=invoice.number)


@require_POST
def boleto_issue_view(request, number: int):
    invoice = invoice_get(actor=request.member, number=number, permission=BillingPerm.ADD)
    try:
        boleto = boleto_issue(actor=request.member, invoice=invoice)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, f"Boleto {boleto.number} emitido.")
    return redirect(_invoice_url(request, invoice))


@require_POST
def invoice_cancel_view(request, number: int):
    invoice = invoice_get(actor=request.member, number=number, permission=BillingPerm.CHANGE)
    form = CancelForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Informe o motivo do cancelamento.")
        return redirect(_invoice_url(request, invoice))
    try:
        invoice_cancel(actor=request.member, invoice=invoice, reason=form.cleaned_data["reason"])
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, f"Título {invoice.number} cancelado.")
    return redirect(_invoice_url(request, invoice))


def boleto_pdf_response(boleto) -> HttpResponse:
    """The boleto as a PDF attachment (staff and portal alike)."""
    output = io.BytesIO()
    try:
        write_boletos_pdf([boleto], output)
    except DomainError as error:
        return HttpResponse(error.message, status=409, content_type="text/plain; charset=utf-8")
    response = HttpResponse(output.getvalue(), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="boleto-{boleto.number}.pdf"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


def boleto_pdf_view(request, number: int):
    return boleto_pdf_response(boleto_get(actor=request.member, number=number))
