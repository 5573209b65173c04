from django.db import migrations

from atende.tenancy.operations import PostgresOnlySQL


class Migration(migrations.Migration):
    """Trigram index for `search_text LIKE '%term%'`, led by organization_id (btree_gin).

    pg_trgm and btree_gin are trusted extensions: the database owner may create them.
    """

    dependencies = [("customers", "0002_row_level_security")]

    operations = [
        PostgresOnlySQL(
            "CREATE EXTENSION IF NOT EXISTS pg_trgm",
            reverse_sql=migrations.RunSQL.noop,  # other objects may use the extension
        ),
        PostgresOnlySQL(
            "CREATE EXTENSION IF NOT EXISTS btree_gin",
            reverse_sql=migrations.RunSQL.noop,
        ),
        PostgresOnlySQL(
            "CREATE INDEX customers_cust_search ON customers_customer "
            "USING gin (organization_id, search_text gin_trgm_ops)",
            reverse_sql="DROP INDEX IF EXISTS customers_cust_search",
        ),
    ]
