"""Billing test data: a valid bank account for each bank the banking core supports (inputs
checked against its public vectors), invoices and issued boletos."""

from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone

from atende.billing.models import BankAccount, Invoice
from atende.billing.services.boletos import boleto_issue
from atende.billing.services.invoices import InvoiceInput, ItemInput, invoice_create
from atende.customers.tests.factories import CustomerFactory
from atende.tenancy.context import activate
from atende.tenancy.models import Member

BENEFICIARY = {
    "beneficiary_name": "Alfa Provedor Ltda",
    "beneficiary_document": "11222333000181",
    "beneficiary_address": "Rua Barão de Jaguara, 1000",
    "beneficiary_city": "Campinas",
    "beneficiary_state": "SP",
    "beneficiary_postal_code": "13015002",
}

# One account per bank, each accepted by atende.banking (agency, account, agreement, carteira).
ACCOUNTS: dict[str, dict[str, str]] = {
    "001": {"agency": "4042", "agency_digit": "8", "account": "61900", "account_digit": "1",
            "agreement": "1234567", "wallet": "17"},
    "033": {"agency": "0059", "account": "013000123", "agreement": "1899775", "wallet": "102"},
    "104": {"agency": "1234", "account": "", "agreement": "123456", "agreement_digit": "0",
            "wallet": "14", "modality": "14"},
    "237": {"agency": "1172", "account": "0403005", "account_digit": "2", "wallet": "09"},
    "341": {"agency": "0057", "account": "12345", "account_digit": "7", "wallet": "109"},
    "748": {"agency": "0165", "account": "", "posto": "02", "agreement": "00623", "wallet": "1"},
    "756": {"agency": "4327", "account": "417270", "agreement": "0229385", "wallet": "1",
            "modality": "01"},
}  # fmt: skip


def bank_account(organization, bank: str = "237", **fields) -> BankAccount:
    with activate(organization):
        values = {
            "name": f"Conta {bank}",
            "bank": bank,
            **BENEFICIARY,
            **ACCOUNTS[bank],
            "fine_percent": Decimal("2"),
            "monthly_interest_percent": Decimal("1"),
            "pix_key": "11222333000181",
            **fields,
        }
        return BankAccount.objects.create(**values)


def invoice(
    organization,
    *,
    actor: Member,
    customer=None,
    account: BankAccount | None = None,
    amount: Decimal = Decimal("150.00"),
    due_date: date | None = None,
    issue_date: date | None = None,
    description: str = "Mensalidade",
) -> Invoice:
    with activate(organization):
        customer = customer or CustomerFactory(organization=organization)
        account = account or bank_account(organization)
        issue_date = issue_date or timezone.localdate()
        return invoice_create(
            actor=actor,
            customer=customer,
            data=InvoiceInput(
                description=description,
                due_date=due_date or issue_date + timedelta(days=10),
                items=[ItemInput(description, Decimal(1), amount)],
                bank_account=account,
                issue_date=issue_date,
            ),
        )


def issued_boleto(organization, *, actor: Member, **invoice_fields):
    """An invoice with its boleto issued."""
    made = invoice(organization, actor=actor, **invoice_fields)
    with activate(organization):
        return boleto_issue(actor=actor, invoice=made)
