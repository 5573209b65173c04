"""Reads of the accounts app, shaped for one screen each."""

from django.db.models import Count, Q, QuerySet

from atende.accounts.models import Sector
from atende.core.pagination import KeysetPage, keyset_page
from atende.tenancy.models import Member


def member_list(*, cursor: str | None = None, search: str = "", size: int = 50) -> KeysetPage:
    """Members of the active organization by name, with user and sector (one query)."""
    members = Member.objects.select_related("user", "sector")
    if search.strip():
        term = search.strip()
        members = members.filter(
            Q(user__full_name__icontains=term) | Q(user__email__icontains=term)
        )
    return keyset_page(members, ordering=["user__full_name", "pk"], cursor=cursor, size=size)


def sector_list() -> QuerySet[Sector]:
    """Sectors with how many members and permissions each has."""
    return Sector.objects.annotate(
        member_count=Count("members", distinct=True),
        permission_count=Count("permissions", distinct=True),
    ).order_by("name")
