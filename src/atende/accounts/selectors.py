"""Reads of the accounts app, shaped for one screen each."""

from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from atende.accounts.invitation_links import invitation_link_read
from atende.accounts.models import INVITATION_VALID_FOR, ApiToken, Invitation, Sector, User
from atende.core.pagination import KeysetPage, keyset_page
from atende.tenancy.context import activate
from atende.tenancy.models import Member

PENDING_INVITATIONS_SHOWN = 100


def member_list(
    *, cursor: str | None = None, search: str = "", size: int = 50
) -> KeysetPage[Member]:
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


def invitation_list(*, search: str = "") -> list[Invitation]:
    """Pending invitations, newest first, under the name the administrator typed (one query)."""
    invitations = Invitation.objects.filter(accepted_at__isnull=True).select_related("sector")
    if search.strip():
        term = search.strip()
        invitations = invitations.filter(Q(invited_name__icontains=term) | Q(email__icontains=term))
    return list(invitations.order_by("-sent_at", "-pk")[:PENDING_INVITATIONS_SHOWN])


def invitation_from_link(*, token: str) -> Invitation | None:
    """The open invitation a genuine link points to, with its organization and inviter loaded
    (evaluated inside the link's organization; None for a bad, old, used or replaced link)."""
    found = invitation_link_read(token)
    if found is None:
        return None
    organization_id, invitation_id, send_count = found
    with activate(organization_id):
        return (
            Invitation.objects.select_related("organization", "invited_by__user")
            .filter(
                pk=invitation_id,
                send_count=send_count,
                accepted_at__isnull=True,
                sent_at__gt=timezone.now() - INVITATION_VALID_FOR,
                organization__is_active=True,
            )
            .first()
        )


def invitation_account(invitation: Invitation) -> User | None:
    """The existing account (with a password) the invitation's e-mail belongs to, if any."""
    user = User.objects.filter(email__iexact=invitation.email).first()
    return user if user is not None and user.has_usable_password() else None


def member_get(*, pk: int) -> Member:
    """A member of the active organization with user and sector; 404 otherwise."""
    return get_object_or_404(Member.objects.select_related("user", "sector"), pk=pk)


def pending_invitation_get(*, pk: int) -> Invitation:
    """An invitation not accepted yet, with its sector; 404 otherwise."""
    pending = Invitation.objects.filter(accepted_at__isnull=True).select_related("sector")
    return get_object_or_404(pending, pk=pk)


def sector_get(*, pk: int) -> Sector:
    """A sector of the active organization; 404 otherwise."""
    return get_object_or_404(Sector, pk=pk)


def api_token_list(*, member: Member) -> QuerySet[ApiToken]:
    """The member's own API tokens, newest first."""
    return ApiToken.objects.filter(member=member).order_by("-created_at")


def api_token_get(*, member: Member, pk: int) -> ApiToken:
    """One of the member's own tokens; another member's is as missing as an unknown one."""
    return get_object_or_404(ApiToken, pk=pk, member=member)


def user_awaiting_second_step(*, user_id: object) -> User | None:
    """The active user whose password was right and who still owes the TOTP code."""
    user = User.objects.filter(pk=user_id).first() if isinstance(user_id, int) else None
    return user if user is not None and user.is_active else None
