"""Invoices and boletos (B1, B6): amounts from items, flags and account; the nosso número
taken once per boleto; the banking core's refusals shown in Portuguese; the PDF read back."""

import io
import shutil
import subprocess
from datetime import date
from decimal import Decimal

import pytest

from atende.banking.linha import parse_code
from atende.billing.models import Boleto, BoletoStatus, Invoice, InvoiceStatus
from atende.billing.services.bank_accounts import BankAccountInput, bank_account_save
from atende.billing.services.boletos import boleto_issue, write_boletos_pdf
from atende.billing.services.invoices import (
    InvoiceInput,
    ItemInput,
    invoice_cancel,
    invoice_create,
)
from atende.billing.tests.factories import ACCOUNTS, BENEFICIARY, bank_account, invoice
from atende.core.errors import DomainError, InvalidFields
from atende.customers.tests.factories import CustomerFactory

pytestmark = pytest.mark.django_db
D = Decimal


def test_an_invoice_sums_its_items_and_takes_fee_fine_and_interest_from_flags(
    organization, admin_member
):
    account = bank_account(organization, boleto_fee=D("3.50"))
    customer = CustomerFactory(
        organization=organization, charge_boleto_fee=True, charge_fines_and_interest=True
    )
    made = invoice_create(
        actor=admin_member,
        customer=customer,
        data=InvoiceInput(
            description="Serviços de dezembro",
            due_date=date(2026, 12, 10),
            issue_date=date(2026, 12, 1),
            items=[ItemInput("Horas técnicas", D("2.5"), D("80.33")), ItemInput("Visita", 1, "50")],
            bank_account=account,
        ),
    )
    # 2.5 × 80.33 = 200.825 → 200.83 (half up), + 50.00 + fee 3.50
    assert [item.total for item in made.items.all()] == [D("200.83"), D("50.00")]
    assert (made.amount, made.fee, made.fine_percent, made.monthly_interest_percent) == (
        D("254.33"), D("3.50"), D("2.000"), D("1.000")
    )  # fmt: skip
    assert (made.number, made.status) == (1, InvoiceStatus.OPEN)

    plain = CustomerFactory(
        organization=organization, charge_boleto_fee=False, charge_fines_and_interest=False
    )
    other = invoice(organization, actor=admin_member, customer=plain, account=account)
    assert (other.fee, other.fine_percent, other.amount, other.number) == (0, 0, D("150.00"), 2)


def test_every_refusal_of_an_invoice_comes_at_once_and_nothing_is_written(
    organization, admin_member
):
    customer = CustomerFactory(organization=organization)
    with pytest.raises(InvalidFields) as refused:
        invoice_create(
            actor=admin_member,
            customer=customer,
            data=InvoiceInput(
                description="x" * 300,
                due_date=date(2026, 11, 1),
                issue_date=date(2026, 12, 1),
                items=[ItemInput("Serviço", "1", "10.005"), ItemInput("", "-1", "5")],
                discount="20",
            ),
        )
    errors = refused.value.errors
    assert "O vencimento não pode ser antes da emissão." in errors["due_date"]
    assert any("duas casas decimais" in message for message in errors["items"])
    assert any("Item 2: informe a descrição." in message for message in errors["items"])
    assert set(errors) >= {"due_date", "items", "discount", "description"}
    assert not Invoice.objects.exists()


@pytest.mark.parametrize("bank", sorted(ACCOUNTS))
def test_a_boleto_of_each_bank_reads_back_with_the_amount_due_date_and_bank(
    organization, admin_member, bank
):
    account = bank_account(organization, bank, next_nosso_numero=41)
    made = invoice(
        organization, actor=admin_member, account=account, amount=D("1234.56"),
        due_date=date(2026, 12, 21), issue_date=date(2026, 12, 2),
    )  # fmt: skip
    boleto = boleto_issue(actor=admin_member, invoice=made)
    parsed = parse_code(boleto.linha_digitavel)  # the banking core's reader, not our writer
    assert parsed.bank == bank
    assert parsed.amount == D("1234.56")
    assert parsed.due_date == date(2026, 12, 21)
    assert parse_code(boleto.barcode).barcode == boleto.barcode
    assert boleto.nosso_numero == 41
    account.refresh_from_db()
    assert account.next_nosso_numero == 42
    assert boleto.pix_payload.startswith("000201")


def test_a_second_live_boleto_and_a_boleto_of_a_cancelled_invoice_are_refused(
    organization, admin_member
):
    made = invoice(organization, actor=admin_member)
    boleto_issue(actor=admin_member, invoice=made)
    with pytest.raises(DomainError, match="já tem um boleto"):
        boleto_issue(actor=admin_member, invoice=made)
    invoice_cancel(actor=admin_member, invoice=made, reason="Cliente desistiu")
    made.refresh_from_db()
    assert made.status == InvoiceStatus.CANCELLED
    assert made.boletos.get().status == BoletoStatus.CANCELLED
    with pytest.raises(DomainError, match="não está em aberto"):
        boleto_issue(actor=admin_member, invoice=made)


def test_a_boleto_the_bank_refuses_takes_no_nosso_numero(organization, admin_member):
    # BB convênio of 7 digits takes a nosso número of at most 10 digits.
    account = bank_account(organization, "001", next_nosso_numero=99_999_999_999)
    made = invoice(organization, actor=admin_member, account=account)
    with pytest.raises(DomainError) as refused:
        boleto_issue(actor=admin_member, invoice=made)
    assert "nosso número" in refused.value.message.lower()
    account.refresh_from_db()
    assert account.next_nosso_numero == 99_999_999_999
    assert not Boleto.objects.exists()


def test_a_bank_account_is_checked_by_the_banking_core_before_it_is_saved(admin_member):
    data = BankAccountInput(
        name="Caixa",
        bank="104",
        agency="1234",
        account="",
        wallet="14",
        agreement="123456",
        agreement_digit="9",  # the DV of 123456 is 0
        modality="14",
        **BENEFICIARY,
    )
    with pytest.raises(InvalidFields) as refused:
        bank_account_save(actor=admin_member, data=data)
    assert "agreement_digit" in refused.value.errors or "agreement" in refused.value.errors
    wrong_pix = BankAccountInput(**{**data.__dict__, "agreement_digit": "0", "pix_key": "123"})
    with pytest.raises(InvalidFields) as refused:
        bank_account_save(actor=admin_member, data=wrong_pix)
    assert "pix_key" in refused.value.errors
    saved = bank_account_save(
        actor=admin_member, data=BankAccountInput(**{**wrong_pix.__dict__, "pix_key": ""})
    )
    assert saved.pk
    assert saved.next_nosso_numero == 1


def test_the_next_nosso_numero_cannot_go_back_below_one_already_used(organization, admin_member):
    account = bank_account(organization, "237", next_nosso_numero=10)
    boleto_issue(
        actor=admin_member, invoice=invoice(organization, actor=admin_member, account=account)
    )
    fields = {**BENEFICIARY, **ACCOUNTS["237"], "name": "Bradesco", "bank": "237"}
    with pytest.raises(DomainError, match="10 já foi usado"):
        bank_account_save(
            actor=admin_member,
            account=account,
            data=BankAccountInput(**fields, next_nosso_numero=5),
        )


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler) not installed")
def test_the_boleto_pdf_prints_the_stored_linha_digitavel(organization, admin_member):
    account = bank_account(organization, "341")
    customer = CustomerFactory(organization=organization, name="Padaria Pão Quente Ltda")
    made = invoice(organization, actor=admin_member, account=account, customer=customer)
    boleto = boleto_issue(actor=admin_member, invoice=made)
    output = io.BytesIO()
    assert write_boletos_pdf([boleto], output) == 1
    text = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=output.getvalue(), capture_output=True, check=True
    ).stdout.decode()
    assert boleto.linha_digitavel in text
    assert "Padaria Pão Quente Ltda" in text
