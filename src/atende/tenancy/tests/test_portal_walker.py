"""The portal walker: every route of the Webdesk, called by the people who must not get in.

A customer's contact reaches nothing of another customer (404, nothing written), nothing of
another organization (its session there does not exist), and nothing of the staff side; a staff
session does not make anyone a portal user. Each route is declared in
`atende/portal/tests/isolation.py`; a route without a declaration fails the first test.
"""

import pytest
from django.test import Client

from atende.accounts.models import PortalAccount
from atende.accounts.tests.factories import TEST_PASSWORD
from atende.portal.tests.isolation import portal_account_for
from atende.tenancy.context import activate
from atende.tenancy.testing import PORTAL_PUBLIC, PORTAL_SIGNED_IN, registered_factories
from atende.tenancy.tests.walker import (
    ORGANIZATION_ROUTES,
    PORTAL_API_OPERATIONS,
    PORTAL_ROUTES,
    call,
    changed_tables,
    request_body,
    route_id,
    table_states,
)

pytestmark = pytest.mark.django_db


def _signed_in(route):
    return route.access is not None and route.access.needs == PORTAL_SIGNED_IN


def _kwargs_and_owner(route, organization) -> tuple[dict, str | None]:
    if not route.object_parameters:
        return {}, None
    with activate(organization):
        kwargs = dict(registered_factories()[route.name](organization))
    return kwargs, kwargs.pop("_owner", None)


def portal_client(organization, email: str) -> Client:
    client = Client()
    url = f"/{organization.slug}/webdesk/entrar/"
    response = client.post(url, {"email": email, "password": TEST_PASSWORD})
    assert response.status_code == 302, response.content[:300]
    return client


@pytest.fixture
def stranger(organization):
    """A portal account of another customer of the same organization."""
    with activate(organization):
        return portal_account_for(organization, email="estranho@portal.example")


@pytest.fixture
def foreigner(other_organization):
    """A portal account at another organization."""
    with activate(other_organization):
        return portal_account_for(other_organization, email="estrangeiro@portal.example")


def test_every_portal_route_is_declared():
    assert PORTAL_ROUTES, "the walker found no portal route"
    undeclared = sorted(route.name for route in PORTAL_ROUTES if route.access is None)
    assert undeclared == []
    assert all(route.access.needs in (PORTAL_PUBLIC, PORTAL_SIGNED_IN) for route in PORTAL_ROUTES)


@pytest.mark.parametrize("route", [r for r in PORTAL_ROUTES if _signed_in(r)], ids=route_id)
def test_anonymous_and_staff_are_sent_to_the_portal_sign_in(
    route, organization, other_organization, admin_member, client_as
):
    kwargs, _ = _kwargs_and_owner(route, organization)
    body = request_body(route, organization, kwargs)
    url = route.url(organization, kwargs)
    before = table_states(organization, other_organization)

    for client in (Client(), client_as(admin_member)):  # a staff session is no portal session
        for method in ("GET", "POST"):
            response = call(client, route, url, method=method, body=body)
            assert response.status_code in {302, 405}, (method, response.status_code)
            if response.status_code == 302:
                assert response["Location"].startswith(f"/{organization.slug}/webdesk/entrar/")
    assert changed_tables(before, table_states(organization, other_organization)) == []


@pytest.mark.parametrize(
    "route", [r for r in PORTAL_ROUTES if _signed_in(r) and r.names_an_object], ids=route_id
)
def test_another_customers_contact_gets_404_and_nothing_changes(
    route, organization, other_organization, stranger
):
    kwargs, _ = _kwargs_and_owner(route, organization)
    body = request_body(route, organization, kwargs)
    client = portal_client(organization, stranger.email)
    url = route.url(organization, kwargs)
    before = table_states(organization, other_organization)

    for method in ("GET", "POST"):
        assert call(client, route, url, method=method, body=body).status_code in {404, 405}
    assert call(client, route, url, method="GET", body=None).status_code in {404, 405}
    assert changed_tables(before, table_states(organization, other_organization)) == []


@pytest.mark.parametrize("route", PORTAL_ROUTES, ids=route_id)
def test_another_organizations_customer_reaches_nothing(
    route, organization, other_organization, foreigner
):
    kwargs, _ = _kwargs_and_owner(route, organization)
    body = request_body(route, organization, kwargs)
    client = portal_client(other_organization, foreigner.email)
    before = table_states(organization, other_organization)

    # At A's address the foreigner is nobody; at B's own address, A's ids do not exist.
    at_owner = route.url(organization, kwargs)
    at_own = route.url(other_organization, kwargs)
    for method in ("GET", "POST"):
        # A public route's own token (the password link) is its key, whoever holds it: only
        # the signed-in routes are tried at A's address.
        if route.access.needs == PORTAL_SIGNED_IN:
            response = call(client, route, at_owner, method=method, body=body)
            assert response.status_code in {302, 405}
            if response.status_code == 302:
                assert response["Location"].startswith(f"/{organization.slug}/webdesk/entrar/")
        if route.names_an_object:
            assert call(client, route, at_own, method=method, body=body).status_code in {404, 405}
    assert changed_tables(before, table_states(organization, other_organization)) == []


@pytest.mark.parametrize(
    "route", [r for r in PORTAL_ROUTES if r.access and r.access.writes], ids=route_id
)
def test_the_declared_body_is_accepted_for_its_owner(route, organization, other_organization):
    kwargs, owner = _kwargs_and_owner(route, organization)
    body = request_body(route, organization, kwargs)
    if _signed_in(route) and owner is None:  # a page of the account itself (its API tokens)
        with activate(organization):
            owner = portal_account_for(organization, email="dono@portal.example").email
    client = portal_client(organization, owner) if _signed_in(route) else Client()
    before = table_states(organization, other_organization)

    response = call(client, route, route.url(organization, kwargs), method="POST", body=body)

    # 302 after a write; a new API token is shown once, in the answer to the POST (200).
    assert response.status_code in {200, 302}, response.content[:500]
    assert changed_tables(before, table_states(organization, other_organization)) != []


@pytest.mark.parametrize("route", ORGANIZATION_ROUTES, ids=route_id)
def test_a_portal_session_reaches_no_staff_page(route, organization, stranger):
    from atende.tenancy.tests.walker import object_kwargs

    kwargs = object_kwargs(route, organization)
    client = portal_client(organization, stranger.email)

    response = client.get(route.url(organization, kwargs))

    assert response.status_code == 302
    assert response["Location"].startswith("/entrar/")


def _portal_token(organization, account) -> str:
    from atende.portal.tokens import portal_token_create

    with activate(organization):
        return portal_token_create(account=account, name="walker")[1]


def test_every_portal_api_operation_is_declared():
    assert PORTAL_API_OPERATIONS, "the walker found no portal API operation"
    undeclared = sorted(route.name for route in PORTAL_API_OPERATIONS if route.access is None)
    assert undeclared == []
    missing = sorted(
        route.name
        for route in PORTAL_API_OPERATIONS
        if route.object_parameters and route.name not in registered_factories()
    )
    assert missing == []


@pytest.mark.parametrize(
    "route", [r for r in PORTAL_API_OPERATIONS if r.object_parameters], ids=route_id
)
def test_portal_api_another_customers_or_organizations_token_gets_404(
    route, organization, other_organization, stranger, foreigner
):
    kwargs, _ = _kwargs_and_owner(route, organization)
    body = request_body(route, organization, kwargs)
    url = route.url(organization, kwargs)
    tokens = [_portal_token(organization, stranger), _portal_token(other_organization, foreigner)]
    before = table_states(organization, other_organization)

    for token in tokens:
        response = call(
            Client(), route, url, method=route.method, body=body,
            HTTP_AUTHORIZATION=f"Bearer {token}",
        )  # fmt: skip
        assert response.status_code == 404, response.content[:300]
        assert response["Content-Type"].startswith("application/json")
    assert changed_tables(before, table_states(organization, other_organization)) == []


@pytest.mark.parametrize("route", PORTAL_API_OPERATIONS, ids=route_id)
def test_portal_api_refuses_a_members_token(route, organization, other_organization, admin_member):
    from atende.accounts.services.tokens import api_token_create

    kwargs, _ = _kwargs_and_owner(route, organization)
    body = request_body(route, organization, kwargs)
    with activate(organization):
        _, token = api_token_create(actor=admin_member, name="walker")
    before = table_states(organization, other_organization)

    response = call(
        Client(), route, route.url(organization, kwargs), method=route.method, body=body,
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )  # fmt: skip

    assert response.status_code == 401  # a staff token is no customer's token
    assert changed_tables(before, table_states(organization, other_organization)) == []


@pytest.mark.parametrize(
    "route", [r for r in PORTAL_API_OPERATIONS if r.method != "GET"], ids=route_id
)
def test_portal_api_declared_body_is_accepted_for_its_owner(
    route, organization, other_organization
):
    kwargs, owner = _kwargs_and_owner(route, organization)
    body = request_body(route, organization, kwargs)
    with activate(organization):
        account = (
            PortalAccount.objects.get(email=owner)
            if owner
            else portal_account_for(organization, email="dono@portal.example")
        )
    token = _portal_token(organization, account)
    before = table_states(organization, other_organization)

    response = call(
        Client(), route, route.url(organization, kwargs), method=route.method, body=body,
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )  # fmt: skip

    assert response.status_code in {200, 201}, response.content[:500]
    assert changed_tables(before, table_states(organization, other_organization)) != []
