"""One search box: name, trade name, code, e-mail, domain, CPF/CNPJ with or without mask,
phone; accent- and case-insensitive."""

import pytest

from atende.customers.selectors import CustomerFilters, customer_list, customer_search
from atende.customers.services.contacts import contact_save
from atende.customers.tests.factories import CustomerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def customers(organization, admin_member):
    joao = CustomerFactory(
        organization=organization,
        name="João D'Ávila",
        document="52998224725",
        email="joao@provedor.com.br",
        phone="(19) 3232-4545",
    )
    acme = CustomerFactory(
        organization=organization,
        kind="company",
        name="Acme Indústria Ltda",
        trade_name="Acme Parafusos",
        document="12ABC34501DE35",
    )
    contact_save(actor=admin_member, customer=acme, name="Zélia", email="zelia@acme.ind.br")
    return {"joao": joao, "acme": acme}


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("joao", "joao"),
        ("JOÃO", "joao"),
        ("davila", "joao"),
        ("avila", "joao"),
        ("maria", None),
        ("d'avila", "joao"),
        ("529.982.247-25", "joao"),
        ("52998224725", "joao"),
        ("provedor.com.br", "joao"),
        ("3232-4545", "joao"),
        ("parafusos", "acme"),
        ("12.ABC.345/01DE-35", "acme"),
        ("acme.ind.br", "acme"),
        ("zelia", "acme"),
    ],
)
def test_search_finds(customers, admin_member, term, expected):
    found = customer_search(actor=admin_member, term=term)
    assert [c.pk for c in found] == ([customers[expected].pk] if expected else [])


def test_search_by_code(customers, admin_member):
    page = customer_list(
        actor=admin_member, filters=CustomerFilters(search=str(customers["acme"].number))
    )
    assert customers["acme"] in page.items


def test_search_never_crosses_organizations(customers, other_member, other_organization):
    from atende.tenancy.context import activate

    with activate(other_organization):
        assert customer_search(actor=other_member, term="joao") == []
