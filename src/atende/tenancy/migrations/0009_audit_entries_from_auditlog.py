"""Move the audit entries written so far into the organization-keyed table.

Each entry takes the organization of the object it describes; for a deleted object, the one
recorded in the entry's own changes. Entries about organizations themselves (the platform
administration) stay out: Django admin's log keeps those. The moved rows leave the library's
table, which has no organization key and no row-level security.
"""

from django.db import migrations

from atende.tenancy.context import dangerously_unscoped

FIELDS = [
    "content_type_id", "object_pk", "object_id", "object_repr", "serialized_data", "action",
    "changes_text", "changes", "actor_id", "cid", "remote_addr", "remote_port", "timestamp",
    "additional_data", "actor_email",
]  # fmt: skip


def _organization_of(apps, entry) -> int | None:
    content_type = entry.content_type
    try:
        model = apps.get_model(content_type.app_label, content_type.model)
    except LookupError:
        return None
    if not any(field.name == "organization" for field in model._meta.fields):
        return None
    found = model._base_manager.filter(pk=entry.object_pk).values_list("organization_id", flat=True)
    for organization_id in found:
        return organization_id
    recorded = (entry.changes or {}).get("organization") or []
    values = [value for value in recorded if value not in (None, "None")]
    return int(values[0]) if values and str(values[0]).isdigit() else None


def forwards(apps, schema_editor):
    LogEntry = apps.get_model("auditlog", "LogEntry")
    AuditLogEntry = apps.get_model("tenancy", "AuditLogEntry")
    # The owner role reads every organization here (migration 0008 allows it nothing else).
    with dangerously_unscoped():
        moved = []
        for entry in LogEntry.objects.select_related("content_type").order_by("pk").iterator():
            organization_id = _organization_of(apps, entry)
            if organization_id is None:
                continue
            values = {name: getattr(entry, name) for name in FIELDS}
            AuditLogEntry.objects.create(organization_id=organization_id, **values)
            moved.append(entry.pk)
        LogEntry.objects.filter(pk__in=moved).delete()


def backwards(apps, schema_editor):
    LogEntry = apps.get_model("auditlog", "LogEntry")
    AuditLogEntry = apps.get_model("tenancy", "AuditLogEntry")
    with dangerously_unscoped():
        for entry in AuditLogEntry.objects.order_by("pk").iterator():
            LogEntry.objects.create(**{name: getattr(entry, name) for name in FIELDS})
        AuditLogEntry.objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("tenancy", "0008_unscoped_for_the_owner_only"),
        ("auditlog", "0017_add_actor_email"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
