"""Billing routes under `/<slug>/financeiro/` and the settings under `/<slug>/configuracoes/`."""

from django.urls import path

from atende.billing import urls_settlement
from atende.billing.views import bank_accounts, invoices

app_name = "billing"

urlpatterns = [
    path("financeiro/", invoices.invoice_list_view, name="invoices"),
    path("financeiro/titulos/novo/", invoices.invoice_create_view, name="invoice_new"),
    path("financeiro/titulos/<id:number>/", invoices.invoice_detail_view, name="invoice"),
    path(
        "financeiro/titulos/<id:number>/boleto/",
        invoices.boleto_issue_view,
        name="invoice_boleto_issue",
    ),
    path(
        "financeiro/titulos/<id:number>/cancelar/",
        invoices.invoice_cancel_view,
        name="invoice_cancel",
    ),
    path("financeiro/boletos/<id:number>/pdf/", invoices.boleto_pdf_view, name="boleto_pdf"),
    path(
        "configuracoes/contas-bancarias/",
        bank_accounts.bank_account_list_view,
        name="bank_accounts",
    ),
    path(
        "configuracoes/contas-bancarias/nova/",
        bank_accounts.bank_account_edit_view,
        name="bank_account_new",
    ),
    path(
        "configuracoes/contas-bancarias/<id:pk>/",
        bank_accounts.bank_account_edit_view,
        name="bank_account_edit",
    ),
]

urlpatterns += urls_settlement.urlpatterns
