"""Existing customers into the search index that RLS cannot slow down (tenancy 0011)."""

from django.db import migrations

from atende.tenancy.context import dangerously_unscoped


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    # The owner role runs migrations: with the switch on, its policy reads every organization.
    with dangerously_unscoped(), schema_editor.connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO atende_private.search_entry (organization_id, kind, object_id, body) "
            "SELECT organization_id, 'customer', id, search_text FROM customers_customer "
            "ON CONFLICT (organization_id, kind, object_id) DO NOTHING"
        )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("DELETE FROM atende_private.search_entry WHERE kind = 'customer'")


class Migration(migrations.Migration):
    dependencies = [
        ("customers", "0007_messages_row_level_security"),
        ("tenancy", "0011_search_index"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
