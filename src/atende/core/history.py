"""Audit history of one object (django-auditlog), newest first, keyset paged."""

from auditlog import get_logentry_model
from auditlog.models import AbstractLogEntry, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import models

from atende.core.pagination import KeysetPage, keyset_page

HISTORY_PAGE_SIZE = 20
ACTION_LABELS = {
    LogEntry.Action.CREATE: "Criado",
    LogEntry.Action.UPDATE: "Alterado",
    LogEntry.Action.DELETE: "Excluído",
    LogEntry.Action.ACCESS: "Acessado",
}


def history_page(
    obj: models.Model, *, cursor: str | None = None, size: int = HISTORY_PAGE_SIZE
) -> KeysetPage[AbstractLogEntry]:
    """Audit entries of `obj` with their actors (one query per page)."""
    # The organization's own entries (tenancy.AuditLogEntry), scoped like every tenant table.
    entries = (
        get_logentry_model()
        .objects.filter(
            content_type=ContentType.objects.get_for_model(type(obj)), object_pk=str(obj.pk)
        )
        .select_related("actor")
    )
    return keyset_page(entries, ordering=["-timestamp", "-pk"], cursor=cursor, size=size)
