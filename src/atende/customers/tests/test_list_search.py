"""The customer list as people meet it: names in reading order on both databases, a result count
that stops at a limit, "previous" beside "next", the contact a customer was found through,
and the phone's compact cards and "More" tab menu."""

import pytest
from django.db import connection

from atende.customers import selectors
from atende.customers.selectors import CustomerFilters, customer_list
from atende.customers.services.contacts import contact_save
from atende.customers.tests.factories import CustomerFactory
from atende.tenancy.urls import org_reverse

pytestmark = pytest.mark.django_db

READING_ORDER = ["alberto Reis", "Álvaro Dias", "Amanda Luz", "Éder Sá", "Edson Lima", "Zeca Prado"]


def _list_url(organization):
    return org_reverse("customers:list", organization=organization)


@pytest.fixture
def named(organization):
    for name in [
        "Zeca Prado",
        "Éder Sá",
        "Amanda Luz",
        "alberto Reis",
        "Edson Lima",
        "Álvaro Dias",
    ]:
        CustomerFactory(organization=organization, name=name)


def _walk(actor, sort, size):
    names, cursor = [], None
    while True:
        page = customer_list(
            actor=actor, filters=CustomerFilters(sort=sort), cursor=cursor, size=size
        )
        names += [customer.name for customer in page.items]
        if page.next_cursor is None:
            return names
        cursor = page.next_cursor


@pytest.mark.parametrize("size", [2, 4, 50])
def test_names_are_in_reading_order_across_pages(named, admin_member, size):
    # The stored key decides (atende.core.sorting), whatever the database's collation.
    expected = READING_ORDER
    assert _walk(admin_member, "name", size) == expected
    assert _walk(admin_member, "-name", size) == expected[::-1]


def test_cities_sort_in_reading_order_then_by_name(organization, admin_member):
    for name, city in [("B", "Santos"), ("A", "São Paulo"), ("C", "Salvador"), ("D", "Águas")]:
        CustomerFactory(organization=organization, name=name, city=city)
    assert _walk(admin_member, "city", 3) == ["D", "C", "B", "A"]


# --- previous page ---


@pytest.fixture
def many(organization):
    for index in range(130):
        CustomerFactory(organization=organization, name=f"Cliente {index:03}")


def test_previous_goes_back_page_by_page_to_the_first(many, admin_member):
    filters = CustomerFilters()
    first = customer_list(actor=admin_member, filters=filters, size=50)
    second = customer_list(actor=admin_member, filters=filters, cursor=first.next_cursor, size=50)
    third = customer_list(actor=admin_member, filters=filters, cursor=second.next_cursor, size=50)
    assert first.previous_cursor is None
    assert [c.name for c in third.items][0] == "Cliente 100"

    back = customer_list(actor=admin_member, filters=filters, cursor=third.previous_cursor, size=50)
    assert [c.pk for c in back.items] == [c.pk for c in second.items]
    assert back.next_cursor
    assert back.previous_cursor
    forward_again = customer_list(
        actor=admin_member, filters=filters, cursor=back.next_cursor, size=50
    )
    assert [c.pk for c in forward_again.items] == [c.pk for c in third.items]

    start = customer_list(actor=admin_member, filters=filters, cursor=back.previous_cursor, size=50)
    assert [c.pk for c in start.items] == [c.pk for c in first.items]
    assert (start.is_first, start.previous_cursor) == (True, None)


def test_previous_near_the_start_gives_the_full_first_page(organization, admin_member):
    for index in range(7):
        CustomerFactory(organization=organization, name=f"Nome {index}")
    filters = CustomerFilters()
    # A cursor after row 3, as if rows had been added before it since the page was opened.
    second = customer_list(
        actor=admin_member,
        filters=filters,
        cursor=customer_list(actor=admin_member, filters=filters, size=3).next_cursor,
        size=5,
    )
    back = customer_list(actor=admin_member, filters=filters, cursor=second.previous_cursor, size=5)
    assert [c.name for c in back.items] == [f"Nome {index}" for index in range(5)]
    assert back.is_first is True


def test_the_page_links_previous_and_next(many, client_as, admin_member, organization):
    client = client_as(admin_member)
    first = client.get(_list_url(organization))
    second = client.get(_list_url(organization), {"cursor": first.context["page"].next_cursor})
    body = second.content.decode()
    assert 'rel="prev"' in body
    assert 'rel="next"' in body
    assert 'rel="prev"' not in first.content.decode()
    previous = client.get(
        _list_url(organization), {"cursor": second.context["page"].previous_cursor}
    )
    assert [c.pk for c in previous.context["page"].items] == [
        c.pk for c in first.context["page"].items
    ]


@pytest.mark.parametrize(
    "cursor", ["eyJiZWZvcmUiOjF9", "eyJhZnRlciI6WzEsMl19", "eyJiZWZvcmUiOlsxXX0"]
)
def test_a_crafted_previous_cursor_is_a_400(client_as, admin_member, organization, cursor):
    # {"before":1}, {"after":[1,2]}, {"before":[1]}: wrong shapes, never a page or a 500
    response = client_as(admin_member).get(_list_url(organization), {"cursor": cursor})
    assert response.status_code == 400


# --- the result count ---


def test_the_count_is_exact_within_one_page(organization, client_as, admin_member):
    for name in ["Lima Um", "Lima Dois", "Outro"]:
        CustomerFactory(organization=organization, name=name)
    response = client_as(admin_member).get(_list_url(organization), {"q": "lima"})
    assert "2 clientes" in response.content.decode()


def test_the_count_stops_at_the_limit(many, organization, client_as, admin_member, monkeypatch):
    monkeypatch.setattr(selectors, "COUNT_LIMIT", 100)
    client = client_as(admin_member)
    assert "Mais de 100 clientes" in client.get(_list_url(organization)).content.decode()
    monkeypatch.setattr(selectors, "COUNT_LIMIT", 1000)
    assert "130 clientes" in client.get(_list_url(organization)).content.decode()


def test_the_count_follows_the_record_rules(many, organization, client_as, member):
    from django.contrib.auth.models import Permission

    from atende.accounts.tests.factories import SectorFactory
    from atende.customers.models import Customer

    sector = SectorFactory(organization=organization)
    sector.permissions.set(Permission.objects.filter(codename="view_customer"))
    member.sector, member.only_own_portfolio = sector, True
    member.save()
    Customer.objects.filter(name__in=["Cliente 001", "Cliente 002"]).update(owner=member)

    body = client_as(member).get(_list_url(organization)).content.decode()
    assert "2 clientes" in body


def test_search_pages_keep_a_fixed_query_count(
    many, organization, client_as, admin_member, django_assert_num_queries
):
    client = client_as(admin_member)
    first = client.get(_list_url(organization), {"q": "cliente"}, HTTP_HX_REQUEST="true")
    cursor = first.context["page"].next_cursor
    # session, user, organization, member, page, capped count (no contacts are read: every
    # customer matched by its own name, so none needs a reason); PostgreSQL adds the probe of
    # the search index
    probe = 1 if connection.vendor == "postgresql" else 0
    with django_assert_num_queries(6 + probe):
        client.get(
            _list_url(organization), {"q": "cliente", "cursor": cursor}, HTTP_HX_REQUEST="true"
        )


# --- found through a contact ---


@pytest.fixture
def bakery(organization, admin_member):
    customer = CustomerFactory(organization=organization, name="Padaria Pão Quente")
    contact_save(actor=admin_member, customer=customer, name="Zélia Duncan", email="z@pao.com.br")
    contact_save(actor=admin_member, customer=customer, name="Rita Lee", email="rita@pao.com.br")
    return customer


@pytest.mark.parametrize(
    ("term", "reason"),
    [
        ("rita", "Rita Lee"),
        ("zelia", "Zélia Duncan"),
        ("lee padaria", "Rita Lee"),  # one word in the customer, one in the contact
        ("padaria", None),
        ("pao quente", None),
    ],
)
def test_the_list_says_which_contact_a_customer_was_found_through(
    bakery, organization, client_as, admin_member, term, reason
):
    response = client_as(admin_member).get(_list_url(organization), {"q": term})
    body = response.content.decode()
    [customer] = response.context["page"].items
    assert customer.pk == bakery.pk
    if reason:
        assert f"Encontrado pelo contato {reason}" in body
    else:
        assert "Encontrado pelo contato" not in body


def test_words_in_any_order_accents_and_case_ignored(organization, client_as, admin_member):
    CustomerFactory(organization=organization, name="João Cardoso Lima")
    CustomerFactory(organization=organization, name="João Pereira")
    response = client_as(admin_member).get(_list_url(organization), {"q": "LIMA joao"})
    assert [c.name for c in response.context["page"].items] == ["João Cardoso Lima"]


# --- the phone: compact cards and the "More" tab menu ---


def test_list_rows_carry_the_card_classes(organization, client_as, admin_member):
    CustomerFactory(organization=organization, name="Cartão")
    body = client_as(admin_member).get(_list_url(organization)).content.decode()
    assert 'class="list customer-cards"' in body
    assert 'class="card-title"' in body


def test_customer_page_offers_the_tabs_past_the_third_in_a_more_menu(
    organization, client_as, admin_member
):
    customer = CustomerFactory(organization=organization)
    client = client_as(admin_member)
    page = client.get(
        org_reverse(
            "customers:tab", organization=organization, number=customer.number, tab="emails"
        )
    ).content.decode()

    start = page.index('class="tab-row"')
    row = page[start : page.index("</details>", start)]
    assert 'class="tabs-more"' in row
    assert "<summary>Mais" in row
    menu = row[row.index('class="tabs-more"') :]
    # The first tab and the current one stay in the row; every other tab is in the menu.
    assert 'aria-current="page">E-mails e SMS<' in row
    assert "E-mails e SMS" not in menu
    assert "Cadastro" not in menu
    for label in ["Contatos", "Observações", "Documentos", "Histórico"]:
        assert label in menu


def test_the_api_hands_out_the_previous_cursor_too(many, client, admin_member):
    import json

    from atende.accounts.services.tokens import api_token_create

    _, token = api_token_create(actor=admin_member, name="paginas")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    first = json.loads(client.get("/api/v1/customers", **auth).content)
    second = json.loads(
        client.get("/api/v1/customers", {"cursor": first["next_cursor"]}, **auth).content
    )
    back = json.loads(
        client.get("/api/v1/customers", {"cursor": second["previous_cursor"]}, **auth).content
    )
    assert first["previous_cursor"] is None
    assert [c["number"] for c in back["items"]] == [c["number"] for c in first["items"]]


@pytest.mark.parametrize("probe_limit", [3000, 2])
def test_rare_and_common_terms_read_the_same_rows(
    organization, admin_member, monkeypatch, probe_limit
):
    # PostgreSQL reads a term's rows by id up to the probe limit and by its own text beyond;
    # both ways give the same pages, reasons and count (SQLite always filters by text).
    from atende.tenancy import search

    monkeypatch.setattr(search, "PROBE_LIMIT", probe_limit)
    for index in range(7):
        CustomerFactory(organization=organization, name=f"Ana Silva {index}")
    CustomerFactory(organization=organization, name="Silvana Prado", is_active=False)
    CustomerFactory(organization=organization, name="Outra Pessoa")
    filters = CustomerFilters(search="silva")

    first = selectors.customer_results(actor=admin_member, filters=filters, size=3)
    second = selectors.customer_results(
        actor=admin_member, filters=filters, cursor=first.page.next_cursor, size=3
    )
    back = customer_list(
        actor=admin_member, filters=filters, cursor=second.page.previous_cursor, size=3
    )

    assert [c.name for c in first.page.items + second.page.items] == [
        f"Ana Silva {index}" for index in range(6)
    ]
    assert [c.pk for c in back.items] == [c.pk for c in first.page.items]
    assert (second.count.value, second.count.is_more) == (7, False)


@pytest.mark.parametrize(("probe_limit", "count_limit"), [(2, 3), (4, 2), (3000, 3)])
def test_the_count_of_a_common_term_stops_at_the_limit(
    organization, admin_member, monkeypatch, probe_limit, count_limit
):
    from atende.tenancy import search

    monkeypatch.setattr(search, "PROBE_LIMIT", probe_limit)
    monkeypatch.setattr(selectors, "COUNT_LIMIT", count_limit)
    for index in range(7):
        CustomerFactory(organization=organization, name=f"Ana Silva {index}")

    results = selectors.customer_results(
        actor=admin_member, filters=CustomerFilters(search="silva"), size=2
    )

    assert (results.count.value, results.count.is_more) == (count_limit, True)
