"""Search by words, fast under row-level security (PostgreSQL) and plain on SQLite.

Each searchable record keeps its folded text (lowercase, no accents) in its own `search_text`
column; services call `search_index_put` after saving it. On PostgreSQL the text is also
written to a private, organization-keyed index that the application role reaches only through
SECURITY DEFINER functions (migration tenancy 0011), because RLS keeps `LIKE` from using an
index on the tenant table itself; with the text goes the key the record's list sorts by (tenancy
0016), so a search's first page need not read every match. `search_condition` gives the filter
for a queryset: every word of the query, in any order, must appear.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db import connection
from django.db.models import BigAutoField, BooleanField, F, Func, Lookup, Q
from django.db.models.expressions import RawSQL

from atende.core.text import fold

if TYPE_CHECKING:
    from django.db.backends.base.base import BaseDatabaseWrapper
    from django.db.models.sql.compiler import SQLCompiler


def _uses_private_index() -> bool:
    return connection.vendor == "postgresql"


def search_words(query: str) -> list[str]:
    """The folded words of a query ("Lima  JOÃO" → ["lima", "joao"]), without repeats."""
    return list(dict.fromkeys(fold(query).split()))


def _like_pattern(word: str) -> str:
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def search_index_put(kind: str, object_id: int, text: str, *, sort_key: str = "") -> None:
    """Record (or replace) the searchable text of one object of the active organization, with
    the key its list sorts by (a customer's `name_key`), so that a search's first page is read
    in that order (tenancy 0016)."""
    if _uses_private_index():
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT atende_search_put(%s, %s, %s, %s)", [kind, object_id, text, sort_key]
            )


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


# A list probes the index for this many matches (plus one) before choosing how to read a page.
PROBE_LIMIT = 3000


@dataclass(frozen=True)
class IdArray:
    """Ids ready to travel as ONE PostgreSQL array literal ("{3,17,42}"). Built once with
    `str.join`: a Python list of thousands of ids cost more on its way to the server than the
    query did there (Django resolved each element of the lookup's value, and the driver's
    client-side binding ran a regular expression per element when quoting the array), about
    6 ms per statement for 2 500 ids; a string is one parameter to quote."""

    literal: str
    size: int

    @classmethod
    def of(cls, ids: "Iterable[int]") -> "IdArray":
        numbers = [str(int(pk)) for pk in ids]
        return cls("{" + ",".join(numbers) + "}", len(numbers))

    def ids(self) -> list[int]:
        """The ids as integers (SQLite's `IN`, merging probes)."""
        return [int(pk) for pk in self.literal[1:-1].split(",")] if self.size else []

    def first(self, count: int) -> "IdArray":
        """The first `count` ids."""
        if count >= self.size:
            return self
        numbers = self.literal[1:-1].split(",", count)[:count]
        return IdArray("{" + ",".join(numbers) + "}", len(numbers))

    def last(self, count: int) -> "IdArray":
        """The last `count` ids."""
        if count >= self.size:
            return self
        numbers = self.literal[1:-1].rsplit(",", count)[-count:]
        return IdArray("{" + ",".join(numbers) + "}", len(numbers))


@BigAutoField.register_lookup
# Lookup is generic only in the stubs.
class AnyOf(Lookup):  # type: ignore[type-arg]
    """`pk__any_of=IdArray.of(ids)` → `id = ANY(%s::bigint[])` with the ids as ONE parameter. A
    search may name thousands of ids: as `IN (%s, %s, …)` the driver spends more time splitting
    the query than PostgreSQL spends answering it. PostgreSQL only (the private index's paths)."""

    lookup_name = "any_of"
    prepare_rhs = False

    def get_prep_lookup(self) -> str:
        ids = self.rhs if isinstance(self.rhs, IdArray) else IdArray.of(self.rhs)
        return ids.literal

    # The stubs allow only scalar parameters.
    def as_sql(  # type: ignore[override]
        self, compiler: "SQLCompiler", connection: "BaseDatabaseWrapper"
    ) -> tuple[str, list[object]]:
        lhs, lhs_params = self.process_lhs(compiler, connection)
        return f"{lhs} = ANY(%s::bigint[])", [*lhs_params, self.rhs]


def ids_condition(ids: "list[int] | IdArray") -> Q:
    """Rows whose id is one of `ids`, as one parameter on PostgreSQL."""
    if _uses_private_index():
        return Q(pk__any_of=ids if isinstance(ids, IdArray) else IdArray.of(ids))
    return Q(pk__in=ids.ids() if isinstance(ids, IdArray) else ids)


@dataclass(frozen=True)
class SearchPlan:
    """How a list reads the rows matching a search (see `search_plan`)."""

    condition: Q
    # PostgreSQL, a common term: PROBE_LIMIT + 1 of its matches (for a count that stops there).
    sample_ids: IdArray | None = None
    # PostgreSQL, a rarer term: every match is known by id (at most PROBE_LIMIT of them).
    by_ids: bool = False
    # With `by_ids`, one query: those ids in the index's sort-key order (see `first_matches`).
    sorted_ids: IdArray | None = None

    def first_matches(self, count: int, *, descending: bool = False) -> IdArray | None:
        """The `count` first matches in sort-key order (last, when `descending`), or None when
        the order is unknown. A list sorted by that key finds its first page among them when
        enough of them pass its other filters; the rest of the matches come after them."""
        if self.sorted_ids is None:
            return None
        return self.sorted_ids.last(count) if descending else self.sorted_ids.first(count)


def _text_condition(queries: list[list[str]], field: str) -> Q:
    condition = Q(pk__in=[])
    for words in queries:
        every_word = Q()
        for word in words:
            every_word &= Q(**{f"{field}__contains": word})
        condition |= every_word
    return condition


def _matches_condition(queries: list[list[str]], field: str) -> Q:
    """PostgreSQL: the row's own text holds every word of one of the queries, through
    `atende_search_matches` (tenancy 0013), which the planner estimates at a third of the
    rows, so an ordered list walks its index instead of sorting every match."""
    condition = Q(pk__in=[])
    for words in queries:
        patterns = RawSQL("%s::text[]", [[_like_pattern(word) for word in words]])  # noqa: S611
        condition |= Q(
            Func(F(field), patterns, function="atende_search_matches", output_field=BooleanField())
        )
    return condition


def search_plan(kind: str, queries: list[str], *, field: str = "search_text") -> SearchPlan:
    """Rows matching any of `queries` (each: every word, in any order), planned for a list that
    pages in its own order.

    PostgreSQL: one probe of the private index for up to PROBE_LIMIT + 1 matching ids. Fewer
    means the probe holds every match: the list reads them by id (rare terms: a CPF, a surname,
    a typo), and they come in the index's sort-key order, so a first page in that order reads
    only the first of them (`SearchPlan.first_matches`). More means the term is common: the
    list filters on the row's own text instead, and walking its ordered index it meets 50
    matches within its first few hundred rows, where reading every match by id would cost
    thousands of lookups. SQLite: the text filter.
    """
    word_lists = [words for words in (search_words(query) for query in queries) if words]
    if not word_lists:
        return SearchPlan(Q())
    if not _uses_private_index():
        return SearchPlan(_text_condition(word_lists, field))
    found: list[IdArray] = []
    with connection.cursor() as cursor:
        for words in word_lists:
            patterns = [_like_pattern(word) for word in words]
            # One row: the ids as an array literal in sort-key order, handed back unchanged as
            # the page's parameter.
            cursor.execute(
                "SELECT count(*), coalesce(array_agg(id ORDER BY position)::text, '{}') FROM "
                "atende_search_sorted(%s, %s::text[], %s) WITH ORDINALITY AS found(id, position)",
                [kind, patterns, PROBE_LIMIT + 1],
            )
            size, literal = cursor.fetchone() or (0, "{}")
            probe = IdArray(literal, size)
            if probe.size > PROBE_LIMIT:
                return SearchPlan(_matches_condition(word_lists, field), sample_ids=probe)
            found.append(probe)
    if len(found) == 1:
        return SearchPlan(ids_condition(found[0]), by_ids=True, sorted_ids=found[0])
    # Several forms of one term (a masked CPF and its digits): their orders are not merged.
    ids = IdArray.of(sorted({pk for probe in found for pk in probe.ids()}))
    return SearchPlan(ids_condition(ids), by_ids=True)


# kind → "app_label.Model" whose `search_text` column feeds the index (for search_reindex).
_sources: dict[str, str] = {}
_sort_fields: dict[str, str] = {}


def register_search_source(kind: str, model_label: str, *, sort_field: str = "") -> None:
    """Let `manage.py search_reindex` rebuild `kind` from that model's `search_text` (and the
    column its list sorts by, `sort_field`)."""
    _sources[kind] = model_label
    _sort_fields[kind] = sort_field


def search_sources() -> dict[str, str]:
    return dict(_sources)


REINDEX_SQL = """
INSERT INTO atende_private.search_entry
    (organization_id, kind, object_id, body, sort_key, updated_at)
SELECT organization_id, %s, id, search_text, {sort_key}, now() FROM {table}
ON CONFLICT (organization_id, kind, object_id)
DO UPDATE SET body = EXCLUDED.body, sort_key = EXCLUDED.sort_key, updated_at = EXCLUDED.updated_at
"""


def search_reindex(kind: str, table: str) -> int:
    """Copy every row's search text of `table` into the index (owner role, PostgreSQL only);
    returns the rows written."""
    if not _uses_private_index():
        return 0
    with connection.cursor() as cursor:
        sort_field = _sort_fields.get(kind, "")
        sort_key = connection.ops.quote_name(sort_field) if sort_field else "''"
        cursor.execute(
            REINDEX_SQL.format(table=connection.ops.quote_name(table), sort_key=sort_key), [kind]
        )
        written = int(cursor.rowcount)
        # Fresh statistics: until autovacuum runs, the planner would take the table for empty
        # and read it through its primary key instead of the trigram index.
        cursor.execute("ANALYZE atende_private.search_entry")
        return written
