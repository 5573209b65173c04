"""A search's first page without reading every match (PostgreSQL).

A term with up to a few thousand matches ("joao silva": 2 500 of 100 000 customers) was read by
id: every match fetched from the tenant table and sorted by name, to show the first 50; the
fetches cost more than the rest of the page. The private index now keeps each entry's sort key
(for a customer its `name_key`, written by the same service call as the text), and the probe
returns its matches in that order, so a list sorted by name reads only the first few hundred
matches for its first page, with the tenant table's own filters and row-level security applied
to them as before.

- `sort_key` on `atende_private.search_entry` (empty where the kind has none: tickets).
- `atende_search_put(kind, id, body, sort_key)`: as the three-argument form, with the key.
- `atende_search_sorted(kind, patterns, max_rows)`: like `atende_search_first` (the scan stops
  at `max_rows` matches), and when it found fewer (every match) they come in (sort_key, id)
  order, so the first of them are the list's first.

Both take the organization from the transaction's setting, as the functions of 0011 and 0015.
"""

from django.db import migrations

from atende.tenancy.operations import PostgresOnlySQL

ORGANIZATION = "NULLIF(current_setting('atende.organization_id', true), '')::bigint"

CREATE = f"""
ALTER TABLE atende_private.search_entry ADD COLUMN sort_key text NOT NULL DEFAULT '';

CREATE FUNCTION atende_search_put(
    entry_kind text, entry_id bigint, entry_body text, entry_sort_key text
)
RETURNS void LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path FROM CURRENT AS $$
    INSERT INTO atende_private.search_entry
        (organization_id, kind, object_id, body, sort_key, updated_at)
    SELECT org, entry_kind, entry_id, entry_body, coalesce(entry_sort_key, ''), now()
    FROM (SELECT {ORGANIZATION} AS org) AS active WHERE org IS NOT NULL
    ON CONFLICT (organization_id, kind, object_id)
    DO UPDATE SET body = EXCLUDED.body, sort_key = EXCLUDED.sort_key,
        updated_at = EXCLUDED.updated_at;
$$;

CREATE FUNCTION atende_search_sorted(entry_kind text, patterns text[], max_rows integer)
RETURNS SETOF bigint LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path FROM CURRENT
AS $$
DECLARE
    org bigint := {ORGANIZATION};
    condition text := '';
BEGIN
    IF org IS NULL OR coalesce(array_length(patterns, 1), 0) = 0 OR max_rows IS NULL THEN
        RETURN;
    END IF;
    FOR position IN 1 .. array_length(patterns, 1) LOOP
        condition := condition || format(' AND body LIKE $3[%s]', position);
    END LOOP;
    -- Sorted only when the scan found fewer than max_rows: a common term's sample needs no
    -- order, and sorting 3 000 keys would cost more than reading its page.
    RETURN QUERY EXECUTE
        'WITH found AS MATERIALIZED ('
        'SELECT object_id, sort_key FROM atende_private.search_entry '
        'WHERE organization_id = $1 AND kind = $2' || condition || ' LIMIT $4) '
        'SELECT object_id FROM found ORDER BY '
        'CASE WHEN (SELECT count(*) FROM found) < $4 THEN sort_key END, object_id'
    USING org, entry_kind, patterns, max_rows;
END $$;
"""

DROP = """
DROP FUNCTION IF EXISTS atende_search_sorted(text, text[], integer);
DROP FUNCTION IF EXISTS atende_search_put(text, bigint, text, text);
ALTER TABLE atende_private.search_entry DROP COLUMN IF EXISTS sort_key;
"""


class Migration(migrations.Migration):
    dependencies = [("tenancy", "0015_search_probe")]

    operations = [PostgresOnlySQL(CREATE, reverse_sql=DROP)]
