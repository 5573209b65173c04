"""The modules whose permissions sectors can grant; apps register themselves in ready()."""

from django.contrib.auth.models import Permission
from django.db.models import Q, QuerySet

_modules: dict[str, str] = {}
_models: dict[str, tuple[str, ...]] = {}


def register_module(app_label: str, label: str, *, models: tuple[str, ...]) -> None:
    """Let sectors grant the permissions of `models` of `app_label`, shown under `label`.

    Only the models people think in (customers, tickets…) are listed; their details follow
    the main record's permission.
    """
    _modules[app_label] = label
    _models[app_label] = models


def module_label(app_label: str) -> str:
    return _modules.get(app_label, app_label)


def module_permissions() -> QuerySet[Permission]:
    """Permissions of every registered module, grouped by module and model."""
    condition = Q(pk__in=[])
    for app_label, models in _models.items():
        condition |= Q(content_type__app_label=app_label, content_type__model__in=models)
    return (
        Permission.objects.filter(condition)
        .select_related("content_type")
        .order_by("content_type__app_label", "content_type__model", "codename")
    )
