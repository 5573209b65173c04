"""API schemas of typed requests: the types' definitions, a request's flow, and what staff and
portal clients send (the stage's field rules are the services' to enforce)."""

from datetime import datetime
from typing import Annotated, Any, Literal

from ninja import Schema
from pydantic import Field

from atende.core.schemas import RecordId, StrictIn
from atende.core.validation import MULTI_LINE_PATTERN, SINGLE_LINE_PATTERN
from atende.workflow.engine import TEXT_LIMIT, Move

FieldKey = Annotated[str, Field(min_length=1, max_length=40, pattern=r"^[-a-zA-Z0-9_]+$")]
# JSON values of the extra fields (files are sent through the pages: multipart).
FieldValue = (
    Annotated[str, Field(max_length=TEXT_LIMIT, pattern=MULTI_LINE_PATTERN)]
    | Annotated[int, Field(ge=-(10**15), le=10**15)]
    | bool
    | None
)
# Keys outside the pattern are refused: say so in the document too (patternProperties alone
# would let any other key through).
Values = Annotated[
    dict[FieldKey, FieldValue],
    Field(max_length=100, json_schema_extra={"additionalProperties": False}),
]
Reason = Annotated[str, Field(max_length=2000, pattern=MULTI_LINE_PATTERN)]
MoveName = Literal[tuple(move.value for move in Move)]


class StageOut(Schema):
    id: int
    position: int
    name: str
    responsibility: str
    area_id: int | None
    allows_back: bool
    allows_conclusion: bool
    allows_cancellation: bool
    asks_understanding: bool
    rejection_stage_id: int | None
    rules: dict[str, str] = Field(
        description="Regra de cada campo nesta etapa (sem regra: editável)"
    )

    @staticmethod
    def resolve_rules(stage) -> dict[str, str]:
        return {rule.field.key: rule.rule for rule in stage.rules.all()}


class FieldOut(Schema):
    key: str
    label: str
    kind: str
    options: list[str]


class RequestTypeOut(Schema):
    id: int
    name: str
    group: str = Field(alias="group.name")
    description: str
    is_active: bool
    stages: list[StageOut] = Field(alias="stage_list")
    fields: list[FieldOut] = Field(alias="field_list")


class FieldAtStageOut(Schema):
    key: str = Field(alias="field.key")
    label: str = Field(alias="field.label")
    kind: str = Field(alias="field.kind")
    rule: str
    value: Any = None


class PassageOut(Schema):
    stage: str = Field(alias="stage.name")
    entered_at: datetime
    entered_by: str
    left_at: datetime | None
    left_by: str
    outcome: str


class FlowOut(Schema):
    """Where a typed request stands: its stage, its fields under the stage's rules, the moves
    the caller may make, the understanding and the stage history (current first)."""

    number: int
    request_type_id: int
    request_type: str
    stage: str | None
    customers_turn: bool
    closed: bool
    fields: list[FieldAtStageOut]
    moves: list[str]
    understanding: str
    understanding_state: str
    passages: list[PassageOut]


class ValuesIn(StrictIn):
    values: Values


class MoveIn(StrictIn):
    move: MoveName
    values: Values = {}
    reason: Reason = ""


class UnderstandingIn(StrictIn):
    text: Annotated[str, Field(min_length=1, max_length=5000, pattern=MULTI_LINE_PATTERN)]


class RequestOpenIn(StrictIn):
    request_type_id: RecordId
    title: Annotated[str, Field(min_length=1, max_length=200, pattern=SINGLE_LINE_PATTERN)]
    description: Annotated[str, Field(max_length=50_000, pattern=MULTI_LINE_PATTERN)] = ""
    values: Values = {}
