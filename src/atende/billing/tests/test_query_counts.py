"""Billing's main pages read a fixed number of queries, whatever the number of rows."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from atende.accounts.tests.factories import TEST_PASSWORD
from atende.billing.services.boletos import boleto_issue
from atende.billing.tests.factories import bank_account, invoice
from atende.customers.tests.factories import CustomerFactory
from atende.portal.tests.isolation import portal_account_for
from atende.tenancy.urls import org_reverse

pytestmark = pytest.mark.django_db


def _invoices(organization, actor, customer, rows):
    account = bank_account(organization)
    today = timezone.localdate()
    made = []
    for index in range(rows):
        one = invoice(organization, actor=actor, customer=customer, account=account,
                      due_date=today + timedelta(days=index + 1))  # fmt: skip
        boleto_issue(actor=actor, invoice=one)
        made.append(one)
    return made


@pytest.mark.parametrize("rows", [1, 4])
def test_staff_pages_have_a_fixed_query_count(
    organization, admin_member, client_as, django_assert_num_queries, rows
):
    customer = CustomerFactory(organization=organization)
    made = _invoices(organization, admin_member, customer, rows)
    client = client_as(admin_member)
    client.get(org_reverse("billing:invoices", organization=organization))  # warm the session
    # Session, member, organization and menus are the first reads of every page; then the
    # page's own: the list (one query); the invoice, items, boletos, payments and its history
    # (content type, entries, names); the customer
    # page's header plus the statement's totals and one page of invoices with their boletos.
    pages = {
        org_reverse("billing:invoices", organization=organization): 6,
        org_reverse("billing:invoice", organization=organization, number=made[0].number): 13,
        org_reverse(
            "customers:tab", organization=organization, number=customer.number, tab="financeiro"
        ): 11,
    }
    for url, expected in pages.items():
        with django_assert_num_queries(expected):
            assert client.get(url).status_code == 200


@pytest.mark.parametrize("rows", [1, 4])
def test_the_portal_financial_page_has_a_fixed_query_count(
    organization, admin_member, django_assert_num_queries, rows
):
    manager = portal_account_for(organization)
    manager.sees_all_customer_requests = True
    manager.save()
    _invoices(organization, admin_member, manager.contact.customer, rows)
    client = Client()
    client.post(
        f"/{organization.slug}/webdesk/entrar/", {"email": manager.email, "password": TEST_PASSWORD}
    )
    with django_assert_num_queries(5):
        assert client.get(f"/{organization.slug}/webdesk/financeiro/").status_code == 200
