"""/api/v1/customers: the same rules as the pages, JSON errors in Portuguese."""

import json

import pytest
from django.contrib.auth.models import Permission

from atende.accounts.services.tokens import api_token_create
from atende.accounts.tests.factories import SectorFactory
from atende.customers.models import Customer
from atende.customers.tests.factories import ContactFactory, CustomerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(client):
    def call(member, method, path, body=None):
        _, token = api_token_create(actor=member, name="teste")
        kwargs = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
        if body is not None:
            kwargs.update(data=json.dumps(body), content_type="application/json")
        return getattr(client, method)(f"/api/v1{path}", **kwargs)

    return call


def test_list_searches_and_pages(api, admin_member, organization):
    CustomerFactory(organization=organization, name="João Pereira", document="52998224725")
    CustomerFactory(organization=organization, name="Maria")

    response = api(admin_member, "get", "/customers?q=529.982.247-25")

    assert response.status_code == 200
    body = response.json()
    assert [item["name"] for item in body["items"]] == ["João Pereira"]
    assert body["next_cursor"] is None


def test_create_then_get(api, admin_member):
    created = api(
        admin_member, "post", "/customers",
        {"kind": "company", "name": "Alfa Ltda", "document": "11.222.333/0001-81"},
    )  # fmt: skip
    assert created.status_code == 201
    assert created.json()["number"] == 1
    detail = api(admin_member, "get", "/customers/1").json()
    assert (detail["document"], detail["auto_suspend"]) == ("11222333000181", True)


def test_invalid_cpf_is_a_json_error_naming_the_field(api, admin_member):
    response = api(admin_member, "post", "/customers", {"name": "X", "document": "111.111.111-12"})
    # Well-formed, refused by a rule the schema cannot express: 422.
    assert response.status_code == 422
    assert response.json() == {
        "code": "invalid_cpf",
        "message": "CPF inválido: confira os dígitos.",
        "field": "document",
        "errors": None,
    }
    assert Customer.objects.count() == 0


def test_a_value_outside_the_schema_is_a_400_in_portuguese(api, admin_member, organization):
    response = api(admin_member, "post", "/customers", {"name": "X", "auto_suspend": "talvez"})
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "auto_suspend"
    assert response.json()["errors"][0]["message"] == "Informe verdadeiro ou falso."


def test_patch_changes_only_what_was_sent(api, admin_member, organization):
    CustomerFactory(organization=organization, name="Antigo", city="Campinas")
    response = api(admin_member, "patch", "/customers/1", {"name": "Novo"})
    assert (response.json()["name"], response.json()["city"]) == ("Novo", "Campinas")


def test_unknown_category_id_is_refused(api, admin_member, organization):
    response = api(admin_member, "post", "/customers", {"name": "X", "category_id": 999})
    assert response.status_code == 422
    assert response.json()["field"] == "category_id"


def test_deactivate(api, admin_member, organization):
    CustomerFactory(organization=organization)
    assert api(admin_member, "post", "/customers/1/deactivate").json()["is_active"] is False


def test_contacts_crud(api, admin_member, organization):
    customer = CustomerFactory(organization=organization)
    created = api(
        admin_member, "post", "/customers/1/contacts", {"name": "Rita", "email": "r@x.com"}
    )
    assert created.status_code == 201
    pk = created.json()["id"]
    api(admin_member, "put", f"/customers/1/contacts/{pk}", {"name": "Rita Lee"})
    assert [c["name"] for c in api(admin_member, "get", "/customers/1/contacts").json()] == [
        "Rita Lee"
    ]
    assert api(admin_member, "delete", f"/customers/1/contacts/{pk}").status_code == 204
    assert customer.contacts.count() == 0


def test_portfolio_rule_applies_to_the_api(api, member, admin_member, organization):
    sector = SectorFactory(organization=organization, name="Comercial")
    sector.permissions.set(
        Permission.objects.filter(content_type__app_label="customers", codename="view_customer")
    )
    member.sector, member.only_own_portfolio = sector, True
    member.save()
    CustomerFactory(organization=organization, name="Do admin", owner=admin_member)
    ContactFactory(organization=organization, customer__owner=member, customer__name="Meu")

    listed = api(member, "get", "/customers").json()["items"]

    assert [item["name"] for item in listed] == ["Meu"]
    assert api(member, "get", "/customers/1").status_code == 404


def test_member_without_permission_gets_403(api, member, organization):
    assert api(member, "get", "/customers").status_code == 403


def test_settings_lists_let_clients_pick_ids(api, admin_member, other_member, organization):
    from atende.customers.models import Category, ExtraField
    from atende.customers.tests.factories import CategoryFactory
    from atende.tenancy.context import activate

    CategoryFactory(organization=organization, name="Fornecedor")
    with activate(other_member.organization):
        Category.objects.create(name="Da outra empresa")
    ExtraField.objects.create(
        target="customer", label="Plano", key="plano", kind="choice", choices="Básico\nPro"
    )
    categories = api(admin_member, "get", "/customer-settings/categories").json()
    assert [c["name"] for c in categories] == ["Fornecedor"]
    [field] = api(admin_member, "get", "/customer-settings/extra-fields").json()
    assert (field["key"], field["options"]) == ("plano", ["Básico", "Pro"])
