"""Reads that cross organizations on purpose: resolving the edge and the switcher."""

from atende.tenancy.context import dangerously_unscoped
from atende.tenancy.models import Member, Organization


def organization_by_host(host: str) -> Organization | None:
    """The active organization mapped to this host name, if any."""
    if not host:
        return None
    return Organization.objects.filter(hostname=host.lower(), is_active=True).first()


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
