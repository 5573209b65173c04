"""The isolation walker: every route of the project, called as another organization.

The routes come from Django's resolver and the ninja API (tenancy/tests/walker.py), so a route
added later is walked too. Each write is sent with a valid body (declared beside the route in
`<app>/tests/isolation.py`), so a 404 comes from the lookup and not from the body's validation,
and "nothing written" is checked on the row counts of every tenant table.
"""

import pytest

from atende.accounts.services.tokens import api_token_create
from atende.tenancy.context import activate
from atende.tenancy.testing import registered_factories
from atende.tenancy.tests.walker import (
    API_OPERATIONS,
    ORGANIZATION_ROUTES,
    PAGE_ROUTES,
    STAFF_API_OPERATIONS,
    WALKED_ROUTES,
    call,
    changed_tables,
    object_kwargs,
    request_body,
    route_id,
    table_states,
)

pytestmark = pytest.mark.django_db

# Routes outside organizations that take parameters on purpose (signed links).
GLOBAL_ROUTES_WITH_PARAMETERS = {
    "auth:password_reset_confirm",
    # A signed, expiring link for someone who is not a member yet (accounts.invitation_links).
    "auth:invitation_accept",
}


def test_the_walker_finds_the_routes():
    names = {route.name for route in WALKED_ROUTES}
    assert {"tenancy:home", "accounts:member_edit", "api:me", "api:update_contact"} <= names


def test_every_route_with_an_identifier_has_a_factory():
    factories = registered_factories()
    missing = sorted(
        {route.name for route in WALKED_ROUTES if route.object_parameters} - set(factories)
    )
    assert missing == [], (
        "register an isolation factory (atende.tenancy.testing.isolation_factory) for: "
        + ", ".join(missing)
    )


def test_no_other_global_route_takes_parameters():
    unexpected = sorted(
        route.name
        for route in PAGE_ROUTES
        if not route.in_organization
        and not route.in_portal
        and route.parameters
        and route.name not in GLOBAL_ROUTES_WITH_PARAMETERS
    )
    assert unexpected == []


def _object_routes():
    return [route for route in ORGANIZATION_ROUTES if route.names_an_object]


@pytest.mark.parametrize("route", ORGANIZATION_ROUTES, ids=route_id)
def test_member_of_another_organization_gets_404_and_nothing_changes(
    route, organization, other_organization, other_member, client_as
):
    kwargs = object_kwargs(route, organization)
    body = request_body(route, organization, kwargs)
    client = client_as(other_member)
    before = table_states(organization, other_organization)
    # B's member on A's address is not a member there.
    owner_url = route.url(organization, kwargs)

    assert call(client, route, owner_url, method="GET", body=None).status_code == 404
    assert call(client, route, owner_url, method="POST", body=body).status_code == 404
    assert changed_tables(before, table_states(organization, other_organization)) == []


@pytest.mark.parametrize("route", _object_routes(), ids=route_id)
def test_another_organizations_identifier_is_unknown_in_ones_own(
    route, organization, other_organization, other_member, client_as
):
    kwargs = object_kwargs(route, organization)
    body = request_body(route, organization, kwargs)
    client = client_as(other_member)
    before = table_states(organization, other_organization)
    # On B's own address, A's identifiers do not exist.
    own_url = route.url(other_organization, kwargs)

    statuses = {
        call(client, route, own_url, method="GET", body=None).status_code,
        call(client, route, own_url, method="POST", body=body).status_code,
    }
    assert statuses <= {404, 405}
    assert 404 in statuses
    assert changed_tables(before, table_states(organization, other_organization)) == []


@pytest.mark.parametrize("route", ORGANIZATION_ROUTES, ids=route_id)
def test_anonymous_visitor_is_sent_to_sign_in(route, organization, other_organization, client):
    kwargs = object_kwargs(route, organization)
    body = request_body(route, organization, kwargs)
    url = route.url(organization, kwargs)
    before = table_states(organization, other_organization)

    for method in ("GET", "POST"):
        response = call(client, route, url, method=method, body=body)
        assert response.status_code == 302
        assert response["Location"].startswith("/entrar/")
    assert changed_tables(before, table_states(organization, other_organization)) == []


def _api_object_operations():
    return [route for route in STAFF_API_OPERATIONS if route.object_parameters]


@pytest.mark.parametrize("route", _api_object_operations(), ids=route_id)
def test_api_token_of_another_organization_gets_404_and_nothing_changes(
    route, organization, other_organization, other_member, client
):
    kwargs = object_kwargs(route, organization)
    body = request_body(route, organization, kwargs)
    with activate(other_organization):
        _, token = api_token_create(actor=other_member, name="walker")
    url = route.url(organization, kwargs)
    before = table_states(organization, other_organization)

    response = call(
        client, route, url, method=route.method, body=body, HTTP_AUTHORIZATION=f"Bearer {token}"
    )
    assert response.status_code == 404, response.content
    assert response["Content-Type"].startswith("application/json")
    assert changed_tables(before, table_states(organization, other_organization)) == []


@pytest.mark.parametrize("route", API_OPERATIONS, ids=route_id)
def test_api_without_a_token_answers_401(route, organization, other_organization, client):
    kwargs = object_kwargs(route, organization)
    body = request_body(route, organization, kwargs)
    before = table_states(organization, other_organization)

    response = call(client, route, route.url(organization, kwargs), method=route.method, body=body)
    assert response.status_code == 401
    assert changed_tables(before, table_states(organization, other_organization)) == []
