"""Sectors and the module permissions they grant."""

from collections.abc import Iterable

from django.contrib.auth.models import Permission
from django.db import IntegrityError, transaction

from atende.accounts.models import Sector
from atende.accounts.permissions import AccountsPerm, require
from atende.core.errors import DomainError, ErrorCode
from atende.tenancy.models import Member


def _duplicate_name(name: str) -> DomainError:
    return DomainError(
        f"Já existe um setor chamado “{name}”.", code=ErrorCode.DUPLICATE, field="name"
    )


@transaction.atomic
def sector_save(
    *, actor: Member, sector: Sector | None, name: str, permissions: Iterable[Permission]
) -> Sector:
    """Create a sector (sector=None) or rename it and replace its permissions."""
    require(actor, AccountsPerm.MANAGE_SECTORS)
    name = name.strip()
    same_name = Sector.objects.filter(name__iexact=name)
    if sector is not None:
        same_name = same_name.exclude(pk=sector.pk)
    if same_name.exists():
        raise _duplicate_name(name)
    sector = sector or Sector()
    sector.name = name
    try:
        with transaction.atomic():
            sector.save()
    except IntegrityError as exc:  # a concurrent request took the name first
        raise _duplicate_name(name) from exc
    sector.permissions.set(list(permissions))
    return sector


@transaction.atomic
def sector_delete(*, actor: Member, sector: Sector) -> None:
    """Delete a sector; its members keep their membership without a sector."""
    require(actor, AccountsPerm.MANAGE_SECTORS)
    sector.delete()
