"""Name order as people read it, on both databases: "Álvaro" between "Alberto" and "Amanda".

PostgreSQL sorts by the database's collation (pt_BR or another ICU/libc locale that knows
accents), so `SortKey("name")` is just the column there and its b-tree index serves the order.
SQLite compares bytes ("Á" after "Z"), so there `SortKey` is `atende_sortkey(name)`: a
deterministic SQL function registered on every SQLite connection that gives the folded text
(no accents, lowercase). Keyset paging filters on the same expression, so the order and the
cursor always agree.
"""

from functools import lru_cache
from typing import Any

from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.backends.signals import connection_created
from django.db.models import CharField, Func

from atende.core.text import fold

SQLITE_FUNCTION = "atende_sortkey"


@lru_cache(maxsize=65536)
def sort_key(text: str | None) -> str | None:
    """The text as it sorts on SQLite: folded (accents and case ignored)."""
    return None if text is None else fold(text)


class SortKey(Func):
    """`ORDER BY` / keyset expression for a text column in reading order.

    `indexed=False` (PostgreSQL) sorts by `COALESCE(column, '')`, the same order that no index
    serves: for a few thousand rows already known by id, sorting them is bounded, where walking
    the column's index until they turn up may read the whole table when they cluster at its end.
    """

    function = SQLITE_FUNCTION
    output_field = CharField()

    def __init__(self, expression: Any, *, indexed: bool = True) -> None:
        super().__init__(expression)
        self.indexed = indexed

    def as_postgresql(
        self, compiler: Any, connection: BaseDatabaseWrapper, **extra_context: Any
    ) -> Any:
        sql, params = compiler.compile(self.source_expressions[0])  # the collation's order
        return (sql, params) if self.indexed else (f"COALESCE({sql}, '')", params)


def _register_sqlite_function(
    sender: object, connection: BaseDatabaseWrapper, **kwargs: object
) -> None:
    if connection.vendor == "sqlite":
        connection.connection.create_function(SQLITE_FUNCTION, 1, sort_key, deterministic=True)


def register() -> None:
    """Called from CoreConfig.ready(): every new SQLite connection gets the function."""
    connection_created.connect(_register_sqlite_function, dispatch_uid="atende_sortkey")
