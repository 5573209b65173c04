"""Areas and their resources (D1)."""

from collections.abc import Iterable

from django.db import IntegrityError, transaction

from atende.accounts.permissions import require
from atende.core.errors import DomainError, ErrorCode
from atende.core.validation import validate_model_fields
from atende.desk.models import Area, AreaResource
from atende.desk.permissions import DeskPerm
from atende.tenancy.models import Member


@transaction.atomic
def area_save(
    *,
    actor: Member,
    area: Area | None,
    name: str,
    email: str = "",
    mail_alias: str = "",
    is_default: bool = False,
    is_active: bool = True,
    resources: Iterable[Member] = (),
) -> Area:
    """Create or change an area and the members who serve it; one area is the default."""
    require(actor, DeskPerm.MANAGE_AREAS)
    area = area or Area()
    area.name, area.email = name.strip(), email.strip().lower()
    area.mail_alias = mail_alias.strip().lower()
    area.is_active = is_active
    area.is_default = is_default and is_active
    validate_model_fields(area)
    if area.is_default:
        Area.objects.filter(is_default=True).exclude(pk=area.pk).update(is_default=False)
    try:
        with transaction.atomic():
            area.save()
    except IntegrityError as exc:
        taken = Area.objects.filter(mail_alias=area.mail_alias).exclude(pk=area.pk)
        if area.mail_alias and taken.exists():
            raise DomainError(
                f"Outra área já usa o apelido de e-mail “{area.mail_alias}”.",
                code=ErrorCode.DUPLICATE,
                field="mail_alias",
            ) from exc
        raise DomainError(
            f"Já existe uma área chamada “{area.name}”.", code=ErrorCode.DUPLICATE, field="name"
        ) from exc
    wanted = {member.pk for member in resources}
    AreaResource.objects.filter(area=area).exclude(member_id__in=wanted).delete()
    present = set(AreaResource.objects.filter(area=area).values_list("member_id", flat=True))
    AreaResource.objects.bulk_create(
        [AreaResource(area=area, member_id=pk) for pk in sorted(wanted - present)]
    )
    return area
