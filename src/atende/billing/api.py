"""Billing routes of the REST API (`/api/v1/invoices`, boletos): the same selectors and
services as the pages, so the API stores only what the form would."""

from typing import Annotated

from django.http import HttpResponse
from ninja import Path, Query, Router, Status

from atende.accounts.permissions import require
from atende.billing.models import BankAccount
from atende.billing.permissions import BillingPerm
from atende.billing.schemas import (
    BoletoOut,
    InvoiceDetailOut,
    InvoiceIn,
    InvoicePageOut,
    InvoiceQuery,
)
from atende.billing.selectors import (
    InvoiceFilters,
    boleto_get,
    invoice_boletos,
    invoice_get,
    invoice_items,
    invoice_list,
    invoice_payments,
    is_overdue,
)
from atende.billing.services.boletos import boleto_issue
from atende.billing.services.invoices import InvoiceInput, ItemInput, invoice_create
from atende.billing.views.invoices import boleto_pdf_response
from atende.core.errors import DomainError, ErrorCode
from atende.core.schemas import MAX_ID
from atende.customers.selectors import visible_customers

router = Router(tags=["financeiro"])
Number = Annotated[int, Path(ge=1, le=MAX_ID)]


def _listed(invoice):
    invoice.overdue = is_overdue(invoice)
    return invoice


def _detailed(invoice):
    invoice.overdue = is_overdue(invoice)
    invoice.items_list = invoice_items(invoice=invoice)
    invoice.boletos_list = invoice_boletos(invoice=invoice)
    invoice.payments_list = [
        {**payment.__dict__, "undone": payment.undone_at is not None}
        for payment in invoice_payments(invoice=invoice)
    ]
    return {
        **{field: getattr(invoice, field) for field in InvoiceDetailOut.model_fields
           if field not in ("customer", "items", "boletos", "payments", "overdue")},
        "customer.number": invoice.customer.number,
        "overdue": invoice.overdue,
        "items": invoice.items_list,
        "boletos": invoice.boletos_list,
        "payments": invoice.payments_list,
    }  # fmt: skip


@router.get("/invoices", response=InvoicePageOut, summary="Títulos (contas a receber)")
def list_invoices(request, query: Query[InvoiceQuery]):
    require(request.auth, BillingPerm.VIEW)
    filters = InvoiceFilters(
        status=query.status or "",
        customer_number=query.customer,
        due_from=query.due_from,
        due_to=query.due_to,
    )
    page = invoice_list(actor=request.auth, filters=filters, cursor=query.cursor)
    return {"items": [_listed(invoice) for invoice in page.items], "next_cursor": page.next_cursor}


@router.post("/invoices", response={201: InvoiceDetailOut}, summary="Cria um título")
def create_invoice(request, payload: InvoiceIn):
    require(request.auth, BillingPerm.ADD)
    customer = visible_customers(request.auth).filter(number=payload.customer_number).first()
    if customer is None:
        raise DomainError(
            "Cliente não encontrado.", code=ErrorCode.NOT_FOUND, field="customer_number"
        )
    account = BankAccount.objects.filter(pk=payload.bank_account_id).first()
    if account is None:
        raise DomainError(
            "Conta bancária não encontrada.", code=ErrorCode.NOT_FOUND, field="bank_account_id"
        )
    invoice = invoice_create(
        actor=request.auth,
        customer=customer,
        data=InvoiceInput(
            description=payload.description,
            due_date=payload.due_date,
            items=[ItemInput(i.description, i.quantity, i.unit_price) for i in payload.items],
            bank_account=account,
            discount=payload.discount,
            discount_until=payload.discount_until,
        ),
    )
    return Status(201, _detailed(invoice_get(actor=request.auth, number=invoice.number)))


@router.get("/invoices/{number}", response=InvoiceDetailOut, summary="Um título")
def get_invoice(request, number: Number):
    return _detailed(invoice_get(actor=request.auth, number=number))


@router.post(
    "/invoices/{number}/boleto", response={201: BoletoOut}, summary="Emite o boleto do título"
)
def issue_invoice_boleto(request, number: Number):
    invoice = invoice_get(actor=request.auth, number=number, permission=BillingPerm.ADD)
    boleto = boleto_issue(actor=request.auth, invoice=invoice)
    return Status(201, boleto_get(actor=request.auth, number=boleto.number))


@router.get(
    "/boletos/{number}/pdf",
    summary="O boleto em PDF",
    openapi_extra={
        "responses": {200: {"content": {"application/pdf": {"schema": {"type": "string"}}}}}
    },
)
def get_boleto_pdf(request, number: Number) -> HttpResponse:
    return boleto_pdf_response(boleto_get(actor=request.auth, number=number))
