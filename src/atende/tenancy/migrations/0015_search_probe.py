"""Search at list speed under row-level security (PostgreSQL).

Two additions to the private search index of 0011:

- `atende_search_first(kind, patterns, max_rows)`: up to `max_rows` matching ids in no order, so
  the scan stops as soon as it has them (`atende_search` with a limit sorts every match by
  date first). A list asks it for 1 001 ids: fewer means it has every match, and the page is
  read by id; more means the term is common, and the page is read in its own order with the
  row's text as a filter, which finds its 50 rows within the first few hundred it reads.
- `atende_search_matches(text, patterns)`: true when the text holds every pattern. A common
  term filters the list's rows with it rather than with `LIKE`: under row-level security the
  planner may not read a column's statistics through `LIKE` (not leakproof), takes each
  pattern to match 0.5 % of rows and sorts the "few" matches, reading all of them; a function
  is estimated at a third of the rows, so the planner walks the list's ordered index and
  stops at its 50 rows, which for a common term come within the first few hundred.
- a trigram index on the text alone. The index of 0011 also holds the organization and kind,
  whose posting lists cover every row of an organization; a rare term (a CPF, a typo) then
  costs a walk through them (13 ms at 100 000 customers) where the text alone answers in under
  a millisecond. The planner picks whichever is cheaper; the functions still filter by the
  organization taken from the transaction's setting.
"""

from django.db import migrations

from atende.tenancy.operations import PostgresOnlySQL

ORGANIZATION = "NULLIF(current_setting('atende.organization_id', true), '')::bigint"

CREATE = f"""
CREATE INDEX search_entry_text ON atende_private.search_entry USING gin (body gin_trgm_ops);

CREATE FUNCTION atende_search_matches(body text, patterns text[])
RETURNS boolean LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
AS $$
BEGIN
    FOR position IN 1 .. coalesce(array_length(patterns, 1), 0) LOOP
        IF body IS NULL OR body NOT LIKE patterns[position] THEN
            RETURN false;
        END IF;
    END LOOP;
    RETURN true;
END $$;

CREATE FUNCTION atende_search_first(entry_kind text, patterns text[], max_rows integer)
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
    RETURN QUERY EXECUTE
        'SELECT object_id FROM atende_private.search_entry '
        'WHERE organization_id = $1 AND kind = $2' || condition || ' LIMIT $4'
    USING org, entry_kind, patterns, max_rows;
END $$;
"""

DROP = """
DROP FUNCTION IF EXISTS atende_search_matches(text, text[]);
DROP FUNCTION IF EXISTS atende_search_first(text, text[], integer);
DROP INDEX IF EXISTS atende_private.search_entry_text;
"""


class Migration(migrations.Migration):
    dependencies = [("tenancy", "0014_audit_subject_backfill_history")]

    operations = [PostgresOnlySQL(CREATE, reverse_sql=DROP)]
