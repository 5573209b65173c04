"""Typed requests: what OrganizationMiddleware (or the API's token auth) puts on a request.

For annotations only; at run time every request is Django's own HttpRequest.
"""

from typing import TYPE_CHECKING

from django.http import HttpRequest

from atende.tenancy.models import Member, Organization

if TYPE_CHECKING:
    # django-stubs' placeholder for settings.AUTH_USER_MODEL (atende.accounts.User), which
    # tenancy, a lower layer, does not import.
    from django.contrib.auth.models import _User


class OrganizationRequest(HttpRequest):
    """Any request past OrganizationMiddleware: inside an organization or not (then None)."""

    organization: Organization | None
    member: Member | None
    # The customer signed in to this organization's portal (accounts.PortalAccount), if any.
    portal_account: object | None


class SignedInRequest(HttpRequest):
    """A request to a `@login_required` view: `request.user` is a signed-in user."""

    user: "_User"


class MemberRequest(SignedInRequest):
    """A request to a view under `/<slug>/`: the middleware let it through only for a signed-in,
    active member of that organization (anyone else was sent to sign in or got a 404)."""

    organization: Organization
    member: Member


class ApiRequest(HttpRequest):
    """A REST API request past MemberTokenAuth: `request.auth` is the token's member, also set
    as `request.member` with its organization (`request.user` stays anonymous: no session)."""

    auth: Member
    organization: Organization
    member: Member
