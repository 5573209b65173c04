"""API schemas of the service desk (constraints the services enforce are in the schema)."""

from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Literal

from ninja import Schema
from pydantic import Field

from atende.core.schemas import IsoDate, PartialIn, RecordId, StrictIn
from atende.core.validation import MULTI_LINE_PATTERN, SINGLE_LINE_PATTERN
from atende.desk.models import Channel, Priority, TicketStatus
from atende.desk.selectors import SCOPES, SORTS
from atende.desk.services.work import MAX_MINUTES
from atende.desk.sla import Sla

Title = Annotated[str, Field(min_length=1, max_length=200, pattern=SINGLE_LINE_PATTERN)]
Text = Annotated[str, Field(max_length=50_000, pattern=MULTI_LINE_PATTERN)]
Status = Literal[tuple(TicketStatus.values)]
PriorityValue = Literal[tuple(Priority.values)]


class TicketQuery(StrictIn):
    scope: Literal[SCOPES] = "open"
    q: str = Field("", max_length=200, pattern=SINGLE_LINE_PATTERN)
    status: Status | None = None
    area_id: RecordId | None = None
    assignee_id: RecordId | None = None
    # A query string carries text: a range, not a Literal of ints, reads "1" as 1.
    priority: int | None = Field(None, ge=Priority.HIGH, le=Priority.LOW)
    customer: RecordId | None = None
    sla: Literal[tuple(state.value for state in Sla if state != Sla.NONE)] | None = None
    created_from: IsoDate | None = None
    created_to: IsoDate | None = None
    sort: Literal[tuple(SORTS)] = "-updated"
    # Opaque: only a `next_cursor` this API returned is valid (anything else is a 400).
    cursor: str | None = Field(None, max_length=1000, pattern=r"^[A-Za-z0-9_-]*$")


class TicketListOut(Schema):
    number: int
    title: str
    status: str
    priority: int
    channel: str
    due_on: date | None
    area: str = Field(alias="area.name")
    assignee_id: int | None
    customer: int | None = Field(None, alias="customer.number")
    created_at: datetime
    updated_at: datetime


class TicketPageOut(Schema):
    items: list[TicketListOut]
    next_cursor: str | None


class EntryOut(Schema):
    id: int
    kind: str
    is_public: bool
    author: str = Field(alias="author_name")
    body: str
    changes: list[dict]
    created_at: datetime


class TicketOut(TicketListOut):
    description: str
    contact_id: int | None
    area_id: int
    closed_at: datetime | None


class TicketDetailOut(TicketOut):
    timeline: list[EntryOut] = Field(alias="timeline_entries")
    minutes_spent: int


class TicketIn(StrictIn):
    title: Title
    description: Text = ""
    customer: RecordId | None = None
    contact_id: RecordId | None = None
    area_id: RecordId | None = None
    assignee_id: RecordId | None = None
    priority: PriorityValue = Priority.NORMAL
    due_on: IsoDate | None = None
    channel: Literal[tuple(Channel.values)] = Channel.WEB


class TicketPatchIn(PartialIn):
    """Fields to change; only those sent change (null clears the assignee or the due date)."""

    status: Status = None
    area_id: RecordId = None
    assignee_id: RecordId | None = None
    priority: PriorityValue = None
    due_on: IsoDate | None = None


class EntryIn(StrictIn):
    body: Annotated[str, Field(min_length=1, max_length=50_000, pattern=MULTI_LINE_PATTERN)]


class TimeIn(StrictIn):
    hours: int = Field(0, ge=0, le=24)
    minutes: int = Field(0, ge=0, le=MAX_MINUTES)
    note: str = Field("", max_length=300, pattern=SINGLE_LINE_PATTERN)
    worked_on: IsoDate | None = None


class TimeEntryOut(Schema):
    id: int
    minutes: int
    note: str
    worked_on: date
    member_id: int


class ServiceOrderItemOut(Schema):
    kind: str
    description: str
    quantity: Decimal
    unit_price: Decimal
    line_total: Decimal


class ServiceOrderOut(Schema):
    number: int
    status: str
    customer: int = Field(validation_alias="customer.number")
    address: str
    items: list[ServiceOrderItemOut] = Field(validation_alias="item_rows")
    labour_hours: Decimal
    hourly_rate: Decimal
    items_total: Decimal
    labour_total: Decimal
    discount: Decimal
    total: Decimal
    observations: str
    created_at: datetime
