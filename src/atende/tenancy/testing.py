"""Registry for the route walkers: how to reach every route, with what, and who may use it.

Every route under `/<slug>/` and every operation of `/api/v1/` is walked by two tests:
the isolation walker (tenancy/tests/test_isolation_walker.py: another organization's member
gets 404 and nothing is written) and the permission walker (test_permission_walker.py: a
member without the right gets 403/404 and nothing is written). Each app declares its routes in
`atende/<app>/tests/isolation.py`:

    @isolation_factory("customers:contact_edit", "api:update_contact")
    def contact(organization):
        contact = ContactFactory(organization=organization)
        return {"number": contact.customer.number, "pk": contact.pk}

    route_access("customers:contact_edit", needs=CustomerPerm.CHANGE, body=contact_form_body)

- a factory runs with `organization` active and returns the URL kwargs (without the slug);
- `route_access` says which permission the route needs (`None`: any member, for their own
  things such as the profile; `ADMIN_ONLY`: administrators), and gives a valid request body
  `body(organization, kwargs) -> dict` for routes that write, so that a refused write is
  refused by the permission or the lookup and not by the body's validation. API operations
  are named `api:<function name>`.

A route with no access entry, or with an identifier and no factory, fails the walkers.
"""

from collections.abc import Callable
from dataclasses import dataclass

from atende.tenancy.models import Organization

# `factory(organization) -> URL kwargs`; `body(organization, URL kwargs) -> request body`.
IsolationFactory = Callable[[Organization], dict[str, object]]
BodyFactory = Callable[[Organization, dict[str, object]], dict[str, object]]

# Routes only organization administrators use and that no sector permission opens.
ADMIN_ONLY = "tenancy.admin_only"
# Portal routes (`/<slug>/webdesk/…`): open to anyone (sign-in, the password link) or to a
# customer signed in to that organization's portal.
PORTAL_PUBLIC = "portal.public"
PORTAL_SIGNED_IN = "portal.signed_in"

_factories: dict[str, IsolationFactory] = {}


@dataclass(frozen=True)
class RouteAccess:
    needs: str | None
    body: BodyFactory | None = None
    # The write only touches the member's own marks (a favourite, "I have read it"): a member
    # who may see the record may do it without any write permission.
    personal: bool = False

    @property
    def writes(self) -> bool:
        return self.body is not None

    @property
    def needs_write_permission(self) -> bool:
        return self.needs is not None and not self.personal and not is_view_permission(self.needs)


_access: dict[str, RouteAccess] = {}


def is_view_permission(codename: str) -> bool:
    return codename.partition(".")[2].startswith("view_")


def isolation_factory(*url_names: str) -> Callable[[IsolationFactory], IsolationFactory]:
    """Register `factory(organization) -> url kwargs` for the named routes."""

    def register(factory: IsolationFactory) -> IsolationFactory:
        for url_name in url_names:
            _factories[url_name] = factory
        return factory

    return register


def registered_factories() -> dict[str, IsolationFactory]:
    return dict(_factories)


@dataclass(frozen=True)
class _StaticKwargs:
    """The factory of routes whose parameters name no object (see `isolation_static`)."""

    url_kwargs: dict[str, object]
    names_no_object: bool = True

    def __call__(self, organization: Organization) -> dict[str, object]:
        return dict(self.url_kwargs)


def isolation_static(*url_names: str, **url_kwargs: object) -> None:
    """Register routes whose parameters name no object (e.g. a list's key): the walker still
    checks another organization's member and the anonymous visitor on them."""
    factory = _StaticKwargs(url_kwargs)
    for url_name in url_names:
        _factories[url_name] = factory


def route_access(
    *url_names: str,
    needs: str | None,
    body: BodyFactory | dict[str, object] | None = None,
    personal: bool = False,
) -> None:
    """Declare the permission the routes need and a valid body for those that write."""
    if isinstance(body, dict):
        fixed = dict(body)

        def body(
            organization: Organization,
            kwargs: dict[str, object],
            fixed: dict[str, object] = fixed,
        ) -> dict[str, object]:
            return dict(fixed)

    for url_name in url_names:
        _access[url_name] = RouteAccess(needs=needs, body=body, personal=personal)


def registered_access() -> dict[str, RouteAccess]:
    return dict(_access)
