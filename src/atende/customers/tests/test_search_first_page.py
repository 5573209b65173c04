"""A search of several words ("lima joao") on the customer list: every word, in any order, and
only the active organization's customers. On PostgreSQL a first page in name order is read among
the first matches in the search index's name order (tenancy 0016), and from every match when too
few of those pass the list's filters; both give the rows that reading every match gives. SQLite
filters by the row's own text."""

import pytest

from atende.customers import selectors
from atende.customers.selectors import CustomerFilters, customer_list, customer_results
from atende.customers.tests.factories import CustomerFactory
from atende.tenancy.context import activate
from atende.tenancy.urls import org_reverse

pytestmark = pytest.mark.django_db


@pytest.fixture
def both_organizations(organization, other_organization):
    ours = {
        name: CustomerFactory(organization=organization, name=name)
        for name in ["João Cardoso Lima", "João Pereira", "Maria Lima", "Lima & Souza Ltda"]
    }
    # The same name, and more "lima joao" matches, in another organization.
    theirs = {
        name: CustomerFactory(organization=other_organization, name=name)
        for name in ["João Cardoso Lima", "Ana João Lima", "Joãozinho Lima"]
    }
    return ours, theirs


def test_lima_joao_finds_joao_cardoso_lima_of_this_organization_only(
    both_organizations, admin_member, client_as, organization
):
    ours, _ = both_organizations

    results = customer_results(actor=admin_member, filters=CustomerFilters(search="lima joao"))
    response = client_as(admin_member).get(
        org_reverse("customers:list", organization=organization), {"q": "LIMA  joão"}
    )

    assert [c.pk for c in results.page.items] == [ours["João Cardoso Lima"].pk]
    assert (results.count.value, results.count.is_more) == (1, False)
    assert [c.pk for c in response.context["page"].items] == [ours["João Cardoso Lima"].pk]


def test_the_other_organization_finds_its_own_lima_joao(
    both_organizations, other_member, other_organization
):
    _, theirs = both_organizations

    with activate(other_organization):
        results = customer_results(actor=other_member, filters=CustomerFilters(search="lima joao"))

    assert [c.pk for c in results.page.items] == [
        theirs["Ana João Lima"].pk,
        theirs["João Cardoso Lima"].pk,
        theirs["Joãozinho Lima"].pk,
    ]


@pytest.fixture
def many_lima_joao(organization, other_organization):
    """Twelve "João … Lima" here, every third inactive, and an earlier-sorting one elsewhere."""
    for index in range(12):
        CustomerFactory(
            organization=organization, name=f"João Lima {index:02}", is_active=index % 3 != 0
        )
    CustomerFactory(organization=organization, name="Pedro Souza")
    CustomerFactory(organization=other_organization, name="Aaa João Lima")
    return [f"João Lima {index:02}" for index in range(12) if index % 3 != 0]


def _walk(actor, sort, size):
    names, cursor = [], None
    while True:
        page = customer_list(
            actor=actor,
            filters=CustomerFilters(search="lima joao", sort=sort),
            cursor=cursor,
            size=size,
        )
        names += [customer.name for customer in page.items]
        if page.next_cursor is None:
            return names
        cursor = page.next_cursor


# 1 candidate per row: the first page's candidates hold too few active customers, so it reads
# every match; 4: the candidates hold the first page.
@pytest.mark.parametrize("candidates_per_row", [1, 4])
@pytest.mark.parametrize("size", [1, 2, 3])
@pytest.mark.parametrize("sort", ["name", "-name"])
def test_pages_of_a_several_word_search_are_those_of_every_match(
    many_lima_joao, admin_member, monkeypatch, candidates_per_row, size, sort
):
    monkeypatch.setattr(selectors, "CANDIDATES_PER_ROW", candidates_per_row)

    names = _walk(admin_member, sort, size)

    assert names == (many_lima_joao if sort == "name" else many_lima_joao[::-1])


@pytest.mark.parametrize("candidates_per_row", [1, 4])
def test_the_first_page_counts_every_match(
    many_lima_joao, admin_member, monkeypatch, candidates_per_row
):
    monkeypatch.setattr(selectors, "CANDIDATES_PER_ROW", candidates_per_row)

    results = customer_results(
        actor=admin_member, filters=CustomerFilters(search="joao lima"), size=2
    )

    assert [c.name for c in results.page.items] == many_lima_joao[:2]
    assert (results.count.value, results.count.is_more) == (8, False)
