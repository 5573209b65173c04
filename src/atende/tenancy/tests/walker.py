"""What the route walkers walk: every page route and every API operation, read from Django's
resolver and from the ninja API, so a route added later is walked too; and the state (row
count and contents) of every tenant table, which must not move when a request is refused."""

from dataclasses import dataclass
from importlib import import_module

from auditlog.models import LogEntry
from django.apps import apps
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from atende.api.urls import api
from atende.tenancy.context import activate
from atende.tenancy.middleware import ORGANIZATION_KWARG, PORTAL_KWARG
from atende.tenancy.models import TenantModel
from atende.tenancy.testing import RouteAccess, registered_access, registered_factories

API_PREFIX = "/api/v1"
PORTAL_API_PREFIX = "/portal/"


@dataclass(frozen=True)
class Route:
    """A page route (`customers:detail`) or an API operation (`api:create_contact`)."""

    name: str
    parameters: tuple[str, ...]
    method: str = ""  # API operations only: the one HTTP method of the operation
    api_path: str = ""  # API operations only: "/customers/{number}/contacts"

    @property
    def is_api(self) -> bool:
        return bool(self.method)

    @property
    def in_portal_api(self) -> bool:
        """The customers' API (`/portal/…`): portal tokens, not members' tokens."""
        return self.api_path.startswith(PORTAL_API_PREFIX)

    @property
    def in_organization(self) -> bool:
        return ORGANIZATION_KWARG in self.parameters

    @property
    def in_portal(self) -> bool:
        return PORTAL_KWARG in self.parameters

    @property
    def object_parameters(self) -> tuple[str, ...]:
        return tuple(
            name for name in self.parameters if name not in (ORGANIZATION_KWARG, PORTAL_KWARG)
        )

    @property
    def names_an_object(self) -> bool:
        if not self.object_parameters:
            return False
        return not getattr(registered_factories().get(self.name), "names_no_object", False)

    @property
    def access(self) -> RouteAccess | None:
        return registered_access().get(self.name)

    def url(self, organization, kwargs: dict) -> str:
        if self.is_api:
            return API_PREFIX + self.api_path.format(**kwargs)
        slug = PORTAL_KWARG if self.in_portal else ORGANIZATION_KWARG
        return reverse(self.name, kwargs={slug: organization.slug, **kwargs})


def _page_routes(patterns, prefix: str = "", namespace: str = "") -> list[Route]:
    import re

    parameter = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")
    routes = []
    for entry in patterns:
        pattern = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            if inner.startswith(("admin:", "api:")):
                continue  # platform administration (staff only); the API is walked by operation
            routes.extend(_page_routes(entry.url_patterns, pattern, inner))
        elif isinstance(entry, URLPattern) and entry.name:
            names = tuple(match.group("name") for match in parameter.finditer(pattern))
            routes.append(Route(f"{namespace}{entry.name}", names))
    return routes


def _api_operations() -> list[Route]:
    import re

    routes = []
    for prefix, router in api._routers:
        for relative, path_view in router.path_operations.items():
            path = prefix.rstrip("/") + relative
            parameters = tuple(re.findall(r"{(\w+)}", path))
            for operation in path_view.operations:
                for method in operation.methods:
                    name = f"api:{operation.view_func.__name__}"
                    routes.append(Route(name, parameters, method=method, api_path=path))
    return routes


def _load_route_declarations() -> None:
    for config in apps.get_app_configs():
        if config.name.startswith("atende."):
            try:
                import_module(f"{config.name}.tests.isolation")
            except ModuleNotFoundError as exc:
                if exc.name != f"{config.name}.tests.isolation":
                    raise


_load_route_declarations()
PAGE_ROUTES = _page_routes(get_resolver().url_patterns)
ORGANIZATION_ROUTES = [route for route in PAGE_ROUTES if route.in_organization]
PORTAL_ROUTES = [route for route in PAGE_ROUTES if route.in_portal]
API_OPERATIONS = _api_operations()
STAFF_API_OPERATIONS = [route for route in API_OPERATIONS if not route.in_portal_api]
PORTAL_API_OPERATIONS = [route for route in API_OPERATIONS if route.in_portal_api]
WALKED_ROUTES = ORGANIZATION_ROUTES + STAFF_API_OPERATIONS
API_DOCUMENT_ROUTES = {"api:openapi-json", "api:openapi-view"}


def route_id(route: Route) -> str:
    return f"{route.method} {route.name}" if route.is_api else route.name


def object_kwargs(route: Route, organization) -> dict:
    """The URL kwargs of a fresh object of `organization` for this route (none if no params)."""
    if not route.object_parameters:
        return {}
    with activate(organization):
        return registered_factories()[route.name](organization)


def request_body(route: Route, organization, kwargs: dict) -> dict | None:
    access = route.access
    if access is None or access.body is None:
        return None
    with activate(organization):
        return access.body(organization, kwargs)


def call(client: Client, route: Route, url: str, *, method: str, body: dict | None, **extra):
    """One request the way a browser (form POST) or an API client (JSON) sends it."""
    if route.is_api:
        if method in {"GET", "DELETE"}:
            return getattr(client, method.lower())(url, **extra)
        payload = "{}" if body is None else body
        return getattr(client, method.lower())(
            url, payload, content_type="application/json", **extra
        )
    if method == "GET":
        return client.get(url, **extra)
    return client.post(url, body or {}, **extra)


def _tenant_models() -> list[type]:
    return [
        model
        for model in apps.get_models(include_auto_created=True)
        if issubclass(model, TenantModel)
    ]


def _shared_tables() -> list[type]:
    """Tables outside the tenancy base that organization work writes to (join tables of
    many-to-many fields, the audit log)."""
    models = [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.auto_created and not issubclass(model, TenantModel)
    ]
    return [*models, LogEntry]


# Bookkeeping a request may write whatever it is refused (the token's last use).
IGNORED_FIELDS = {"accounts.ApiToken": {"last_used_at"}}


def _state(manager) -> tuple[int, int]:
    """Rows and a digest of their contents: an update shows even where no row is added."""
    model = manager.model
    ignored = IGNORED_FIELDS.get(model._meta.label, set())
    columns = [field.attname for field in model._meta.concrete_fields if field.name not in ignored]
    rows = list(manager.order_by("pk").values_list(*columns))
    return len(rows), hash(repr(rows))


def table_states(*organizations) -> dict[str, tuple[int, int]]:
    """The state of every tenant table in each organization, and of the shared tables."""
    states: dict[str, tuple[int, int]] = {}
    for organization in organizations:
        with activate(organization):
            for model in _tenant_models():
                states[f"{organization.slug}:{model._meta.label}"] = _state(model.objects)
    for model in _shared_tables():
        states[model._meta.label] = _state(model._base_manager)
    return states


def changed_tables(before: dict, after: dict) -> list[str]:
    """Tables whose rows differ between two `table_states`."""
    return sorted(name for name in before if before[name] != after.get(name))
