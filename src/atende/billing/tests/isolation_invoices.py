"""Invoices, boletos and bank accounts for the walkers: objects, permissions, valid bodies."""

from datetime import timedelta

from django.utils import timezone

from atende.accounts.tests.factories import MemberFactory
from atende.billing.permissions import BillingPerm
from atende.billing.tests.factories import ACCOUNTS, BENEFICIARY, bank_account, invoice
from atende.billing.tests.factories import issued_boleto as issued
from atende.customers.tests.factories import CustomerFactory
from atende.tenancy.testing import isolation_factory, route_access


def _admin(organization):
    return MemberFactory(organization=organization, is_admin=True)


@isolation_factory(
    "billing:invoice",
    "billing:invoice_boleto_issue",
    "billing:invoice_cancel",
    "api:get_invoice",
    "api:issue_invoice_boleto",
)
def open_invoice(organization):
    return {"number": invoice(organization, actor=_admin(organization)).number}


@isolation_factory("billing:boleto_pdf", "api:get_boleto_pdf")
def issued_boleto(organization):
    return {"number": issued(organization, actor=_admin(organization)).number}


@isolation_factory("billing:bank_account_edit")
def account(organization):
    return {"pk": bank_account(organization, "341").pk}


def _new_invoice(organization, kwargs) -> dict:
    customer = CustomerFactory(organization=organization)
    account = bank_account(organization)
    due = (timezone.localdate() + timedelta(days=10)).isoformat()
    return {
        "customer": str(customer.number), "bank_account": str(account.pk),
        "description": "Mensalidade", "due_date": due, "issue_boleto": "on",
        "itens-TOTAL_FORMS": "1", "itens-INITIAL_FORMS": "0",
        "itens-0-description": "Plano 100 Mb", "itens-0-quantity": "1",
        "itens-0-unit_price": "99,90",
    }  # fmt: skip


def _account_body(organization, kwargs) -> dict:
    return {
        "name": "Itaú", "bank": "341", **BENEFICIARY, **ACCOUNTS["341"],
        "next_nosso_numero": "1", "boleto_fee": "0", "fine_percent": "2",
        "monthly_interest_percent": "1", "is_active": "on",
    }  # fmt: skip


def _api_invoice(organization, kwargs) -> dict:
    customer = CustomerFactory(organization=organization)
    account = bank_account(organization)
    due = (timezone.localdate() + timedelta(days=10)).isoformat()
    return {
        "customer_number": customer.number, "bank_account_id": account.pk,
        "description": "Mensalidade", "due_date": due,
        "items": [{"description": "Plano", "quantity": "1", "unit_price": "99.90"}],
    }  # fmt: skip


route_access("billing:invoices", "billing:invoice", "billing:boleto_pdf", needs=BillingPerm.VIEW)
route_access("billing:invoice_new", needs=BillingPerm.ADD, body=_new_invoice)
route_access("billing:invoice_boleto_issue", needs=BillingPerm.ADD, body={})
route_access("billing:invoice_cancel", needs=BillingPerm.CHANGE, body={"reason": "Desistiu"})
route_access("billing:bank_accounts", needs=BillingPerm.MANAGE_ACCOUNTS)
route_access(
    "billing:bank_account_new", "billing:bank_account_edit",
    needs=BillingPerm.MANAGE_ACCOUNTS, body=_account_body,
)  # fmt: skip
route_access("api:list_invoices", "api:get_invoice", "api:get_boleto_pdf", needs=BillingPerm.VIEW)
route_access("api:create_invoice", needs=BillingPerm.ADD, body=_api_invoice)
route_access("api:issue_invoice_boleto", needs=BillingPerm.ADD, body={})
