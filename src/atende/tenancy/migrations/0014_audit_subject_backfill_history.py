"""File the audit entries written before 0013 under their customer.

Contacts, addresses, observations, direct debits, documents, messages and tickets belong to a
customer; their entries join its Histórico. The customer comes from the record when it still exists, otherwise
from the entry's own changes (a creation or deletion records the `customer` key).
"""

from collections import defaultdict

from django.db import migrations

from atende.tenancy.context import dangerously_unscoped

RELATED = [
    ("customers", "contact"),
    ("customers", "address"),
    ("customers", "observation"),
    ("customers", "directdebit"),
    ("customers", "customerdocument"),
    ("customers", "customeremail"),
    ("customers", "customersms"),
    ("desk", "ticket"),
]


def _recorded_customer(entry) -> int | None:
    recorded = (entry.changes or {}).get("customer") or []
    values = [str(value) for value in recorded if value not in (None, "None", "")]
    return int(values[0]) if values and values[0].isdigit() else None


def forwards(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    AuditLogEntry = apps.get_model("tenancy", "AuditLogEntry")
    customer_type = ContentType.objects.filter(app_label="customers", model="customer").first()
    if customer_type is None:
        return  # a fresh database: nothing was written yet
    # The owner role reads every organization here (migration 0008 allows it nothing else).
    with dangerously_unscoped():
        for app_label, model_name in RELATED:
            content_type = ContentType.objects.filter(app_label=app_label, model=model_name).first()
            if content_type is None:
                continue
            model = apps.get_model(app_label, model_name)
            entries = AuditLogEntry.objects.filter(content_type=content_type, subject_id=None)
            # Records that still exist: one UPDATE per customer.
            by_customer = defaultdict(list)
            for pk, customer_id in model._base_manager.values_list("pk", "customer_id").iterator():
                by_customer[customer_id].append(str(pk))
            by_customer.pop(None, None)  # a ticket without a customer stays on its own
            for customer_id, object_pks in by_customer.items():
                for start in range(0, len(object_pks), 500):
                    entries.filter(object_pk__in=object_pks[start : start + 500]).update(
                        subject_type=customer_type, subject_id=customer_id
                    )
            # Deleted ones: the customer their creation or deletion recorded.
            for entry in entries.filter(subject_id=None).iterator():
                customer_id = _recorded_customer(entry)
                if customer_id is not None:
                    entry.subject_type_id = customer_type.pk
                    entry.subject_id = customer_id
                    entry.save(update_fields=["subject_type", "subject_id"])


def backwards(apps, schema_editor):
    """Nothing to undo: 0013's reverse drops the columns."""


class Migration(migrations.Migration):
    dependencies = [
        ("tenancy", "0013_audit_subject_history"),
        ("customers", "0008_search_index"),
        ("desk", "0006_ticket_attachment_field_key"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
