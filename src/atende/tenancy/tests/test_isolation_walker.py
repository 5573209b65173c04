"""The isolation walker: every route of the project, called as another organization.

It reads the routes from Django's resolver, so a route added later is walked too. Routes under
`/<slug>/` and `/api/v1/` that take an identifier need a factory registered with
`atende.tenancy.testing.isolation_factory` (in `<app>/tests/isolation.py`); a route without
one fails `test_every_route_with_an_identifier_has_a_factory`.
"""

import functools
import re
from dataclasses import dataclass
from importlib import import_module

import pytest
from auditlog.models import LogEntry
from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from atende.accounts.services.tokens import api_token_create
from atende.tenancy.context import activate
from atende.tenancy.middleware import ORGANIZATION_KWARG
from atende.tenancy.testing import registered_factories

pytestmark = pytest.mark.django_db

# Routes outside organizations that take parameters on purpose (signed links, platform admin).
GLOBAL_ROUTES_WITH_PARAMETERS = {
    "auth:password_reset_confirm",
    # A signed, expiring link for someone who is not a member yet (accounts.invitation_links).
    "auth:invitation_accept",
}
PARAMETER = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")


@dataclass(frozen=True)
class Route:
    name: str
    pattern: str
    parameters: tuple[str, ...]

    @property
    def is_api(self) -> bool:
        return self.name.startswith("api:")

    @property
    def in_organization(self) -> bool:
        return ORGANIZATION_KWARG in self.parameters

    @property
    def object_parameters(self) -> tuple[str, ...]:
        return tuple(name for name in self.parameters if name != ORGANIZATION_KWARG)


def _walk(patterns, prefix: str = "", namespace: str = "") -> list[Route]:
    routes = []
    for entry in patterns:
        pattern = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            if inner.startswith("admin:"):
                continue  # platform administration: staff only, no organization data
            routes.extend(_walk(entry.url_patterns, pattern, inner))
        elif isinstance(entry, URLPattern) and entry.name:
            names = tuple(match.group("name") for match in PARAMETER.finditer(pattern))
            routes.append(Route(f"{namespace}{entry.name}", pattern, names))
    return routes


def _load_isolation_modules() -> None:
    for config in apps.get_app_configs():
        if config.name.startswith("atende."):
            try:
                import_module(f"{config.name}.tests.isolation")
            except ModuleNotFoundError as exc:
                if exc.name != f"{config.name}.tests.isolation":
                    raise


_load_isolation_modules()
ROUTES = _walk(get_resolver().url_patterns)
ORGANIZATION_ROUTES = [route for route in ROUTES if route.in_organization]
API_ROUTES = [route for route in ROUTES if route.is_api and route.object_parameters]
# Each ninja path is one URL pattern shared by its methods; the docs and schema take none.


def _route_id(route: Route) -> str:
    return route.name


def test_the_walker_finds_the_routes():
    names = {route.name for route in ROUTES}
    assert {"tenancy:home", "accounts:member_edit", "api:me"} <= names


def test_every_route_with_an_identifier_has_a_factory():
    factories = registered_factories()
    missing = sorted(
        route.name
        for route in ROUTES
        if (route.in_organization or route.is_api)
        and route.object_parameters
        and route.name not in factories
    )
    assert missing == [], (
        "register an isolation factory (atende.tenancy.testing.isolation_factory) for: "
        + ", ".join(missing)
    )


def test_no_other_global_route_takes_parameters():
    unexpected = sorted(
        route.name
        for route in ROUTES
        if not route.in_organization
        and not route.is_api
        and route.parameters
        and route.name not in GLOBAL_ROUTES_WITH_PARAMETERS
    )
    assert unexpected == []


def _object_kwargs(route: Route, organization) -> dict:
    if not route.object_parameters:
        return {}
    with activate(organization):
        return registered_factories()[route.name](organization)


def _audit_count() -> int:
    return LogEntry.objects.count()


@pytest.mark.parametrize("route", ORGANIZATION_ROUTES, ids=_route_id)
def test_member_of_another_organization_gets_404_and_nothing_changes(
    route, organization, other_organization, other_member, client_as
):
    kwargs = _object_kwargs(route, organization)
    client = client_as(other_member)
    before = _audit_count()
    # B's member on A's address is not a member there; on B's own address, A's id is unknown.
    owner_url = reverse(route.name, kwargs={ORGANIZATION_KWARG: organization.slug, **kwargs})
    own_url = reverse(route.name, kwargs={ORGANIZATION_KWARG: other_organization.slug, **kwargs})

    assert client.get(owner_url).status_code == 404
    assert client.post(owner_url).status_code == 404
    if kwargs and not getattr(registered_factories()[route.name], "names_no_object", False):
        statuses = {client.get(own_url).status_code, client.post(own_url).status_code}
        assert statuses <= {404, 405}
        assert 404 in statuses
    assert _audit_count() == before


@pytest.mark.parametrize("route", ORGANIZATION_ROUTES, ids=_route_id)
def test_anonymous_visitor_is_sent_to_sign_in(route, organization, client):
    kwargs = _object_kwargs(route, organization)
    url = reverse(route.name, kwargs={ORGANIZATION_KWARG: organization.slug, **kwargs})
    before = _audit_count()

    for response in (client.get(url), client.post(url)):
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("auth:login"))
    assert _audit_count() == before


@pytest.mark.parametrize("route", API_ROUTES, ids=_route_id)
def test_api_token_of_another_organization_gets_404(
    route, organization, other_organization, other_member, client
):
    kwargs = _object_kwargs(route, organization)
    with activate(other_organization):
        _, token = api_token_create(actor=other_member, name="walker")
    url = reverse(route.name, kwargs=kwargs)
    auth = f"Bearer {token}"
    before = _audit_count()

    statuses = set()
    for method in ("get", "post", "put", "patch", "delete"):
        call = getattr(client, method)
        if method in {"get", "delete"}:
            call = functools.partial(call, url)
        else:
            call = functools.partial(call, url, "{}", content_type="application/json")
        response = call(HTTP_AUTHORIZATION=auth)
        # 422 is the body's validation, answered before any lookup, so it reveals nothing.
        assert response.status_code in {404, 405, 422}, (method, response.status_code)
        statuses.add(response.status_code)
        anonymous = call()
        assert anonymous.status_code in {401, 405}, (method, anonymous.status_code)
    assert 404 in statuses
    assert _audit_count() == before
