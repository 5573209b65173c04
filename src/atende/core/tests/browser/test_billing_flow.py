"""Billing end to end in Chromium: a member issues an invoice with its boleto through the
form, downloads the PDF, uploads the bank's return file that pays it and reads the report; the
invoice shows paid. Then the same on a phone for the lists: nothing wider than the screen, no
console error."""

from decimal import Decimal

import pytest
from django.utils import timezone

from atende.billing.models import Boleto, Invoice, InvoiceStatus
from atende.billing.sample_return import Paid, bradesco_400_return
from atende.billing.tests.factories import bank_account
from atende.core.tests.browser.conftest import DESKTOP, PHONE, sign_in
from atende.customers.tests.factories import CustomerFactory
from atende.tenancy.context import activate

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDER_THAN_THE_SCREEN = "document.documentElement.scrollWidth - window.innerWidth"


def test_invoice_boleto_pdf_and_return_file_settle_it(
    page_at, admin_member, organization, tmp_path
):
    with activate(organization):
        account = bank_account(organization, "237", agreement="4540691", next_nosso_numero=77)
        customer = CustomerFactory(organization=organization, name="Mercado Bom Preço Ltda")
    page = page_at(DESKTOP)
    sign_in(page, admin_member.user.email)
    base = f"{page.base}/{organization.slug}"
    due = timezone.localdate()

    page.goto(f"{base}/financeiro/titulos/novo/?cliente={customer.number}")
    page.select_option("#id_bank_account", str(account.pk))
    page.fill("#id_description", "Manutenção de dezembro")
    page.fill("#id_due_date", due.isoformat())
    page.fill("#id_itens-0-description", "Visita técnica")
    page.fill("#id_itens-0-quantity", "2")
    page.fill("#id_itens-0-unit_price", "150,25")
    page.click("main form .actions button[type=submit]")
    page.wait_for_selector("text=Título 1 criado e boleto 1 emitido.")
    with activate(organization):
        boleto = Boleto.objects.get()
    assert boleto.amount == Decimal("300.50")
    assert page.locator("code.linha", has_text=boleto.linha_digitavel).count() == 1

    with page.expect_download() as download:
        page.click("main a.button:has-text('PDF')")
    pdf = tmp_path / "boleto.pdf"
    download.value.save_as(pdf)
    assert pdf.read_bytes().startswith(b"%PDF")

    content = bradesco_400_return(
        agreement=account.agreement, wallet=account.wallet, agency=account.agency,
        account=account.account, account_digit=account.account_digit,
        occurrences=[Paid(77, boleto.amount, boleto.amount, due, due_date=due)], file_date=due,
    )  # fmt: skip
    file = tmp_path / "CB021201.RET"
    file.write_bytes(content)
    page.goto(f"{base}/financeiro/retornos/")
    page.set_input_files("input[type=file]", str(file))
    page.click("main form[enctype] button[type=submit]")
    page.wait_for_selector("text=CB021201.RET")
    assert page.locator("text=R$ 300,50").count() >= 1
    with activate(organization):
        assert Invoice.objects.get().status == InvoiceStatus.PAID

    page.goto(f"{base}/financeiro/titulos/1/")
    assert page.locator(".badge", has_text="Pago").count() >= 1
    assert page.errors == []


def test_billing_lists_fit_a_phone(page_at, admin_member, organization):
    with activate(organization):
        customer = CustomerFactory(organization=organization, name="Padaria Pão Quente")
    page = page_at(PHONE)
    sign_in(page, admin_member.user.email)
    base = f"{page.base}/{organization.slug}"
    for path in (
        "/financeiro/",
        "/financeiro/titulos/novo/",
        "/financeiro/retornos/",
        "/financeiro/baixa-manual/",
        "/financeiro/lotes/novo/",
        f"/clientes/{customer.number}/financeiro/",
        "/configuracoes/contas-bancarias/nova/",
    ):
        page.goto(base + path)
        assert page.evaluate(WIDER_THAN_THE_SCREEN) <= 0, path
    assert page.errors == []
