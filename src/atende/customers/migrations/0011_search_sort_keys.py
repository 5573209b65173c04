"""The search index's sort key for the customers indexed before tenancy 0016 (PostgreSQL).

A search's first page in name order trusts the index's order (tenancy 0016); an entry written
before it has an empty key and would sort first. The services write the key from now on; this
copies `name_key` into every existing customer entry, in one statement, as the owner role (with
the switch on, its policy reads every organization). `manage.py search_reindex` does the same.
"""

from django.db import migrations

from atende.tenancy.context import dangerously_unscoped

FILL = """
UPDATE atende_private.search_entry AS entry SET sort_key = customer.name_key
FROM {table} AS customer
WHERE entry.kind = 'customer' AND entry.organization_id = customer.organization_id
    AND entry.object_id = customer.id AND entry.sort_key IS DISTINCT FROM customer.name_key
"""


def fill_sort_keys(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return  # SQLite has no private index: the list filters its own rows
    Customer = apps.get_model("customers", "Customer")
    table = schema_editor.quote_name(Customer._meta.db_table)
    with dangerously_unscoped(), schema_editor.connection.cursor() as cursor:
        cursor.execute(FILL.format(table=table))


class Migration(migrations.Migration):
    dependencies = [
        ("customers", "0010_name_sort_key"),
        ("tenancy", "0016_search_probe_in_list_order"),
    ]

    # Nothing to undo: tenancy 0016's reverse drops the column.
    operations = [migrations.RunPython(fill_sort_keys, migrations.RunPython.noop)]
