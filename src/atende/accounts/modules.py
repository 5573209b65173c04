"""The modules whose permissions sectors can grant; apps register themselves in ready()."""

from django.contrib.auth.models import Permission
from django.db.models import QuerySet

_modules: dict[str, str] = {}


def register_module(app_label: str, label: str) -> None:
    """Let sectors grant the permissions of `app_label`, shown under `label`."""
    _modules[app_label] = label


def module_label(app_label: str) -> str:
    return _modules.get(app_label, app_label)


def module_permissions() -> QuerySet[Permission]:
    """Permissions of every registered module, grouped by module and model."""
    return (
        Permission.objects.filter(content_type__app_label__in=list(_modules))
        .select_related("content_type")
        .order_by("content_type__app_label", "content_type__model", "codename")
    )
