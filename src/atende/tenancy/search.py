"""Search by words, fast under row-level security (PostgreSQL) and plain on SQLite.

Each searchable record keeps its folded text (lowercase, no accents) in its own `search_text`
column; services call `search_index_put` after saving it. On PostgreSQL the text is also
written to a private, organization-keyed index that the application role reaches only through
SECURITY DEFINER functions (migration tenancy 0011), because RLS keeps `LIKE` from using an
index on the tenant table itself. `search_condition` gives the filter for a queryset: every word
of the query, in any order, must appear.
"""

from django.db import connection
from django.db.models import Q
from django.db.models.expressions import RawSQL

from atende.core.text import fold


def _uses_private_index() -> bool:
    return connection.vendor == "postgresql"


def search_words(query: str) -> list[str]:
    """The folded words of a query ("Lima  JOÃO" → ["lima", "joao"]), without repeats."""
    return list(dict.fromkeys(fold(query).split()))


def _like_pattern(word: str) -> str:
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def search_index_put(kind: str, object_id: int, text: str) -> None:
    """Record (or replace) the searchable text of one object of the active organization."""
    if _uses_private_index():
        with connection.cursor() as cursor:
            cursor.execute("SELECT atende_search_put(%s, %s, %s)", [kind, object_id, text])


def search_index_delete(kind: str, object_id: int) -> None:
    if _uses_private_index():
        with connection.cursor() as cursor:
            cursor.execute("SELECT atende_search_delete(%s, %s)", [kind, object_id])


def search_condition(
    kind: str, query: str, *, field: str = "search_text", limit: int | None = None
) -> Q:
    """Rows whose searchable text holds every word of `query` (any order). Lists page through
    every match (no limit); a quick lookup may ask for the `limit` most recently indexed."""
    words = search_words(query)
    if not words:
        return Q()
    if _uses_private_index():
        patterns = [_like_pattern(word) for word in words]
        ids = RawSQL(  # noqa: S611  constant SQL, values as parameters
            "SELECT atende_search(%s, %s::text[], %s)", [kind, patterns, limit]
        )
        return Q(pk__in=ids)
    condition = Q()
    for word in words:
        condition &= Q(**{f"{field}__contains": word})
    return condition


# kind → "app_label.Model" whose `search_text` column feeds the index (for search_reindex).
_sources: dict[str, str] = {}


def register_search_source(kind: str, model_label: str) -> None:
    """Let `manage.py search_reindex` rebuild `kind` from that model's `search_text`."""
    _sources[kind] = model_label


def search_sources() -> dict[str, str]:
    return dict(_sources)


REINDEX_SQL = """
INSERT INTO atende_private.search_entry (organization_id, kind, object_id, body, updated_at)
SELECT organization_id, %s, id, search_text, now() FROM {table}
ON CONFLICT (organization_id, kind, object_id)
DO UPDATE SET body = EXCLUDED.body, updated_at = EXCLUDED.updated_at
"""


def search_reindex(kind: str, table: str) -> int:
    """Copy every row's search text of `table` into the index (owner role, PostgreSQL only);
    returns the rows written."""
    if not _uses_private_index():
        return 0
    with connection.cursor() as cursor:
        cursor.execute(REINDEX_SQL.format(table=connection.ops.quote_name(table)), [kind])
        return int(cursor.rowcount)
