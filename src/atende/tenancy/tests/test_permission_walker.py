"""The permission walker: every route, called by members of the same organization who lack the
right. A member whose sector grants nothing gets 403 or 404 everywhere a permission is needed;
a member who may only view reads, but cannot write anywhere; both leave every tenant table as
it was. Each route declares what it needs with `route_access` in `<app>/tests/isolation.py`;
a route without a declaration fails `test_every_route_declares_what_it_needs`.
"""

import pytest
from django.contrib.auth.models import Permission

from atende.accounts.modules import module_permissions
from atende.accounts.services.tokens import api_token_create
from atende.accounts.tests.factories import MemberFactory, SectorFactory
from atende.tenancy.context import activate
from atende.tenancy.tests.walker import (
    WALKED_ROUTES,
    call,
    changed_tables,
    object_kwargs,
    request_body,
    route_id,
    table_states,
)

pytestmark = pytest.mark.django_db

REFUSED = {403, 404, 405}
DONE = {200, 201, 204, 302}


def test_every_route_declares_what_it_needs():
    undeclared = sorted({route.name for route in WALKED_ROUTES if route.access is None})
    assert undeclared == [], (
        "declare the permission (atende.tenancy.testing.route_access) of: " + ", ".join(undeclared)
    )


@pytest.fixture
def unprivileged_member(organization):
    """A member of the organization whose sector grants no permission at all."""
    with activate(organization):
        sector = SectorFactory(organization=organization, name="Sem permissões")
        return MemberFactory(organization=organization, sector=sector)


@pytest.fixture
def viewer_member(organization):
    """A member whose sector may view every module and do nothing else."""
    with activate(organization):
        sector = SectorFactory(organization=organization, name="Somente leitura")
        views = [perm for perm in module_permissions() if perm.codename.startswith("view_")]
        sector.permissions.set(views)
        return MemberFactory(organization=organization, sector=sector)


class _Caller:
    """Calls one route as one member: pages with a session, the API with a token."""

    def __init__(self, route, member, client_as, organization) -> None:
        self.route = route
        self.client = client_as(member)
        self.extra = {}
        if route.is_api:
            with activate(organization):
                _, token = api_token_create(actor=member, name="walker")
            self.extra = {"HTTP_AUTHORIZATION": f"Bearer {token}"}

    def __call__(self, url: str, method: str, body: dict | None):
        return call(self.client, self.route, url, method=method, body=body, **self.extra)


def _methods(route) -> tuple[str, ...]:
    return (route.method,) if route.is_api else ("GET", "POST")


def _needing_a_permission():
    return [route for route in WALKED_ROUTES if route.access and route.access.needs]


def _writes_needing_a_write_permission():
    return [
        route for route in WALKED_ROUTES if route.access and route.access.needs_write_permission
    ]


def _reads_a_viewer_may_do():
    return [
        route
        for route in WALKED_ROUTES
        if route.access
        and route.access.needs
        and not route.access.needs_write_permission
        and not route.access.writes
    ]


def _writes():
    # Routes open to any member (their own tokens, profile) are not about permissions.
    return [
        route
        for route in WALKED_ROUTES
        if route.access and route.access.writes and route.access.needs
    ]


@pytest.mark.parametrize("route", _needing_a_permission(), ids=route_id)
def test_member_without_permissions_is_refused_and_nothing_changes(
    route, organization, other_organization, unprivileged_member, client_as
):
    kwargs = object_kwargs(route, organization)
    body = request_body(route, organization, kwargs)
    as_member = _Caller(route, unprivileged_member, client_as, organization)
    url = route.url(organization, kwargs)
    before = table_states(organization, other_organization)

    for method in _methods(route):
        response = as_member(url, method, body)
        assert response.status_code in REFUSED, (method, response.status_code)
    assert changed_tables(before, table_states(organization, other_organization)) == []


@pytest.mark.parametrize("route", _writes_needing_a_write_permission(), ids=route_id)
def test_member_who_may_only_view_cannot_write_and_nothing_changes(
    route, organization, other_organization, viewer_member, client_as
):
    kwargs = object_kwargs(route, organization)
    body = request_body(route, organization, kwargs)
    as_viewer = _Caller(route, viewer_member, client_as, organization)
    url = route.url(organization, kwargs)
    before = table_states(organization, other_organization)

    # Forms refuse before they render: the GET of a write route is refused too.
    for method in _methods(route):
        response = as_viewer(url, method, body)
        assert response.status_code in REFUSED, (method, response.status_code)
    assert changed_tables(before, table_states(organization, other_organization)) == []


@pytest.mark.parametrize("route", _reads_a_viewer_may_do(), ids=route_id)
def test_member_who_may_view_reads(route, organization, viewer_member, client_as):
    kwargs = object_kwargs(route, organization)
    as_viewer = _Caller(route, viewer_member, client_as, organization)

    response = as_viewer(route.url(organization, kwargs), "GET", None)
    # A read may answer with a redirect (a saved filter opens the queue with its query).
    assert response.status_code in {200, 302}, response.status_code


@pytest.mark.parametrize("route", _writes(), ids=route_id)
def test_the_declared_body_is_accepted_by_an_administrator(
    route, organization, other_organization, admin_member, client_as
):
    """The walkers' bodies are valid: the same request by an administrator does its work, so a
    refusal above comes from the permission or the lookup, never from the body."""
    kwargs = object_kwargs(route, organization)
    body = request_body(route, organization, kwargs)
    as_admin = _Caller(route, admin_member, client_as, organization)
    before = table_states(organization, other_organization)

    method = route.method if route.is_api else "POST"
    response = as_admin(route.url(organization, kwargs), method, body)
    assert response.status_code in DONE, (response.status_code, response.content[:500])
    if not route.is_api:
        assert response.status_code == 302, "a page write answers with a redirect"
    assert changed_tables(before, table_states(organization, other_organization)) != []


def test_viewer_fixture_holds_only_view_permissions(viewer_member):
    codenames = set(
        Permission.objects.filter(sector=viewer_member.sector).values_list("codename", flat=True)
    )
    assert codenames
    assert all(codename.startswith("view_") for codename in codenames)
