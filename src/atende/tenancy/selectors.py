"""Reads at the edge of the tenancy: the organization of a request and the switcher's list."""

from typing import TYPE_CHECKING

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models.expressions import RawSQL

from atende.tenancy.context import activate, dangerously_unscoped
from atende.tenancy.models import Member, Organization

if TYPE_CHECKING:
    # django-stubs' placeholder for settings.AUTH_USER_MODEL (atende.accounts.User).
    from django.contrib.auth.models import _User

HOST_CACHE_SECONDS = 60
# A SECURITY DEFINER function owned by the owner role (migration tenancy 0007): the one way the
# application role learns, across organizations, where a user is a member.
USER_ORGANIZATIONS_SQL = "SELECT atende_user_organization_ids(%s)"


def organization_by_host(host: str) -> Organization | None:
    """The active organization mapped to this host name, if any (cached for a minute)."""
    host = host.lower()
    if not host or host in settings.ATENDE_PRIMARY_HOSTS:
        return None
    cache_key = f"atende:host:{host}"
    organization_id = cache.get(cache_key)
    if organization_id is None:
        found = Organization.objects.filter(hostname=host, is_active=True).first()
        organization_id = found.pk if found else 0
        cache.set(cache_key, organization_id, HOST_CACHE_SECONDS)
        return found
    if organization_id == 0:
        return None
    return Organization.objects.filter(pk=organization_id, is_active=True).first()


def member_for_request(*, user: "_User", organization_slug: str) -> Member | None:
    """The user's active membership in the active organization with this slug, or None.

    The organization is found first and the membership is read inside it, so this needs no
    cross-organization read (which row-level security would refuse the application role).
    """
    organization = Organization.objects.filter(slug=organization_slug, is_active=True).first()
    if organization is None:
        return None
    with activate(organization):
        member = Member.objects.select_related("sector").filter(user=user, is_active=True).first()
    if member is not None:
        member.organization = organization
    return member


def organizations_of(user: "_User") -> list[Organization]:
    """The active organizations where the user is an active member, by name (the switcher)."""
    organizations = Organization.objects.filter(is_active=True).order_by("name")
    if connection.vendor == "postgresql":
        ids = RawSQL(USER_ORGANIZATIONS_SQL, [user.pk])  # noqa: S611  a constant, one parameter
        return list(organizations.filter(pk__in=ids))
    # SQLite has no row-level security: the ORM's explicit cross-organization read suffices
    # (evaluated inside the block, where the scoped manager's condition is compiled).
    with dangerously_unscoped():
        member_of = Member.objects.filter(user=user, is_active=True).values("organization_id")
        return list(organizations.filter(pk__in=member_of))


def organization_administrators(*, limit: int = 5) -> list[Member]:
    """The active organization's active administrators, by name: whom to ask for access."""
    return list(
        Member.objects.filter(is_admin=True, is_active=True)
        .select_related("user")
        .order_by("user__full_name", "pk")[:limit]
    )
