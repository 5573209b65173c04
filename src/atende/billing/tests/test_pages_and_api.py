"""Billing pages and API as members meet them: the list and its filters, an invoice with its
boleto, the customer's Financeiro tab, bank account settings — and what they refuse."""

import json
from datetime import timedelta
from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.utils import timezone

from atende.accounts.tests.factories import MemberFactory, SectorFactory
from atende.billing.models import BankAccount, Boleto, Invoice, InvoiceStatus
from atende.billing.selectors import last_on_time_due_date
from atende.billing.tests.factories import ACCOUNTS, BENEFICIARY, bank_account, invoice
from atende.customers.tests.factories import CustomerFactory
from atende.tenancy.urls import org_reverse

pytestmark = pytest.mark.django_db
D = Decimal


def url(organization, name, **kwargs):
    return org_reverse(name, organization=organization, **kwargs)


def test_an_invoice_made_in_the_form_gets_its_boleto(organization, admin_member, client_as):
    customer = CustomerFactory(organization=organization, name="Mercado Bom Preço")
    account = bank_account(organization, "001")
    due = (timezone.localdate() + timedelta(days=7)).isoformat()
    response = client_as(admin_member).post(
        url(organization, "billing:invoice_new"),
        {
            "customer": customer.number,
            "bank_account": account.pk,
            "description": "Manutenção mensal",
            "due_date": due,
            "issue_boleto": "on",
            "itens-TOTAL_FORMS": "3",
            "itens-INITIAL_FORMS": "0",
            "itens-0-description": "Horas",
            "itens-0-quantity": "1,5",
            "itens-0-unit_price": "1.200,50",
        },  # fmt: skip
        follow=True,
    )
    made = Invoice.objects.get()
    assert made.amount == D("1800.75")
    boleto = Boleto.objects.get()
    page = response.content.decode()
    assert f"Título {made.number} criado e boleto {boleto.number} emitido." in page
    assert boleto.linha_digitavel in page
    assert "R$ 1.800,75" in page


def test_the_form_shows_every_error_and_writes_nothing(organization, admin_member, client_as):
    account = bank_account(organization)
    response = client_as(admin_member).post(
        url(organization, "billing:invoice_new"),
        {
            "customer": "999",
            "bank_account": account.pk,
            "description": "",
            "due_date": "2026-13-01",
            "itens-TOTAL_FORMS": "1",
            "itens-INITIAL_FORMS": "0",
            "itens-0-description": "Horas",
            "itens-0-quantity": "",
            "itens-0-unit_price": "x",
        },  # fmt: skip
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Este campo é obrigatório." in page
    assert "Informe a quantidade." in page or "quantidade" in page.lower()
    assert not Invoice.objects.exists()


def test_the_list_filters_overdue_by_business_day(organization, admin_member, client_as):
    customer = CustomerFactory(organization=organization)
    account = bank_account(organization)
    today = timezone.localdate()
    cutoff = last_on_time_due_date(today)
    late = invoice(
        organization,
        actor=admin_member,
        customer=customer,
        account=account,
        issue_date=cutoff - timedelta(days=30),
        due_date=cutoff,
        description="Atrasado",
    )
    on_time = invoice(organization, actor=admin_member, customer=customer, account=account,
                      issue_date=today, due_date=today, description="Em dia")  # fmt: skip
    response = client_as(admin_member).get(
        url(organization, "billing:invoices"), {"situacao": "overdue"}
    )
    page = response.content.decode()
    assert "Atrasado" in page
    assert "Em dia" not in page
    assert late.number != on_time.number


@pytest.mark.parametrize(
    "query", [{"situacao": "x"}, {"de": "2026-02-30"}, {"cliente": "9" * 12}, {"cursor": "!!"}]
)
def test_a_crafted_list_query_is_a_400(organization, admin_member, client_as, query):
    response = client_as(admin_member).get(url(organization, "billing:invoices"), query)
    assert response.status_code == 400


def test_the_financial_tab_shows_the_statement(organization, admin_member, client_as):
    customer = CustomerFactory(organization=organization)
    account = bank_account(organization)
    today = timezone.localdate()
    invoice(organization, actor=admin_member, customer=customer, account=account,
            amount=D("100.00"), issue_date=today - timedelta(days=60),
            due_date=today - timedelta(days=40))  # fmt: skip
    invoice(organization, actor=admin_member, customer=customer, account=account,
            amount=D("50.25"), due_date=today + timedelta(days=20))  # fmt: skip
    response = client_as(admin_member).get(
        url(organization, "customers:tab", number=customer.number, tab="financeiro")
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "R$ 150,25" in page  # open and balance
    assert "R$ 100,00" in page  # overdue


def test_a_member_outside_the_portfolio_sees_no_invoice_of_that_customer(
    organization, admin_member, client_as
):
    sector = SectorFactory(organization=organization, name="Cobrança")
    sector.permissions.set(
        Permission.objects.filter(codename__in=["view_invoice", "view_customer"])
    )
    seller = MemberFactory(organization=organization, sector=sector, only_own_portfolio=True)
    theirs = invoice(
        organization,
        actor=admin_member,
        customer=CustomerFactory(organization=organization, owner=seller),
    )
    other = invoice(organization, actor=admin_member)
    client = client_as(seller)
    assert client.get(url(organization, "billing:invoice", number=theirs.number)).status_code == 200
    assert client.get(url(organization, "billing:invoice", number=other.number)).status_code == 404
    listed = client.get(url(organization, "billing:invoices")).content.decode()
    assert f">{theirs.number}<" in listed
    assert f">{other.number}<" not in listed


def test_bank_account_settings_show_the_banking_cores_refusal(
    organization, admin_member, client_as
):
    body = {"name": "Caixa", "bank": "104", **BENEFICIARY, **ACCOUNTS["104"],
            "agreement_digit": "7", "next_nosso_numero": "1", "boleto_fee": "2,50",
            "fine_percent": "2", "monthly_interest_percent": "1", "is_active": "on"}  # fmt: skip
    client = client_as(admin_member)
    response = client.post(url(organization, "billing:bank_account_new"), body)
    assert response.status_code == 400
    assert "DV do código do beneficiário não confere" in response.content.decode()
    assert not BankAccount.objects.exists()
    response = client.post(
        url(organization, "billing:bank_account_new"), {**body, "agreement_digit": "0"}
    )
    assert response.status_code == 302
    assert BankAccount.objects.get().boleto_fee == D("2.50")


def test_the_api_creates_lists_and_issues_like_the_form(organization, admin_member, client):
    from atende.accounts.services.tokens import api_token_create  # noqa: PLC0415

    customer = CustomerFactory(organization=organization)
    account = bank_account(organization, "756")
    _token, secret = api_token_create(actor=admin_member, name="ERP")
    headers = {"HTTP_AUTHORIZATION": f"Bearer {secret}"}
    due = (timezone.localdate() + timedelta(days=5)).isoformat()
    item = {"description": "Plano", "quantity": "2", "unit_price": "49.95"}
    body = {"customer_number": customer.number, "bank_account_id": account.pk,
            "description": "Pela API", "due_date": due, "items": [item]}  # fmt: skip
    created = client.post(
        "/api/v1/invoices", json.dumps(body), content_type="application/json", **headers
    )
    assert created.status_code == 201, created.content
    number = created.json()["number"]
    assert created.json()["amount"] == "99.90"
    issued = client.post(f"/api/v1/invoices/{number}/boleto", **headers)
    assert issued.status_code == 201
    assert issued.json()["bank"] == "756"
    listed = client.get("/api/v1/invoices", {"status": "open"}, **headers).json()
    assert [item["number"] for item in listed["items"]] == [number]
    pdf = client.get(f"/api/v1/boletos/{issued.json()['number']}/pdf", **headers)
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    # What the form refuses, the API refuses too: three decimal places, a float.
    for bad in ({"unit_price": "1.005"}, {"unit_price": 1.5}):
        item = {**body["items"][0], **bad}
        refused = client.post("/api/v1/invoices", json.dumps({**body, "items": [item]}),
                              content_type="application/json", **headers)  # fmt: skip
        assert refused.status_code in (400, 422)
    assert Invoice.objects.count() == 1
    assert Invoice.objects.get().status == InvoiceStatus.OPEN


def test_the_customers_manager_downloads_the_boleto_in_the_portal(organization, admin_member):
    from atende.accounts.tests.factories import TEST_PASSWORD  # noqa: PLC0415
    from atende.billing.tests.factories import issued_boleto  # noqa: PLC0415
    from atende.portal.tests.isolation import portal_account_for  # noqa: PLC0415

    manager = portal_account_for(organization)
    manager.sees_all_customer_requests = True
    manager.save()
    contact = portal_account_for(organization)
    contact.contact.customer = manager.contact.customer
    contact.contact.save()
    boleto = issued_boleto(organization, actor=admin_member, customer=manager.contact.customer)
    pdf_url = f"/{organization.slug}/webdesk/financeiro/boletos/{boleto.number}/pdf/"
    for account, listed, status in ((manager, True, 200), (contact, False, 404)):
        client = Client()
        client.post(
            f"/{organization.slug}/webdesk/entrar/",
            {"email": account.email, "password": TEST_PASSWORD},
        )
        page = client.get(f"/{organization.slug}/webdesk/financeiro/").content.decode()
        assert ("Mensalidade" in page) is listed
        response = client.get(pdf_url)
        assert response.status_code == status
        if status == 200:
            assert response.content.startswith(b"%PDF")


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("description", "Mensal\x00idade"),
        ("description", "Linha\r\nBcc: x@y.z"),
        ("itens-0-unit_price", "9" * 60),
        ("itens-0-quantity", "1e999999"),
        ("discount", "NaN"),
        ("customer", "9" * 30),
        ("due_date", "0000-00-00"),
    ],
)
def test_hostile_form_input_is_refused_in_portuguese_and_writes_nothing(
    organization, admin_member, client_as, field, value
):
    account = bank_account(organization)
    customer = CustomerFactory(organization=organization)
    due = (timezone.localdate() + timedelta(days=7)).isoformat()
    body = {
        "customer": customer.number, "bank_account": account.pk, "description": "Mensalidade",
        "due_date": due, "itens-TOTAL_FORMS": "1", "itens-INITIAL_FORMS": "0",
        "itens-0-description": "Plano", "itens-0-quantity": "1", "itens-0-unit_price": "10",
    }  # fmt: skip
    response = client_as(admin_member).post(
        url(organization, "billing:invoice_new"), {**body, field: value}
    )
    assert response.status_code == 400
    page = response.content.decode()
    # Beside the field, or (a NUL byte) refused at the edge with the 400 page's message.
    assert 'class="error"' in page or "caracteres inválidos (nulos)" in page
    assert not Invoice.objects.exists()


def test_hostile_api_input_is_a_400_and_writes_nothing(organization, admin_member, client):
    from atende.accounts.services.tokens import api_token_create  # noqa: PLC0415

    account = bank_account(organization)
    customer = CustomerFactory(organization=organization)
    _token, secret = api_token_create(actor=admin_member, name="ERP")
    headers = {"HTTP_AUTHORIZATION": f"Bearer {secret}"}
    good = {"customer_number": customer.number, "bank_account_id": account.pk,
            "description": "Mensalidade", "due_date": "2030-01-10",
            "items": [{"description": "Plano", "unit_price": "10.00"}]}  # fmt: skip
    hostile = [
        {"description": "a\x00b"},
        {"customer_number": 10**30},
        {"items": [{"description": "Plano", "unit_price": "1" * 40}]},
        {"due_date": "2030-02-30"},
        {"discount": "-1"},
        {"items": []},
        {"extra": "campo"},
    ]
    for change in hostile:
        response = client.post(
            "/api/v1/invoices", json.dumps({**good, **change}),
            content_type="application/json", **headers,
        )  # fmt: skip
        assert response.status_code == 400, (change, response.status_code)
        assert response.json()["message"]
    for path in ("/api/v1/invoices/" + "9" * 40, "/api/v1/boletos/0/pdf"):
        assert client.get(path, **headers).status_code in (400, 404, 422)
    assert not Invoice.objects.exists()
