"""The stored reading-order keys the customer list sorts by (atende.core.sorting), filled for
existing customers.

The indexes come before the fill on purpose: on PostgreSQL, keys written into a column no index
covers yet are HOT updates, and an index built over those chains afterwards is flagged
`indcheckxmin`; the planner then ignores it (a sort of the whole organization per page) until
every transaction older than the migration has ended on the server."""

from django.db import migrations, models

from atende.core.sorting import sort_key
from atende.tenancy.context import dangerously_unscoped

CHUNK = 2000


def fill_keys(apps, schema_editor):
    Customer = apps.get_model("customers", "Customer")
    table = schema_editor.quote_name(Customer._meta.db_table)
    update = f"UPDATE {table} SET name_key = %s, city_key = %s WHERE id = %s"
    # The owner role runs migrations: with the switch on, its policy reads every organization.
    with dangerously_unscoped(), schema_editor.connection.cursor() as cursor:
        rows = Customer._base_manager.order_by("pk").values_list("pk", "name", "city")
        last_pk = 0
        while chunk := list(rows.filter(pk__gt=last_pk)[:CHUNK]):
            last_pk = chunk[-1][0]
            cursor.executemany(
                update, [(sort_key(name), sort_key(city), pk) for pk, name, city in chunk]
            )


class Migration(migrations.Migration):
    dependencies = [
        ("customers", "0009_forms_that_help"),
        ("tenancy", "0015_search_probe"),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="customer",
            name="customers_cust_name",
        ),
        migrations.RemoveIndex(
            model_name="customer",
            name="customers_cust_active",
        ),
        migrations.RemoveIndex(
            model_name="customer",
            name="customers_cust_cat",
        ),
        migrations.RemoveIndex(
            model_name="customer",
            name="customers_cust_owner",
        ),
        migrations.RemoveIndex(
            model_name="customer",
            name="customers_cust_city",
        ),
        migrations.AddField(
            model_name="customer",
            name="city_key",
            field=models.CharField(default="", editable=False, max_length=200),
        ),
        migrations.AddField(
            model_name="customer",
            name="name_key",
            field=models.CharField(default="", editable=False, max_length=200),
        ),
        migrations.AddIndex(
            model_name="customer",
            index=models.Index(
                fields=["organization", "name_key", "id"], name="customers_cust_name"
            ),
        ),
        migrations.AddIndex(
            model_name="customer",
            index=models.Index(
                fields=["organization", "is_active", "name_key", "id"], name="customers_cust_active"
            ),
        ),
        migrations.AddIndex(
            model_name="customer",
            index=models.Index(
                fields=["organization", "category", "name_key"], name="customers_cust_cat"
            ),
        ),
        migrations.AddIndex(
            model_name="customer",
            index=models.Index(
                fields=["organization", "owner", "name_key"], name="customers_cust_owner"
            ),
        ),
        migrations.AddIndex(
            model_name="customer",
            index=models.Index(
                fields=["organization", "city_key", "name_key", "id"], name="customers_cust_city"
            ),
        ),
        migrations.RunPython(fill_keys, migrations.RunPython.noop),
    ]
