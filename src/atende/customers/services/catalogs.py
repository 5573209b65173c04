"""The organization's own lists: categories, origins, contact types, extra fields."""

from collections.abc import Iterable
from typing import TypeVar

from django.db import IntegrityError, models, transaction
from django.utils.text import slugify

from atende.accounts.models import Sector
from atende.accounts.permissions import require
from atende.core.errors import DomainError, ErrorCode
from atende.core.validation import validate_model_fields
from atende.customers.models import Category, ExtraField, SectorCategory, SmsTemplate
from atende.customers.permissions import CustomerPerm
from atende.customers.sms_text import sms_placeholders_check
from atende.tenancy.models import Member

_Entry = TypeVar("_Entry", bound=models.Model)


@transaction.atomic
def catalog_save(
    *, actor: Member, model: type[_Entry], instance: _Entry | None, **fields: object
) -> _Entry:
    """Create or change one entry of a customer catalog; names are unique per list."""
    require(actor, CustomerPerm.MANAGE_SETTINGS)
    instance = instance or model()
    for name, value in fields.items():
        setattr(instance, name, value.strip() if isinstance(value, str) else value)
    if isinstance(instance, SmsTemplate):
        sms_placeholders_check(instance.text)
    if isinstance(instance, ExtraField) and not instance.key:
        instance.key = extra_field_key(label=instance.label, target=instance.target)
    if isinstance(instance, ExtraField) and instance.kind == "choice" and not instance.options:
        raise DomainError(
            "Informe as opções, uma por linha.", code=ErrorCode.REQUIRED, field="choices"
        )
    validate_model_fields(instance)
    try:
        with transaction.atomic():
            instance.save()
    except IntegrityError as exc:
        field = "key" if isinstance(instance, ExtraField) else "name"
        raise DomainError(
            "Já existe um item com este nome.", code=ErrorCode.DUPLICATE, field=field
        ) from exc
    return instance


def extra_field_key(*, label: str, target: str) -> str:
    """The key an extra field's values are stored under, derived from its label: "Nº de
    filiais" → "no_de_filiais"; a number is added when another field of the target has it."""
    base = slugify(label).replace("-", "_")[:36].strip("_") or "campo"
    taken = set(ExtraField.objects.filter(target=target).values_list("key", flat=True))
    key, suffix = base, 2
    while key in taken:
        key, suffix = f"{base}_{suffix}", suffix + 1
    return key


@transaction.atomic
def sector_categories_set(*, actor: Member, sector: Sector, categories: Iterable[Category]) -> None:
    """Limit a sector to these customer categories (none: no limit)."""
    require(actor, CustomerPerm.MANAGE_SETTINGS)
    SectorCategory.objects.filter(sector=sector).delete()
    SectorCategory.objects.bulk_create(
        [SectorCategory(sector=sector, category=category) for category in categories]
    )
