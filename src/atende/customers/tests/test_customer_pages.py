"""The customer pages: list, Customer 360 tabs, create/edit, contacts, observations, favourites."""

import pytest

from atende.customers.models import Customer, ObservationRead
from atende.customers.tests.factories import ContactFactory, CustomerFactory, ObservationFactory
from atende.tenancy.urls import org_reverse

pytestmark = pytest.mark.django_db


def url(organization, name, **kwargs):
    return org_reverse(f"customers:{name}", organization=organization, **kwargs)


def test_list_page_queries_do_not_grow_with_rows(
    client_as, admin_member, organization, django_assert_num_queries
):
    for _ in range(60):
        CustomerFactory(organization=organization, owner=admin_member)
    client = client_as(admin_member)
    # session, user, organization by slug, member, customers page, the count (capped; none when
    # one page holds every match), favourites, category and owner filter choices, switcher
    with django_assert_num_queries(10):
        response = client.get(url(organization, "list"))
    assert response.status_code == 200
    assert len(response.context["page"].items) == 50
    assert response.context["page"].next_cursor


def test_list_pages_forward_with_the_cursor(client_as, admin_member, organization):
    for index in range(55):
        CustomerFactory(organization=organization, name=f"Cliente {index:02}")
    client = client_as(admin_member)
    first = client.get(url(organization, "list"))
    second = client.get(url(organization, "list"), {"cursor": first.context["page"].next_cursor})
    names = [c.name for c in second.context["page"].items]
    assert names == [f"Cliente {index:02}" for index in range(50, 55)]


def test_htmx_search_returns_only_the_results_fragment(client_as, admin_member, organization):
    CustomerFactory(organization=organization, name="João Pereira")
    response = client_as(admin_member).get(
        url(organization, "list"), {"q": "joao"}, HTTP_HX_REQUEST="true"
    )
    body = response.content.decode()
    assert "João Pereira" in body
    assert "<html" not in body


@pytest.mark.parametrize("tab", ["cadastro", "contatos", "observacoes", "historico"])
def test_customer_tabs_render(client_as, admin_member, organization, tab):
    customer = CustomerFactory(organization=organization, name="Padaria Pão Quente")
    ContactFactory(organization=organization, customer=customer, name="Rita")
    response = client_as(admin_member).get(
        url(organization, "tab", number=customer.number, tab=tab)
    )
    assert response.status_code == 200
    assert "Padaria Pão Quente" in response.content.decode()


def test_customer_page_queries_are_fixed(
    client_as, admin_member, organization, django_assert_num_queries
):
    customer = CustomerFactory(organization=organization)
    client = client_as(admin_member)
    # session, user, organization by slug, member, customer, favourite, unread observations,
    # addresses, direct debit, extra fields, switcher organizations
    with django_assert_num_queries(11):
        client.get(url(organization, "detail", number=customer.number))


def test_create_page_registers_a_customer(client_as, admin_member, organization):
    response = client_as(admin_member).post(
        url(organization, "create"),
        {
            "kind": "company",
            "registered_on": "2026-11-22",
            "name": "Alfa Telecom Ltda",
            "trade_name": "Alfa Net",
            "document": "11.222.333/0001-81",
            "postal_code": "13010-000",
            "subscriber_type": "commercial",
            "is_active": "on",
        },
    )
    customer = Customer.objects.get()
    assert response["Location"] == url(organization, "tab", number=1, tab="cadastro")
    assert (customer.document, customer.postal_code) == ("11222333000181", "13010000")


def test_create_page_shows_a_duplicate_error_and_saves_nothing(
    client_as, admin_member, organization
):
    CustomerFactory(organization=organization, name="Já Existe", document="11222333000181")
    response = client_as(admin_member).post(
        url(organization, "create"),
        {"kind": "company", "registered_on": "2026-11-22", "name": "Outro",
         "document": "11.222.333/0001-81", "subscriber_type": "commercial"},
    )  # fmt: skip
    assert response.status_code == 200
    assert "Já existe o cliente 1 – Já Existe com este CNPJ." in response.content.decode()
    assert Customer.objects.count() == 1


def test_contact_is_added_and_found_by_its_email(client_as, admin_member, organization):
    customer = CustomerFactory(organization=organization)
    client = client_as(admin_member)
    client.post(
        url(organization, "contact_new", number=customer.number),
        {"name": "Rita Lee", "email": "rita@mutantes.com.br", "mobile": "19999990000",
         "sms_consent": "on"},
    )  # fmt: skip
    contact = customer.contacts.get()
    assert (contact.name, contact.sms_consent) == ("Rita Lee", True)
    customer.refresh_from_db()
    assert "mutantes.com.br" in customer.search_text


def test_mandatory_observation_pops_up_until_read(client_as, admin_member, member, organization):
    customer = CustomerFactory(organization=organization)
    ObservationFactory(
        organization=organization, customer=customer, text="Só atender com o gerente.",
        is_mandatory_reading=True,
    )  # fmt: skip
    client = client_as(admin_member)
    detail = url(organization, "detail", number=customer.number)

    assert "Só atender com o gerente." in client.get(detail).content.decode()
    client.post(url(organization, "observations_read", number=customer.number))

    assert 'class="mandatory-reading"' not in client.get(detail).content.decode()
    assert ObservationRead.objects.filter(member=admin_member).count() == 1


def test_favourite_toggles(client_as, admin_member, organization):
    customer = CustomerFactory(organization=organization, name="Favorito")
    client = client_as(admin_member)
    client.post(url(organization, "favorite", number=customer.number))
    assert "Favorito" in client.get(url(organization, "list")).context["favorites"][0].name
    client.post(url(organization, "favorite", number=customer.number))
    assert client.get(url(organization, "list")).context["favorites"] == []


def test_other_address_is_added(client_as, admin_member, organization):
    customer = CustomerFactory(organization=organization)
    client_as(admin_member).post(
        url(organization, "address_new", number=customer.number),
        {"label": "Instalação", "postal_code": "01001-000", "street": "Praça da Sé",
         "city": "São Paulo", "state": "SP"},
    )  # fmt: skip
    address = customer.addresses.get()
    assert (address.label, address.postal_code) == ("Instalação", "01001000")
    assert address.address_line == "Praça da Sé – São Paulo/SP – CEP 01001-000"


def test_direct_debit_is_saved_and_the_authorisation_prints(client_as, admin_member, organization):
    customer = CustomerFactory(organization=organization, name="Clara Nunes")
    client = client_as(admin_member)
    client.post(
        url(organization, "direct_debit", number=customer.number),
        {"bank_code": "237", "agency": "0123", "account": "45678-9", "account_type": "checking",
         "identifier": "CLI0001", "status": "pending"},
    )  # fmt: skip
    response = client.get(url(organization, "direct_debit_pdf", number=customer.number))
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert customer.direct_debits.get().identifier == "CLI0001"


def test_direct_debit_without_bank_data_is_refused(client_as, admin_member, organization):
    customer = CustomerFactory(organization=organization)
    response = client_as(admin_member).post(
        url(organization, "direct_debit", number=customer.number),
        {"bank_code": "", "agency": "", "account": "", "account_type": "checking",
         "identifier": "", "status": "pending"},
    )  # fmt: skip
    assert response.status_code == 200
    assert customer.direct_debits.count() == 0


def test_extra_fields_are_edited_in_place(client_as, admin_member, organization):
    from atende.customers.models import ExtraField

    ExtraField.objects.create(
        target="customer", label="Nº de filiais", key="filiais", kind="number"
    )
    customer = CustomerFactory(organization=organization)
    client = client_as(admin_member)
    target = url(organization, "extra_fields", number=customer.number)

    form = client.get(target, HTTP_HX_REQUEST="true").content.decode()
    assert 'id="campos-extras"' in form
    assert "<html" not in form
    invalid = client.post(target, {"extra_filiais": "três"}, HTTP_HX_REQUEST="true")
    assert "Informe um número" in invalid.content.decode()
    customer.refresh_from_db()
    assert customer.extra == {}
    saved = client.post(target, {"extra_filiais": "12"}, HTTP_HX_REQUEST="true").content.decode()
    customer.refresh_from_db()
    assert customer.extra == {"filiais": "12"}
    assert "<dd>12</dd>" in saved


@pytest.mark.parametrize(
    "target",
    [
        "//evil.example",
        "https://evil.example",
        "javascript:alert(1)",
        "\\\\evil.example",
        "/\\evil",
    ],
)
def test_observations_read_does_not_follow_an_address_off_this_site(
    client_as, admin_member, organization, target
):
    customer = CustomerFactory(organization=organization)
    response = client_as(admin_member).post(
        url(organization, "observations_read", number=customer.number), {"next": target}
    )
    assert response.status_code == 302
    assert response["Location"] == f"/alfa/clientes/{customer.number}/cadastro/"


def test_observations_read_returns_to_the_page_it_came_from(client_as, admin_member, organization):
    customer = CustomerFactory(organization=organization)
    back = f"/alfa/clientes/{customer.number}/contatos/"
    response = client_as(admin_member).post(
        url(organization, "observations_read", number=customer.number), {"next": back}
    )
    assert response["Location"] == back
