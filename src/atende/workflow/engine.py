"""The rules of a request's flow: which moves leave a stage, where they lead, and what each
extra field may be at that stage. Callers (the desk's services, for agents, the portal and the
API alike) ask here; nothing in a page decides it.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from atende.core.errors import InvalidFields
from atende.core.validation import has_control_characters
from atende.workflow.models import FieldKind, FieldRule, RequestField, Stage

TEXT_LIMIT = 2000


class Move(StrEnum):
    FORWARD = "forward"
    BACK = "back"
    CONCLUDE = "conclude"
    CANCEL = "cancel"


MOVE_LABELS = {
    Move.FORWARD: "Avançar",
    Move.BACK: "Voltar",
    Move.CONCLUDE: "Concluir",
    Move.CANCEL: "Cancelar",
}


@dataclass(frozen=True)
class FieldAtStage:
    field: RequestField
    rule: str
    value: object

    @property
    def is_editable(self) -> bool:
        return self.rule in (FieldRule.EDITABLE, FieldRule.REQUIRED)


def stage_sequence(stage: Stage) -> list[Stage]:
    """The type's stages in order."""
    return list(Stage.objects.filter(request_type_id=stage.request_type_id).order_by("position"))


def first_stage(request_type) -> Stage | None:
    return request_type.stages.order_by("position").first()


def allowed_moves(stage: Stage) -> list[Move]:
    """The ways out of `stage` its definition allows (forward needs a next stage, back a
    previous one)."""
    sequence = stage_sequence(stage)
    index = [s.pk for s in sequence].index(stage.pk)
    moves = []
    if stage.allows_forward and index + 1 < len(sequence):
        moves.append(Move.FORWARD)
    if stage.allows_back and index > 0:
        moves.append(Move.BACK)
    if stage.allows_conclusion or (stage.allows_forward and index + 1 == len(sequence)):
        moves.append(Move.CONCLUDE)  # moving forward from the last stage concludes
    if stage.allows_cancellation:
        moves.append(Move.CANCEL)
    return moves


def move_target(stage: Stage, move: Move) -> Stage | None:
    """The stage a move leads to (None: concluded or cancelled, the flow ends)."""
    if move not in (Move.FORWARD, Move.BACK):
        return None
    sequence = stage_sequence(stage)
    index = [s.pk for s in sequence].index(stage.pk)
    return sequence[index + 1] if move == Move.FORWARD else sequence[index - 1]


def fields_at(stage: Stage, values: dict) -> list[FieldAtStage]:
    """Every field of the type with its rule at this stage and its current value."""
    rules = dict(stage.rules.values_list("field_id", "rule"))
    fields = RequestField.objects.filter(request_type_id=stage.request_type_id)
    return [
        FieldAtStage(field, rules.get(field.pk, FieldRule.EDITABLE), values.get(field.key))
        for field in fields.order_by("position", "pk")
    ]


def visible_fields(stage: Stage, values: dict) -> list[FieldAtStage]:
    return [item for item in fields_at(stage, values) if item.rule != FieldRule.HIDDEN]


def _parse(field: RequestField, raw: object) -> object:
    """The stored form of a value (None: empty); ValueError with a Portuguese reason."""
    if raw is None or raw == "" or raw == []:
        return None
    kind = field.kind
    if kind == FieldKind.TEXT:
        text = str(raw).strip()
        if len(text) > TEXT_LIMIT:
            raise ValueError(f"no máximo {TEXT_LIMIT} caracteres")
        if has_control_characters(text, multiline=True):
            raise ValueError("contém caracteres não permitidos")
        return text
    if kind == FieldKind.NUMBER:
        text = str(raw).strip()
        if "," in text:
            text = text.replace(".", "").replace(",", ".")
        try:
            number = Decimal(text)
        except InvalidOperation:
            raise ValueError("informe um número") from None
        if not number.is_finite() or abs(number) >= Decimal("1e15"):
            raise ValueError("informe um número")
        return str(number)
    if kind == FieldKind.DATE:
        if isinstance(raw, date):
            return raw.isoformat()
        text = str(raw).strip()
        try:
            if "/" in text:
                day, month, year = (int(part) for part in text.split("/"))
                return date(year, month, day).isoformat()
            return date.fromisoformat(text).isoformat()
        except ValueError:
            raise ValueError("informe uma data (dd/mm/aaaa)") from None
    if kind == FieldKind.BOOLEAN:
        if isinstance(raw, bool):
            return raw
        text = str(raw).strip().lower()
        if text in {"1", "true", "sim", "on", "yes"}:
            return True
        if text in {"0", "false", "nao", "não", "off", "no"}:
            return False
        raise ValueError("responda sim ou não")
    if kind == FieldKind.CHOICE:
        if str(raw) not in field.options:
            raise ValueError(f"escolha uma das opções: {', '.join(field.options)}")
        return str(raw)
    if kind == FieldKind.FILE:
        if not (isinstance(raw, dict) and {"key", "name"} <= set(raw)):
            raise ValueError("envie um arquivo")
        return {"key": str(raw["key"]), "name": str(raw["name"])}
    raise ValueError("tipo de campo desconhecido")


def apply_values(stage: Stage, current: dict, submitted: dict, *, check_required: bool) -> dict:
    """`current` updated with `submitted` under the stage's rules: a read-only or hidden field
    sent, an unknown field, a bad value or (with `check_required`) a required one left empty
    refuses everything, naming each field."""
    errors: dict[str, list[str]] = {}
    merged = dict(current)
    by_key = {item.field.key: item for item in fields_at(stage, current)}
    for key, raw in submitted.items():
        item = by_key.get(key)
        if item is None:
            errors.setdefault(key, []).append(f"Campo desconhecido: {key}.")
            continue
        label = item.field.label
        if not item.is_editable:
            if _parse_quietly(item.field, raw) != item.value:
                errors.setdefault(key, []).append(f"{label}: não pode ser alterado nesta etapa.")
            continue
        try:
            merged[key] = _parse(item.field, raw)
        except ValueError as problem:
            errors.setdefault(key, []).append(f"{label}: {problem}.")
    if check_required:
        for item in by_key.values():
            if item.rule == FieldRule.REQUIRED and merged.get(item.field.key) in (None, ""):
                errors.setdefault(item.field.key, []).append(
                    f"{item.field.label}: obrigatório nesta etapa."
                )
    if errors:
        raise InvalidFields(errors)
    return {key: value for key, value in merged.items() if value is not None}


def _parse_quietly(field: RequestField, raw: object) -> object:
    """A read-only value sent back unchanged is fine (forms post every input they show)."""
    try:
        return _parse(field, raw)
    except ValueError:
        return object()  # never equal to the stored value
