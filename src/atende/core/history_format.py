"""Audit entries as people read them: Portuguese labels and "old → new" in their own format.

django-auditlog records each change as text (`"True"`, `"2026-03-01"`, a foreign key's id, a
JSON dump). `history_events` turns a page of entries into events whose rows say
"Data de nascimento: 01/03/2026 → 02/03/2026", "Carteira: Ana Souza → Bruno Lima". Names behind
foreign keys and labels of extra fields are loaded once per page and per related table, so
the number of queries does not grow with the number of entries.

Apps describe what the model alone cannot say in their `audit.py` (labels of fields that have
no translatable verbose name, masks such as CPF/CNPJ, how to name a related record cheaply).
"""

import datetime
import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from auditlog.models import AbstractLogEntry, LogEntry
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

# Never worth a row: keys, bookkeeping and denormalised search text.
HIDDEN_FIELDS = {"id", "organization", "search_text", "updated_at", "created_at"}
EMPTY_VALUES = {"", "None", "null", "[]", "{}"}

Formatter = Callable[[str], str]

_model_labels: dict[type[models.Model], Any] = {}
_field_labels: dict[type[models.Model], dict[str, Any]] = {}
_hidden: dict[type[models.Model], set[str]] = {}
_formats: dict[type[models.Model], dict[str, Formatter]] = {}
_action_titles: dict[tuple[type[models.Model], int], Any] = {}
_name_querysets: dict[type[models.Model], Callable[[models.QuerySet[Any]], Iterable[Any]]] = {}
_json_labels: dict[tuple[type[models.Model], str], Callable[[], dict[str, str]]] = {}


def history_describe(
    model: type[models.Model],
    *,
    label: object = None,
    labels: dict[str, object] | None = None,
    hidden: Iterable[str] = (),
    formats: dict[str, Formatter] | None = None,
    titles: dict[int, object] | None = None,
) -> None:
    """Say how `model`'s entries read: its name, field labels the model lacks, fields not
    worth showing, value masks (CPF/CNPJ, CEP…) and titles per action (`LogEntry.Action`)."""
    if label is not None:
        _model_labels[model] = label
    _field_labels.setdefault(model, {}).update(labels or {})
    _hidden.setdefault(model, set()).update(hidden)
    _formats.setdefault(model, {}).update(formats or {})
    for action, title in (titles or {}).items():
        _action_titles[(model, action)] = title


def hidden_fields(model: type[models.Model]) -> set[str]:
    """The fields of `model` that never become rows, besides HIDDEN_FIELDS."""
    return _hidden.get(model, set())


def history_names_register(
    model: type[models.Model], prepare: Callable[[models.QuerySet[Any]], Iterable[Any]]
) -> None:
    """How to load `model`'s records for their names, e.g. members with their users."""
    _name_querysets[model] = prepare


def history_json_labels_register(
    model: type[models.Model], field_name: str, labels: Callable[[], dict[str, str]]
) -> None:
    """A JSON field read key by key (extra fields); `labels()` gives key → label (one query)."""
    _json_labels[(model, field_name)] = labels


@dataclass
class HistoryChange:
    label: str
    old: str
    new: str
    note: str = ""  # shown alone, without old → new (members added to a many-to-many field)


@dataclass
class HistoryEvent:
    entry: AbstractLogEntry
    title: str
    changes: list[HistoryChange] = field(default_factory=list)

    @property
    def is_update(self) -> bool:
        return bool(self.entry.action == LogEntry.Action.UPDATE)

    @property
    def is_delete(self) -> bool:
        return bool(self.entry.action == LogEntry.Action.DELETE)


ACTION_TITLES = {
    LogEntry.Action.CREATE: _("Created"),
    LogEntry.Action.UPDATE: _("Changed"),
    LogEntry.Action.DELETE: _("Deleted"),
    LogEntry.Action.ACCESS: _("Viewed"),
}


def model_label(model: type[models.Model] | None) -> str:
    if model is None:
        return ""
    return capfirst(str(_model_labels.get(model, model._meta.verbose_name)))


def field_label(model: type[models.Model], name: str) -> str | None:
    """The field's label in the user's language; None for reverse relations (never rows)."""
    override = _field_labels.get(model, {}).get(name)
    if override is not None:
        return capfirst(str(override))
    try:
        model_field = model._meta.get_field(name)
    except FieldDoesNotExist:  # a field removed since the change was recorded
        return capfirst(name.replace("_", " "))
    if not isinstance(model_field, models.Field) or (
        not model_field.concrete and not model_field.many_to_many
    ):
        return None
    verbose_name = model_field.verbose_name
    # A verbose name Django made from the field's name is plain English text: the catalog
    # still knows most of them ("category", "origin") as other models' names.
    text = gettext(verbose_name) if isinstance(verbose_name, str) else str(verbose_name)
    return capfirst(text)


def history_events(
    entries: Iterable[AbstractLogEntry], *, subject: models.Model | None = None
) -> list[HistoryEvent]:
    """Readable events for a page of entries; `subject` is the record whose page this is
    (its own entries need no name, the others say what they are about)."""
    entries = list(entries)
    parsed = [(entry, _entry_model(entry), entry.changes_dict or {}) for entry in entries]
    names = _load_names(parsed, subject)
    json_labels = _load_json_labels(parsed, subject)
    events = []
    for entry, model, changes in parsed:
        is_own = (
            subject is not None and model is type(subject) and entry.object_pk == str(subject.pk)
        )
        events.append(
            HistoryEvent(
                entry=entry,
                title=_title(entry, model, own=is_own or subject is None),
                changes=_rows(entry, model, changes, names, json_labels, subject=subject),
            )
        )
    return events


def _entry_model(entry: AbstractLogEntry) -> type[models.Model] | None:
    # content_type comes with the page (select_related): no query here.
    return entry.content_type.model_class()


def _title(entry: AbstractLogEntry, model: type[models.Model] | None, *, own: bool) -> str:
    """The action alone on the record's own page; "Created · Contact: Ana" for what is filed
    under it."""
    override = _action_titles.get((model, entry.action)) if model else None
    if own:
        return str(override or ACTION_TITLES.get(entry.action, ""))
    if override:
        return f"{override}: {entry.object_repr}"
    action = ACTION_TITLES.get(entry.action, "")
    return f"{action} · {model_label(model)}: {entry.object_repr}"


def _foreign_key(
    model: type[models.Model] | None, name: str
) -> "models.ForeignKey[Any, Any] | None":
    if model is None:
        return None
    try:
        model_field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    return model_field if isinstance(model_field, models.ForeignKey) else None


def _shown(
    model: type[models.Model] | None, name: str, values: object, subject: models.Model | None
) -> bool:
    """Whether a recorded change becomes a row (and so whether its names are worth loading)."""
    if model is None:
        return True
    hidden = name in HIDDEN_FIELDS or name in _hidden.get(model, set())
    return not hidden and not _points_to(model, name, values, subject) and any(_pair(values))


def _load_names(
    parsed: list[tuple[AbstractLogEntry, type[models.Model] | None, dict[str, Any]]],
    subject: models.Model | None,
) -> dict[type[models.Model], dict[str, str]]:
    """Names of every record a foreign key on the page points to: one query per table."""
    wanted: dict[type[models.Model], set[str]] = defaultdict(set)
    for _entry, model, changes in parsed:
        for name, values in changes.items():
            foreign_key = _foreign_key(model, name)
            if foreign_key is None or not isinstance(values, list):
                continue
            if not _shown(model, name, values, subject):
                continue
            related = foreign_key.related_model
            assert isinstance(related, type)
            wanted[related].update(str(v) for v in values if str(v) not in EMPTY_VALUES)
    names: dict[type[models.Model], dict[str, str]] = {}
    for related, keys in wanted.items():
        numeric = isinstance(related._meta.pk, models.AutoField | models.IntegerField)
        ids = [key for key in keys if key.isdigit()] if numeric else list(keys)
        queryset = related._default_manager.filter(pk__in=ids)
        prepare = _name_querysets.get(related)
        records = prepare(queryset) if prepare else queryset
        names[related] = {str(record.pk): str(record) for record in records}
    return names


def _load_json_labels(
    parsed: list[tuple[AbstractLogEntry, type[models.Model] | None, dict[str, Any]]],
    subject: models.Model | None,
) -> dict[tuple[type[models.Model], str], dict[str, str]]:
    wanted = {
        (model, name)
        for _entry, model, changes in parsed
        for name, values in changes.items()
        if model is not None
        and (model, name) in _json_labels
        and _shown(model, name, values, subject)
    }
    return {key: _json_labels[key]() for key in wanted}


def _rows(
    entry: AbstractLogEntry,
    model: type[models.Model] | None,
    changes: dict[str, Any],
    names: dict[type[models.Model], dict[str, str]],
    json_labels: dict[tuple[type[models.Model], str], dict[str, str]],
    *,
    subject: models.Model | None,
) -> list[HistoryChange]:
    if model is None:  # the model itself was removed since: show what was recorded
        return [HistoryChange(name, *_pair(values)) for name, values in changes.items()]
    rows = []
    for name, values in sorted(changes.items(), key=lambda item: _position(model, item[0])):
        if not _shown(model, name, values, subject):
            continue
        if (model, name) in json_labels:
            rows += _json_rows(values, json_labels[(model, name)])
            continue
        label = field_label(model, name)
        if label is None:
            continue
        if isinstance(values, dict):  # many-to-many: {"operation": "add", "objects": [...]}
            rows.append(_many_to_many_row(model, name, label, values))
            continue
        old, new = _pair(values)
        rows.append(
            HistoryChange(label, _value(model, name, old, names), _value(model, name, new, names))
        )
    return rows


def _position(model: type[models.Model], name: str) -> int:
    """Rows follow the form's order (the model's fields), not the order they were recorded."""
    order = _field_order.get(model)
    if order is None:
        fields = [*model._meta.concrete_fields, *model._meta.many_to_many]
        order = _field_order[model] = {f.name: index for index, f in enumerate(fields)}
    return order.get(name, len(order))


_field_order: dict[type[models.Model], dict[str, int]] = {}


def _points_to(
    model: type[models.Model], name: str, values: object, subject: models.Model | None
) -> bool:
    """The key to the page's own record ("customer" on a new contact) says nothing new; a
    ticket moved from another customer does, and keeps its row."""
    foreign_key = _foreign_key(model, name)
    if subject is None or foreign_key is None or foreign_key.related_model is not type(subject):
        return False
    return {value for value in _pair(values) if value} <= {str(subject.pk)}


def _pair(values: object) -> tuple[str, str]:
    pair = [*(values if isinstance(values, list | tuple) else [values]), None, None][:2]
    return tuple(
        "" if value is None or str(value) in EMPTY_VALUES else str(value) for value in pair
    )  # type: ignore[return-value]


def _many_to_many_row(
    model: type[models.Model], name: str, label: str, values: dict[str, Any]
) -> HistoryChange:
    formatter = _formats.get(model, {}).get(name, str)
    objects = ", ".join(formatter(str(value)) for value in values.get("objects", []))
    if values.get("operation") == "add":
        return HistoryChange(label, "", "", note=gettext("added: %(names)s") % {"names": objects})
    return HistoryChange(label, "", "", note=gettext("removed: %(names)s") % {"names": objects})


def _value(
    model: type[models.Model], name: str, raw: str, names: dict[type[models.Model], dict[str, str]]
) -> str:
    if raw == "":
        return ""
    formatter = _formats.get(model, {}).get(name)
    if formatter is not None:
        return formatter(raw)
    model_field = _concrete_field(model, name)
    if model_field is None:
        return raw
    if isinstance(model_field, models.ForeignKey):
        related = model_field.related_model
        assert isinstance(related, type)
        found = names.get(related, {}).get(raw)
        return found or gettext("no. %(id)s (removed)") % {"id": raw}
    if isinstance(model_field, models.BooleanField):
        return yes_no(raw)
    if model_field.choices:
        # recorded as text, whatever the column's type (priority "2")
        labels = {str(value): label for value, label in model_field.flatchoices}
        return str(labels.get(raw, raw))
    if isinstance(model_field, models.DateTimeField):
        return format_datetime(raw)
    if isinstance(model_field, models.DateField):
        return format_date(raw)
    if isinstance(model_field, models.JSONField):
        return format_json(raw)
    return raw


def _concrete_field(model: type[models.Model], name: str) -> "models.Field[Any, Any] | None":
    try:
        model_field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    return model_field if isinstance(model_field, models.Field) else None


def _json_rows(values: object, labels: dict[str, str]) -> list[HistoryChange]:
    """One row per key that changed, named by its label."""
    old_raw, new_raw = _pair(values)
    old, new = _json_object(old_raw), _json_object(new_raw)
    rows = []
    for key in sorted(set(old) | set(new), key=lambda k: (str(labels.get(k, k)).lower(), k)):
        before, after = _plain(old.get(key)), _plain(new.get(key))
        if before != after:
            rows.append(HistoryChange(labels.get(key, key), before, after))
    return rows


def _json_object(raw: str) -> dict[str, Any]:
    try:
        parsed = json.loads(raw) if raw else {}
    except ValueError:
        return {}
    return parsed if isinstance(parsed, dict) else {}


def _plain(value: object) -> str:
    """A JSON value as text: booleans Sim/Não, ISO dates dd/mm/aaaa, lists joined."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return yes_no(str(value))
    if isinstance(value, list):
        return ", ".join(_plain(item) for item in value)
    if isinstance(value, dict):
        return "; ".join(f"{key}: {_plain(item)}" for key, item in value.items())
    text = str(value)
    return format_date(text) if parse_date_or_none(text) else text


def format_json(raw: str) -> str:
    try:
        return _plain(json.loads(raw))
    except ValueError:
        return raw


def yes_no(raw: str) -> str:
    return {"True": gettext("Yes"), "False": gettext("No")}.get(raw, raw)


def parse_date_or_none(text: str) -> datetime.date | None:
    try:
        return parse_date(text)
    except ValueError:
        return None


def format_date(raw: str) -> str:
    """`2026-03-01` → `01/03/2026`."""
    parsed = parse_date_or_none(raw)
    return parsed.strftime("%d/%m/%Y") if parsed else raw


def format_datetime(raw: str) -> str:
    """auditlog's naive UTC text → `01/03/2026 14:05` in the active time zone."""
    if parse_date_or_none(raw):  # a bare date has no zone to convert
        return format_date(raw)
    try:
        parsed = parse_datetime(raw)
    except ValueError:
        parsed = None
    if parsed is None:
        return format_date(raw)
    if timezone.is_naive(parsed):
        parsed = timezone.make_aware(parsed, datetime.UTC)
    return timezone.localtime(parsed).strftime("%d/%m/%Y %H:%M")
