"""Organization administrators manage people: change sector or role, deactivate.

(Inviting is in services/invitations.py: people join only by accepting.)
"""

from django.db import transaction
from django.db.models import Q

from atende.accounts.errors import AccountsError
from atende.accounts.models import Sector
from atende.accounts.permissions import AccountsPerm, require
from atende.core.errors import DomainError
from atende.tenancy.models import Member


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
            "A empresa precisa de pelo menos um administrador ativo.", code=AccountsError.LAST_ADMIN
        )
    if member.pk == actor.pk and not is_active:
        raise DomainError("Você não pode desativar a si mesmo.", code=AccountsError.SELF_DEACTIVATE)
    member.sector = sector
    member.is_admin = is_admin
    member.is_active = is_active
    member.only_own_portfolio = only_own_portfolio
    member.save(update_fields=["sector", "is_admin", "is_active", "only_own_portfolio"])
    return member
