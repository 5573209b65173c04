"""Audit history of one object (django-auditlog), newest first, keyset paged.

An object's history also holds the entries of the records that belong to it (a customer's
contacts, addresses, documents, e-mails…): each such entry is written with a *subject*, the
record whose history it joins, named by the path registered with `history_subject_register`.
"""

from auditlog import get_logentry_model
from auditlog.models import AbstractLogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import models

from atende.core.pagination import KeysetPage, keyset_page

HISTORY_PAGE_SIZE = 20

# model → the foreign-key path from one of its records to its subject ("customer",
# "observation.customer").
_subject_paths: dict[type[models.Model], tuple[str, ...]] = {}


def history_subject_register(model: type[models.Model], path: str) -> None:
    """Show `model`'s audit entries in the history of the record `path` leads to."""
    parts = tuple(path.split("."))
    target: type[models.Model] = model
    for part in parts:  # fail at start-up, not when the first entry is written
        field = target._meta.get_field(part)
        assert field.many_to_one, f"{model.__name__}.{path}: {part} is not a foreign key"
        related = field.related_model
        assert isinstance(related, type)
        target = related
    _subject_paths[model] = parts


def history_subject(instance: models.Model) -> tuple[type[models.Model], int] | None:
    """(model, pk) of the record whose history `instance`'s entries join; None if its own."""
    parts = _subject_paths.get(type(instance))
    if parts is None:
        return None
    current: models.Model | None = instance
    for part in parts[:-1]:  # the last step reads the key only: no query for it
        current = getattr(current, part, None) if current is not None else None
    if current is None:
        return None
    field = current._meta.get_field(parts[-1])
    assert isinstance(field, models.ForeignKey)
    subject_id = getattr(current, field.attname)
    if subject_id is None:
        return None
    related = field.related_model
    assert isinstance(related, type)
    return related, subject_id


def history_subject_kwargs(instance: models.Model) -> dict[str, object]:
    """The log entry fields that file `instance`'s entry under its subject (empty if none)."""
    subject = history_subject(instance)
    if subject is None:
        return {}
    model, subject_id = subject
    return {"subject_type": ContentType.objects.get_for_model(model), "subject_id": subject_id}


def history_page(
    obj: models.Model, *, cursor: str | None = None, size: int = HISTORY_PAGE_SIZE
) -> KeysetPage[AbstractLogEntry]:
    """Audit entries of `obj` and of the records filed under it, with their actors and
    content types (one query per page)."""
    content_type = ContentType.objects.get_for_model(type(obj))
    # The organization's own entries (tenancy.AuditLogEntry), scoped like every tenant table.
    # Two index ranges, (content type, object) and (subject type, subject), OR-ed: a record's
    # own page and its parent's page read the same rows.
    own = models.Q(content_type=content_type, object_pk=str(obj.pk))
    filed = models.Q(subject_type=content_type, subject_id=obj.pk)
    entries = (
        get_logentry_model().objects.filter(own | filed).select_related("actor", "content_type")
    )
    return keyset_page(entries, ordering=["-timestamp", "-pk"], cursor=cursor, size=size)
