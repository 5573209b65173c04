"""Reads that cross organizations on purpose: resolving the edge and the switcher."""

from django.conf import settings
from django.core.cache import cache

from atende.tenancy.context import dangerously_unscoped
from atende.tenancy.models import Member, Organization

HOST_CACHE_SECONDS = 60


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


def member_for_request(*, user, organization_slug: str) -> Member | None:
    """The user's active membership in the organization with this slug, or None."""
    with dangerously_unscoped():
        return (
            Member.objects.select_related("organization", "sector")
            .filter(
                user=user,
                is_active=True,
                organization__slug=organization_slug,
                organization__is_active=True,
            )
            .first()
        )


def memberships_of(user) -> list[Member]:
    """Every active membership of a user, for the organization switcher (evaluated at once)."""
    with dangerously_unscoped():
        return list(
            Member.objects.select_related("organization")
            .filter(user=user, is_active=True, organization__is_active=True)
            .order_by("organization__name")
        )
