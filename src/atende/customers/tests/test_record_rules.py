"""Record rules (T4): "only my portfolio" and sectors limited to categories, on every path."""

import pytest
from django.contrib.auth.models import Permission
from django.http import Http404

from atende.accounts.tests.factories import SectorFactory
from atende.customers.models import SectorCategory
from atende.customers.selectors import CustomerFilters, customer_get, customer_list, customer_search
from atende.customers.tests.factories import CategoryFactory, CustomerFactory
from atende.tenancy.urls import org_reverse

pytestmark = pytest.mark.django_db


@pytest.fixture
def sales_sector(organization):
    sector = SectorFactory(organization=organization, name="Comercial")
    sector.permissions.set(
        Permission.objects.filter(
            content_type__app_label="customers", codename__in=["view_customer", "change_customer"]
        )
    )
    return sector


@pytest.fixture
def salesperson(member, sales_sector):
    member.sector = sales_sector
    member.only_own_portfolio = True
    member.save()
    return member


def test_portfolio_member_sees_only_own_customers_everywhere(
    salesperson, organization, admin_member, client_as
):
    mine = CustomerFactory(organization=organization, name="Meu Cliente", owner=salesperson)
    theirs = CustomerFactory(organization=organization, name="Cliente do Admin", owner=admin_member)

    listed = customer_list(actor=salesperson, filters=CustomerFilters()).items
    assert listed == [mine]
    assert customer_search(actor=salesperson, term="cliente") == [mine]
    assert customer_get(actor=salesperson, number=mine.number) == mine
    with pytest.raises(Http404):
        customer_get(actor=salesperson, number=theirs.number)

    client = client_as(salesperson)
    detail = org_reverse("customers:detail", organization=organization, number=theirs.number)
    assert client.get(detail).status_code == 404
    assert (
        "Cliente do Admin"
        not in client.get(
            org_reverse("customers:list", organization=organization) + "?q=cliente"
        ).content.decode()
    )


def test_sector_limited_to_a_category_sees_only_it(member, organization, client_as):
    hr = SectorFactory(organization=organization, name="RH")
    hr.permissions.set(
        Permission.objects.filter(content_type__app_label="customers", codename="view_customer")
    )
    staff = CategoryFactory(organization=organization, name="Colaborador")
    clients = CategoryFactory(organization=organization, name="Cliente")
    SectorCategory.objects.create(sector=hr, category=staff)
    member.sector = hr
    member.save()
    colleague = CustomerFactory(organization=organization, name="Carla", category=staff)
    buyer = CustomerFactory(organization=organization, name="Carlos", category=clients)

    assert customer_list(actor=member, filters=CustomerFilters()).items == [colleague]
    assert customer_search(actor=member, term="carl") == [colleague]
    client = client_as(member)
    url = org_reverse("customers:detail", organization=organization, number=buyer.number)
    assert client.get(url).status_code == 404


def test_administrator_sees_everything(admin_member, organization):
    CustomerFactory(organization=organization, owner=None)
    assert len(customer_list(actor=admin_member, filters=CustomerFilters()).items) == 1


def test_member_without_view_permission_gets_403_on_the_list(member, organization, client_as):
    response = client_as(member).get(org_reverse("customers:list", organization=organization))
    assert response.status_code == 403


def test_duplicate_document_outside_the_portfolio_does_not_name_the_customer(
    salesperson, organization, admin_member
):
    from atende.core.errors import DomainError
    from atende.customers.services.customers import customer_update

    theirs = CustomerFactory(organization=organization, name="Cliente Sigiloso", owner=admin_member)
    mine = CustomerFactory(organization=organization, owner=salesperson, document="")

    with pytest.raises(DomainError) as refused:
        customer_update(actor=salesperson, customer=mine, document=theirs.document)
    assert refused.value.message == "Este CPF já está cadastrado."
    assert refused.value.field == "document"


def test_member_without_the_view_permission_reads_no_customer(member, organization, client_as):
    customer = CustomerFactory(organization=organization, name="Cliente Qualquer")
    client = client_as(member)  # `member` has no sector: no customer permission at all

    assert customer_list(actor=member, filters=CustomerFilters()).items == []
    with pytest.raises(Http404):
        customer_get(actor=member, number=customer.number)
    for tab in ("cadastro", "contatos", "historico"):
        url = org_reverse(
            "customers:tab", organization=organization, number=customer.number, tab=tab
        )
        assert client.get(url).status_code == 404
