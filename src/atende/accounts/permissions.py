"""Who may do what: sector permissions per module and action, plus `rules` record predicates.

A permission not registered with `rules` is granted to organization administrators and to the
sectors that hold it. Later modules register their record rules (portfolio, category) with
`rules.add_perm(codename, predicate)`, and every check goes through `can()` / `require()`.
"""

from enum import StrEnum

import rules
from django.core.exceptions import PermissionDenied

from atende.tenancy.context import active_organization_id, ensure_actor_in_active_organization
from atende.tenancy.models import Member


class AccountsPerm(StrEnum):
    MANAGE_MEMBERS = "accounts.manage_members"
    MANAGE_SECTORS = "accounts.manage_sectors"


def member_permission_codenames(member: Member) -> frozenset[str]:
    """The "app_label.codename" set the member's sector grants (one query, cached on the member)."""
    cached: frozenset[str] | None = getattr(member, "_permission_codenames", None)
    if cached is not None:
        return cached
    sector = member.sector if member.sector_id is not None else None
    if sector is None:
        codenames: frozenset[str] = frozenset()
    else:
        codenames = frozenset(
            f"{app_label}.{codename}"
            for app_label, codename in sector.permissions.values_list(
                "content_type__app_label", "codename"
            )
        )
    member._permission_codenames = codenames
    return codenames


@rules.predicate  # type: ignore[untyped-decorator]  # rules.predicate is unannotated (returns a Predicate)
def is_organization_admin(member: Member | None) -> bool:
    return isinstance(member, Member) and member.is_active and member.is_admin


def sector_grants(codename: str) -> rules.Predicate:
    """Predicate: the member's sector holds `codename`."""

    def check(member: Member | None) -> bool:
        return isinstance(member, Member) and codename in member_permission_codenames(member)

    grants: rules.Predicate = rules.predicate(check, name=f"sector_grants({codename})")
    return grants


def module_permission(codename: str) -> rules.Predicate:
    """The default rule for a module action: administrators, or a sector that holds it."""
    either: rules.Predicate = is_organization_admin | sector_grants(codename)
    return either


def can(member: Member | None, codename: str, obj: object = None) -> bool:
    """True when the member may perform `codename` (on `obj`, when record rules apply)."""
    if not isinstance(member, Member) or not member.is_active:
        return False
    if member.organization_id != active_organization_id():
        return False  # fail closed: a member acts only inside their own organization
    if rules.perm_exists(codename):
        allowed: bool = rules.has_perm(codename, member, obj)
        return allowed
    return module_permission(codename).test(member, obj)


def require(member: Member | None, codename: str, obj: object = None) -> None:
    """Raise PermissionDenied (403: same organization, missing permission) unless `can`.

    Every service starts here, so this is also where an actor of another organization than
    the active one is caught (ActorOutsideOrganization: a bug, never a user's error)."""
    if isinstance(member, Member):
        ensure_actor_in_active_organization(member)
    if not can(member, codename, obj):
        raise PermissionDenied("Você não tem permissão para esta ação.")


rules.add_perm(AccountsPerm.MANAGE_MEMBERS, is_organization_admin)
rules.add_perm(AccountsPerm.MANAGE_SECTORS, is_organization_admin)
