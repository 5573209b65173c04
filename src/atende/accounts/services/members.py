"""Organization administrators manage people: invite, change sector or role, deactivate."""

from django.db import transaction
from django.db.models import Q

from atende.accounts.models import Sector, User
from atende.accounts.permissions import AccountsPerm, require
from atende.accounts.tasks import member_invite_email_task
from atende.core.errors import DomainError
from atende.tenancy.models import Member


@transaction.atomic
def member_invite(
    *, actor: Member, email: str, full_name: str, sector: Sector | None, is_admin: bool = False
) -> Member:
    """Add a person to the organization (creating the user if new) and e-mail the invitation."""
    require(actor, AccountsPerm.MANAGE_MEMBERS)
    email = User.objects.normalize_email(email).strip().lower()
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        user = User.objects.create_user(email, None, full_name=full_name.strip())
    member = Member.objects.filter(user=user).first()
    if member is not None and member.is_active:
        raise DomainError(
            f"{user.email} já faz parte desta empresa.", code="already_member", field="email"
        )
    if member is None:
        member = Member(user=user)
    member.sector = sector
    member.is_admin = is_admin
    member.is_active = True
    member.save()
    member_invite_email_task.delay_on_commit(actor.organization_id, member.pk, actor.pk)
    return member


def _other_active_admins(member: Member) -> bool:
    return (
        Member.objects.filter(Q(is_admin=True) & Q(is_active=True)).exclude(pk=member.pk).exists()
    )


@transaction.atomic
def member_update(
    *,
    actor: Member,
    member: Member,
    sector: Sector | None,
    is_admin: bool,
    is_active: bool,
    only_own_portfolio: bool = False,
) -> Member:
    """Change a member's sector, administrator flag or active state."""
    require(actor, AccountsPerm.MANAGE_MEMBERS)
    losing_admin = member.is_admin and member.is_active and not (is_admin and is_active)
    if losing_admin and not _other_active_admins(member):
        raise DomainError(
            "A empresa precisa de pelo menos um administrador ativo.", code="last_admin"
        )
    if member.pk == actor.pk and not is_active:
        raise DomainError("Você não pode desativar a si mesmo.", code="self_deactivate")
    member.sector = sector
    member.is_admin = is_admin
    member.is_active = is_active
    member.only_own_portfolio = only_own_portfolio
    member.save(update_fields=["sector", "is_admin", "is_active", "only_own_portfolio"])
    return member
