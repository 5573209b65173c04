"""Webdesk → Financeiro: the customer's invoices and the PDF of each boleto (B6)."""

from django.shortcuts import render

from atende.billing.selectors import is_overdue, portal_boleto_get, portal_invoice_page
from atende.billing.views.invoices import boleto_pdf_response
from atende.portal.views.base import portal_login_required


@portal_login_required
def invoice_list_view(request):
    account = request.portal_account
    page = portal_invoice_page(account=account, cursor=request.GET.get("cursor"))
    for invoice in page.items:
        invoice.overdue = is_overdue(invoice)
    context = {"page": page, "sees_finances": account.sees_all_customer_requests}
    return render(request, "portal/invoice_list.html", context)


@portal_login_required
def boleto_pdf_view(request, number: int):
    return boleto_pdf_response(portal_boleto_get(account=request.portal_account, number=number))
