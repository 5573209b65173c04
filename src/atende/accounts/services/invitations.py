"""Invitations: an administrator invites by e-mail; the person joins only when they accept."""

from django.db import transaction
from django.utils import timezone

from atende.accounts.errors import AccountsError
from atende.accounts.models import Invitation, Sector, User
from atende.accounts.permissions import AccountsPerm, require
from atende.accounts.tasks import member_invite_email_task
from atende.core.errors import DomainError
from atende.tenancy.context import activate
from atende.tenancy.models import Member

CLOSED = "Este convite não vale mais (já foi aceito, cancelado, reenviado ou expirou)."


def _send(invitation: Invitation) -> Invitation:
    invitation.send_count += 1
    invitation.sent_at = timezone.now()
    invitation.save()
    member_invite_email_task.delay_on_commit(invitation.organization_id, invitation.pk)
    return invitation


def _pending(*, actor: Member, invitation: Invitation) -> Invitation:
    require(actor, AccountsPerm.MANAGE_MEMBERS)
    locked = Invitation.objects.select_for_update().filter(pk=invitation.pk).first()
    if locked is None or locked.accepted_at is not None:
        raise DomainError("Este convite já foi aceito.", code=AccountsError.INVITATION_ACCEPTED)
    return locked


@transaction.atomic
def member_invite(
    *, actor: Member, email: str, full_name: str, sector: Sector | None, is_admin: bool = False
) -> Invitation:
    """Invite a person by e-mail (re-inviting a pending address updates and re-sends)."""
    require(actor, AccountsPerm.MANAGE_MEMBERS)
    email = User.objects.normalize_email(email).strip().lower()
    if Member.objects.filter(user__email__iexact=email, is_active=True).exists():
        raise DomainError(
            f"{email} já faz parte desta empresa.", code=AccountsError.ALREADY_MEMBER, field="email"
        )
    invitation = Invitation.objects.select_for_update().filter(
        email=email, accepted_at__isnull=True
    ).first() or Invitation(email=email)
    invitation.invited_name = full_name.strip()
    invitation.sector = sector
    invitation.is_admin = is_admin
    invitation.invited_by = actor
    return _send(invitation)


@transaction.atomic
def invitation_update(
    *, actor: Member, invitation: Invitation, full_name: str, sector: Sector | None, is_admin: bool
) -> Invitation:
    """Change what a pending invitation will grant (its link stays the same)."""
    invitation = _pending(actor=actor, invitation=invitation)
    invitation.invited_name = full_name.strip()
    invitation.sector = sector
    invitation.is_admin = is_admin
    invitation.save(update_fields=["invited_name", "sector", "is_admin"])
    return invitation


@transaction.atomic
def invitation_resend(*, actor: Member, invitation: Invitation) -> Invitation:
    """Send the invitation again with a fresh link; the earlier links stop working."""
    invitation = _pending(actor=actor, invitation=invitation)
    invitation.invited_by = actor
    return _send(invitation)


@transaction.atomic
def invitation_cancel(*, actor: Member, invitation: Invitation) -> None:
    """Withdraw a pending invitation; its link stops working."""
    _pending(actor=actor, invitation=invitation).delete()


def invitation_accept(*, actor: User, invitation: Invitation) -> Member:
    """The invited person (signed in as the invited e-mail) joins the organization.

    The actor is a User, not a Member: they belong to no organization yet. The organization is
    the invitation's, which came from a signed link (accounts.invitation_links), so it is made
    active here for the write, as `@organization_task` does for a task's organization id.
    """
    with activate(invitation.organization_id), transaction.atomic():
        locked = Invitation.objects.select_for_update().filter(pk=invitation.pk).first()
        if locked is None or not locked.is_open:
            raise DomainError(CLOSED, code=AccountsError.INVITATION_CLOSED)
        invitation = locked
        if not actor.is_active or actor.email.lower() != invitation.email:
            raise DomainError(
                f"Este convite é para {invitation.email}. Entre com esse e-mail para aceitar.",
                code=AccountsError.INVITATION_OTHER_EMAIL,
            )
        member = Member.objects.filter(user=actor).first() or Member(user=actor)
        if member.pk is None or not member.is_active:
            member.sector = invitation.sector
            member.is_admin = invitation.is_admin
            member.is_active = True
            member.save()
        invitation.accepted_at = timezone.now()
        invitation.member = member
        invitation.save(update_fields=["accepted_at", "member"])
        return member


@transaction.atomic
def invitation_accept_as_new_user(
    *, invitation: Invitation, full_name: str, password: str
) -> Member:
    """Someone without an Atende password chooses one and accepts, in one step.

    No actor yet: the signed link, which only the invited mailbox received, is the credential.
    """
    user = User.objects.filter(email__iexact=invitation.email).first()
    if user is not None and user.has_usable_password():
        raise DomainError(
            "Já existe uma conta com este e-mail. Entre com ela para aceitar o convite.",
            code=AccountsError.ACCOUNT_EXISTS,
        )
    if user is None:
        user = User.objects.create_user(invitation.email, password, full_name=full_name.strip())
    else:  # an account made by an older invitation that never got a password
        user.full_name = full_name.strip()
        user.set_password(password)
        user.save(update_fields=["full_name", "password"])
    return invitation_accept(actor=user, invitation=invitation)
