"""Name order as people read it, the same on both databases: "Álvaro" between "Alberto" and
"Amanda".

A text column that lists sort by has a stored key beside it (`Customer.name_key`): the text
folded by `sort_key` (no accents or apostrophes, lowercase, single spaces), written by the
service that saves the row and indexed after the organization. Lists order and page by that key
and the primary key, so SQLite (which compares bytes: "Á" after "Z") and PostgreSQL (whatever
the database's collation) give the same order, the index serves it, and the keyset cursor
compares the same values the order used.
"""

from django.db.models import CharField, F, Func

from atende.core.text import fold

KEY_LENGTH = 200


def sort_key(text: str | None) -> str:
    """The text as it sorts: folded (accents, apostrophes and case ignored), at most
    KEY_LENGTH characters (folding can lengthen a few characters, such as "ﬁ")."""
    return fold(text or "")[:KEY_LENGTH]


class SortKey(Func):
    """`ORDER BY` / keyset expression for a stored sort key column.

    `indexed=False` sorts by `column || ''`, the same order that no index serves: for a few
    thousand rows already known by id, sorting them is bounded, where walking the key's index
    until they turn up may read the whole table when they cluster at its end.
    """

    output_field = CharField()

    def __init__(self, column: str, *, indexed: bool = True) -> None:
        super().__init__(F(column))
        self.indexed = indexed
        self.template = "%(expressions)s" if indexed else "(%(expressions)s || '')"
