"""Input no honest form sends is answered with 400 and a Portuguese message, never a 500:
crafted keyset cursors, NUL bytes, 25-digit ids, over-long values (pages and API alike)."""

import base64
import json

import pytest

from atende.accounts.services.tokens import api_token_create
from atende.customers.tests.factories import CustomerFactory
from atende.tenancy.urls import org_reverse

pytestmark = pytest.mark.django_db


def _cursor(values) -> str:
    return base64.urlsafe_b64encode(json.dumps(values).encode()).decode().rstrip("=")


CRAFTED_CURSORS = {
    "null value": _cursor([None, 1]),
    "huge integer": _cursor(["Ana", 10**30]),
    "object value": _cursor([{"a": 1}, 1]),
    "too few values": _cursor(["Ana"]),
    "deep nesting": _cursor("[" * 5000),
    "deep raw nesting": base64.urlsafe_b64encode(b"[" * 100_000).decode(),
    "not base64": "!!!",
}


@pytest.fixture
def token(admin_member):
    return api_token_create(actor=admin_member, name="hostil")[1]


def _api(client, token, path, **params):
    return client.get(f"/api/v1{path}", params, HTTP_AUTHORIZATION=f"Bearer {token}")


@pytest.mark.parametrize("cursor", CRAFTED_CURSORS.values(), ids=CRAFTED_CURSORS.keys())
def test_a_crafted_cursor_on_the_customer_list_is_a_400_page(
    cursor, client_as, admin_member, organization
):
    CustomerFactory(organization=organization, name="Ana")
    url = org_reverse("customers:list", organization=organization)

    response = client_as(admin_member).get(url, {"cursor": cursor})

    assert response.status_code == 400
    assert "Endereço de página inválido" in response.content.decode()


@pytest.mark.parametrize("cursor", CRAFTED_CURSORS.values(), ids=CRAFTED_CURSORS.keys())
def test_a_crafted_cursor_on_the_api_is_a_json_400(cursor, client, token, organization):
    response = _api(client, token, "/customers", cursor=cursor)

    assert response.status_code == 400
    # A cursor longer than the schema allows is refused by the schema, the rest by the pager.
    assert response.json()["code"] in {"invalid_cursor", "invalid"}
    assert response.json()["message"].startswith(("Endereço de página inválido", "cursor:"))


def test_a_crafted_cursor_on_the_member_list_and_the_history_is_a_400(
    client_as, admin_member, organization
):
    client = client_as(admin_member)
    customer = CustomerFactory(organization=organization)
    members = org_reverse("accounts:members", organization=organization)
    history = org_reverse(
        "customers:tab", organization=organization, number=customer.number, tab="historico"
    )
    assert client.get(members, {"cursor": _cursor([None, 1])}).status_code == 400
    assert client.get(history, {"history": _cursor([None, 1])}).status_code == 400


def test_a_nul_byte_in_the_search_is_a_400(client_as, admin_member, organization, client, token):
    url = org_reverse("customers:list", organization=organization)
    page = client_as(admin_member).get(url, {"q": "ana\x00"})
    api = _api(client, token, "/customers", q="ana\x00")

    assert page.status_code == 400
    assert "caracteres inválidos" in page.content.decode()
    assert api.status_code == 400
    assert api.json()["code"] == "nul_character"


def test_a_nul_byte_in_a_name_changes_nothing(client_as, admin_member, organization, client, token):
    from atende.customers.models import Customer

    url = org_reverse("customers:create", organization=organization)
    page = client_as(admin_member).post(url, {"kind": "person", "name": "Ana\x00"})
    api = client.post(
        "/api/v1/customers",
        '{"name": "Ana\\u0000"}',
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )

    assert (page.status_code, api.status_code) == (400, 400)
    assert Customer.objects.count() == 0


def test_a_25_digit_id_is_a_400(client_as, admin_member, organization, client, token):
    number = "1" * 25
    page = client_as(admin_member).get(f"/{organization.slug}/clientes/{number}/")
    api = _api(client, token, f"/customers/{number}")

    assert page.status_code == 400
    assert "grande demais" in page.content.decode()
    assert api.status_code == 400
    assert api["Content-Type"].startswith("application/json")


def test_the_largest_id_is_simply_not_found(client_as, admin_member, organization):
    response = client_as(admin_member).get(f"/{organization.slug}/clientes/{2**63 - 1}/")
    assert response.status_code == 404


def test_an_over_long_search_is_a_400_with_the_form(client_as, admin_member, organization):
    url = org_reverse("customers:list", organization=organization)
    response = client_as(admin_member).get(url, {"q": "a" * 5000})
    assert response.status_code == 400
    assert "no máximo" in response.content.decode()


def test_an_over_long_value_on_the_api_is_a_400_naming_the_field(client, token, organization):
    response = client.post(
        "/api/v1/customers",
        json.dumps({"name": "a" * 5000}),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "name"


def test_error_codes_come_from_each_apps_enum():
    """One error-code enum per app (core.errors.ErrorCode, <app>/errors.py): no loose strings
    that an API client could not look up."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    loose = [
        f"{path.relative_to(root)}:{number}"
        for path in root.rglob("*.py")
        if "tests" not in path.parts and "banking" not in path.parts
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if re.search(r'\bcode="[a-z_]+"', line)
    ]
    assert loose == []
