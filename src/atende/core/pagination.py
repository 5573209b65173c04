"""Keyset (cursor) paging: constant cost on page 1 and on page 10 000, no COUNT(*).

A cursor points at a row and says which way to go: after it (a "next" link) or before it (a
"previous" link, read in the reverse order and turned around). Both are opaque to the user and
checked like any input."""

import base64
import json
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from django.core.exceptions import FieldDoesNotExist
from django.db.models import Field, Model, Q, QuerySet

from atende.core.errors import BadInput, ErrorCode

DEFAULT_PAGE_SIZE = 50
BIGINT_LIMIT = 2**63


_Row = TypeVar("_Row")


@dataclass(frozen=True)
class KeysetPage(Generic[_Row]):
    items: list[_Row]
    next_cursor: str | None
    is_first: bool
    previous_cursor: str | None = None  # None on the first page


class InvalidCursor(BadInput):
    """The cursor in the URL was tampered with or belongs to another ordering: a 400 that says
    so, rather than a silent first page (or, for a crafted value, a database error)."""

    def __init__(self, cursor: str = "") -> None:
        super().__init__(
            "Endereço de página inválido: volte à primeira página da lista.",
            code=ErrorCode.INVALID_CURSOR,
        )
        self.cursor = cursor


def _encode(values: list[Any], *, backward: bool = False) -> str:
    payload: object = {"before": values} if backward else values
    raw = json.dumps(payload, default=str, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode(cursor: str, count: int) -> tuple[list[Any], bool]:
    """(values, backward): a list goes forward from its row, {"before": list} backward."""
    try:
        payload = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (ValueError, TypeError, RecursionError) as exc:  # RecursionError: [[[[…]]]]
        raise InvalidCursor(cursor) from exc
    backward = isinstance(payload, dict)
    values = payload.get("before") if backward and len(payload) == 1 else payload
    if not isinstance(values, list) or len(values) != count:
        raise InvalidCursor(cursor)
    return values, backward


def _field_value(queryset: QuerySet[Model, object], name: str, raw: Any) -> Any:
    if raw is None or isinstance(raw, dict | list):
        raise InvalidCursor(str(raw))  # keyset orderings use non-null, scalar values
    model = queryset.model
    path = name.split("__")
    field: object
    if name in queryset.query.annotations:  # a sort key: checked as its output field
        field = queryset.query.annotations[name].output_field
    else:
        try:
            for part in path[:-1]:
                related = model._meta.get_field(part).related_model
                assert isinstance(related, type), f"ordering {name}: {part} is not a relation"
                model = related
            field = model._meta.pk if path[-1] == "pk" else model._meta.get_field(path[-1])
        except FieldDoesNotExist:
            return raw
    if not isinstance(field, Field):
        raise InvalidCursor(str(raw))  # a reverse relation: nothing to order by
    try:
        value = field.to_python(raw)
    except Exception as exc:  # noqa: BLE001  a bad cursor must never become a 500
        raise InvalidCursor(str(raw)) from exc
    if isinstance(value, int) and not -BIGINT_LIMIT <= value < BIGINT_LIMIT:
        raise InvalidCursor(str(raw))  # the database would overflow comparing it
    return value


def _after(ordering: list[str], values: list[Any]) -> Q:
    """Rows strictly after `values` in `ordering` (a lexicographic comparison)."""
    condition = Q()
    equal_so_far = Q()
    for position, term in enumerate(ordering):
        name = term.lstrip("-")
        lookup = "lt" if term.startswith("-") else "gt"
        condition |= equal_so_far & Q(**{f"{name}__{lookup}": values[position]})
        equal_so_far &= Q(**{name: values[position]})
    return condition


def _reversed(ordering: list[str]) -> list[str]:
    return [term[1:] if term.startswith("-") else f"-{term}" for term in ordering]


def keyset_page(
    queryset: QuerySet[Model, _Row],
    *,
    ordering: list[str],
    cursor: str | None = None,
    size: int = DEFAULT_PAGE_SIZE,
) -> KeysetPage[_Row]:
    """One page of `queryset` in `ordering` (which must end with a unique field, e.g. "pk"),
    after the cursor's row or, for a "previous" cursor, the page just before it."""
    names = [term.lstrip("-") for term in ordering]
    if not cursor:
        return _forward(queryset, ordering, names, size, values=None)
    raw_values, backward = _decode(cursor, len(names))
    values = [
        _field_value(queryset, name, raw) for name, raw in zip(names, raw_values, strict=True)
    ]
    if not backward:
        return _forward(queryset, ordering, names, size, values=values)
    reverse = _reversed(ordering)
    rows = list(queryset.order_by(*reverse).filter(_after(reverse, values))[: size + 1])
    if len(rows) <= size:  # reached the start: the real first page, full and without a cursor
        return _forward(queryset, ordering, names, size, values=None)
    items = rows[:size][::-1]
    return KeysetPage(
        items=items,
        next_cursor=_encode([_attribute(items[-1], name) for name in names]),
        is_first=False,
        previous_cursor=_encode([_attribute(items[0], name) for name in names], backward=True),
    )


def _forward(
    queryset: QuerySet[Model, _Row],
    ordering: list[str],
    names: list[str],
    size: int,
    *,
    values: list[Any] | None,
) -> KeysetPage[_Row]:
    queryset = queryset.order_by(*ordering)
    if values is not None:
        queryset = queryset.filter(_after(ordering, values))
    rows = list(queryset[: size + 1])
    items = rows[:size]
    next_cursor = None
    if len(rows) > size:
        next_cursor = _encode([_attribute(items[-1], name) for name in names])
    previous_cursor = None
    if values is not None and items:
        previous_cursor = _encode([_attribute(items[0], name) for name in names], backward=True)
    return KeysetPage(
        items=items,
        next_cursor=next_cursor,
        is_first=values is None,
        previous_cursor=previous_cursor,
    )


def _attribute(item: Any, name: str) -> Any:
    value = item
    for part in name.split("__"):
        value = value[part] if isinstance(value, dict) else getattr(value, part)
        value = getattr(value, "pk", value)
    return value
