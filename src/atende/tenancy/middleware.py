"""Resolve the organization of a request once, at the edge, and activate it for the view."""

from collections.abc import Callable
from contextvars import copy_context

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import Resolver404, resolve

from atende.tenancy.context import activate_for_this_context
from atende.tenancy.http import OrganizationRequest
from atende.tenancy.models import Organization
from atende.tenancy.selectors import member_for_request, organization_by_host

ORGANIZATION_KWARG = "organization_slug"
PORTAL_KWARG = "portal_slug"


def _no_portal(request: HttpRequest, organization_id: int) -> None:
    return None


# Who is signed in to a portal: set by the portal app (a layer above) when it loads.
_portal_account_resolver: Callable[[HttpRequest, int], object] = _no_portal


def register_portal_account_resolver(resolver: Callable[[HttpRequest, int], object]) -> None:
    global _portal_account_resolver  # noqa: PLW0603  one hook, set once at start-up
    _portal_account_resolver = resolver


class OrganizationMiddleware:
    """`/<slug>/…` (or a mapped host name) → request.organization and request.member.

    A slug that does not exist, an inactive organization and an organization the user does not
    belong to all answer 404 alike; an anonymous visitor is sent to sign in.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: OrganizationRequest) -> HttpResponse:
        request.organization = None
        request.member = None
        request.portal_account = None
        self._apply_host_mapping(request)
        # A fresh context per request: whatever the view activates ends with it.
        return copy_context().run(self.get_response, request)

    def process_view(
        self,
        request: OrganizationRequest,
        view_func: Callable[..., HttpResponse],
        view_args: tuple[object, ...],
        view_kwargs: dict[str, object],
    ) -> HttpResponseRedirect | None:
        portal_slug = view_kwargs.pop(PORTAL_KWARG, None)
        if isinstance(portal_slug, str):
            self._enter_portal(request, portal_slug)
            return None
        slug = view_kwargs.pop(ORGANIZATION_KWARG, None)
        if not isinstance(slug, str):  # None: not a route under /<slug>/
            return None
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
        member = member_for_request(user=request.user, organization_slug=slug)
        if member is None:
            raise Http404("Organization not found")
        request.organization = member.organization
        request.member = member
        activate_for_this_context(member.organization)  # ends with the copied context
        return None

    def _enter_portal(self, request: OrganizationRequest, slug: str) -> None:
        """`/<slug>/webdesk/…`: the customers' portal. No staff membership is asked for (and
        none is given: request.member stays None); the portal's own session says who it is."""
        organization = Organization.objects.filter(slug=slug, is_active=True).first()
        if organization is None:
            raise Http404("Organization not found")
        request.organization = organization
        activate_for_this_context(organization)
        request.portal_account = _portal_account_resolver(request, organization.pk)

    def _apply_host_mapping(self, request: HttpRequest) -> None:
        organization = organization_by_host(request.get_host().split(":")[0])
        if organization is None:
            return
        prefix = f"/{organization.slug}/"
        if request.path_info.startswith(prefix):
            return
        candidate = prefix + request.path_info.lstrip("/")
        try:
            resolve(candidate)
        except Resolver404:
            return
        request.path_info = candidate
