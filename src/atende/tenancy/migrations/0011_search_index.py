"""A search index that row-level security cannot slow down (PostgreSQL).

Under FORCE ROW LEVEL SECURITY, PostgreSQL may not evaluate `LIKE` (not leakproof) before the
policy, so a trigram index on a tenant table goes unused and every search reads the whole
organization. The searchable text lives instead in a table of its own, in a schema the
application role cannot even see (`atende_private`: no USAGE granted), keyed and indexed by
organization; three SECURITY DEFINER functions, owned by the owner role, are the only way in,
and each takes the organization from the same per-transaction setting the policies use.
"""

from django.db import migrations

from atende.tenancy.operations import PostgresOnlySQL

ORGANIZATION = "NULLIF(current_setting('atende.organization_id', true), '')::bigint"

CREATE = f"""
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS btree_gin;
CREATE SCHEMA IF NOT EXISTS atende_private;
REVOKE ALL ON SCHEMA atende_private FROM PUBLIC;
CREATE TABLE atende_private.search_entry (
    organization_id bigint NOT NULL,
    kind text NOT NULL,
    object_id bigint NOT NULL,
    body text NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (organization_id, kind, object_id)
);
CREATE INDEX search_entry_body ON atende_private.search_entry
    USING gin (organization_id, kind, body gin_trgm_ops);

CREATE FUNCTION atende_search_put(entry_kind text, entry_id bigint, entry_body text)
RETURNS void LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path FROM CURRENT AS $$
    INSERT INTO atende_private.search_entry (organization_id, kind, object_id, body, updated_at)
    SELECT org, entry_kind, entry_id, entry_body, now()
    FROM (SELECT {ORGANIZATION} AS org) AS active WHERE org IS NOT NULL
    ON CONFLICT (organization_id, kind, object_id)
    DO UPDATE SET body = EXCLUDED.body, updated_at = EXCLUDED.updated_at;
$$;

CREATE FUNCTION atende_search_delete(entry_kind text, entry_id bigint)
RETURNS void LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path FROM CURRENT AS $$
    DELETE FROM atende_private.search_entry
    WHERE organization_id = {ORGANIZATION} AND kind = entry_kind AND object_id = entry_id;
$$;

-- Ids of the active organization's entries whose text contains every pattern (LIKE, already
-- escaped by the caller); with max_rows, the most recently indexed first.
CREATE FUNCTION atende_search(entry_kind text, patterns text[], max_rows integer)
RETURNS SETOF bigint LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path FROM CURRENT
AS $$
DECLARE
    org bigint := {ORGANIZATION};
    condition text := '';
BEGIN
    IF org IS NULL OR coalesce(array_length(patterns, 1), 0) = 0 THEN
        RETURN;
    END IF;
    FOR position IN 1 .. array_length(patterns, 1) LOOP
        condition := condition || format(' AND body LIKE $3[%s]', position);
    END LOOP;
    -- Without a limit (a list pages through every match) there is nothing to sort.
    IF max_rows IS NOT NULL THEN
        condition := condition || ' ORDER BY updated_at DESC LIMIT $4';
    END IF;
    RETURN QUERY EXECUTE
        'SELECT object_id FROM atende_private.search_entry '
        'WHERE organization_id = $1 AND kind = $2' || condition
    USING org, entry_kind, patterns, max_rows;
END $$;
"""

DROP = """
DROP FUNCTION IF EXISTS atende_search(text, text[], integer);
DROP FUNCTION IF EXISTS atende_search_delete(text, bigint);
DROP FUNCTION IF EXISTS atende_search_put(text, bigint, text);
DROP TABLE IF EXISTS atende_private.search_entry;
DROP SCHEMA IF EXISTS atende_private;
"""


class Migration(migrations.Migration):
    dependencies = [("tenancy", "0010_retire_the_library_audit_table")]

    operations = [PostgresOnlySQL(CREATE, reverse_sql=DROP)]
