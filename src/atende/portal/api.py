"""The customers' API (`/api/v1/portal/…`): a portal account's own requests, with a token the
contact created in the Webdesk. The same selectors and services as the portal's pages: another
customer's request answers 404, the stage's field rules and the customer's turn hold."""

from datetime import datetime
from typing import Annotated, Literal

from ninja import Path, Query, Router, Schema, Status
from pydantic import Field

from atende.core.errors import DomainError, ErrorCode
from atende.core.schemas import MAX_ID, StrictIn
from atende.desk.api_requests import request_flow
from atende.desk.schemas import EntryOut
from atende.desk.schemas_requests import (
    FlowOut,
    MoveIn,
    Reason,
    RequestOpenIn,
    RequestTypeOut,
    ValuesIn,
)
from atende.desk.selectors import request_type_catalog
from atende.desk.services.requests import (
    customer_message,
    request_fields_update,
    request_move,
    request_open,
    understanding_decide,
)
from atende.portal.selectors import (
    BUCKETS,
    portal_bucket_counts,
    portal_request_get,
    portal_request_list,
    portal_timeline,
)
from atende.portal.tokens import PortalTokenAuth
from atende.workflow.models import RequestType

router = Router(tags=["portal do cliente"], auth=PortalTokenAuth())
Number = Annotated[int, Path(ge=1, le=MAX_ID)]


class RequestQuery(StrictIn):
    bucket: Literal[BUCKETS] = "todos"
    cursor: str | None = Field(None, max_length=1000, pattern=r"^[A-Za-z0-9_-]*$")


class RequestItemOut(Schema):
    number: int
    title: str
    status: str
    request_type: str | None = Field(None, alias="request_type.name")
    stage: str | None = Field(None, alias="stage.name")
    customers_turn: bool = Field(alias="is_customers_turn")
    created_at: datetime
    updated_at: datetime


class RequestPageOut(Schema):
    items: list[RequestItemOut]
    next_cursor: str | None
    counts: dict[str, int]


class RequestDetailOut(RequestItemOut):
    description: str
    timeline: list[EntryOut]
    flow: FlowOut | None


class MessageIn(StrictIn):
    body: Annotated[str, Field(min_length=1, max_length=50_000)]


class DecisionIn(StrictIn):
    approve: bool
    reason: Reason = ""


def _detail(account, number: int) -> dict:
    ticket = portal_request_get(account=account, number=number)
    return {
        **{name: getattr(ticket, name) for name in ("number", "title", "status", "description")},
        "request_type": ticket.request_type,
        "stage": ticket.stage if not ticket.is_closed else None,
        "is_customers_turn": ticket.is_customers_turn,
        "created_at": ticket.created_at,
        "updated_at": ticket.updated_at,
        "timeline": portal_timeline(ticket=ticket),
        "flow": request_flow(ticket, actor=account) if ticket.stage_id else None,
    }


@router.get("/request-types", response=list[RequestTypeOut], summary="Tipos que o cliente abre")
def portal_list_request_types(request):
    return request_type_catalog(active_only=True)


@router.get("/requests", response=RequestPageOut, summary="Minhas solicitações")
def portal_list_requests(request, query: Query[RequestQuery]):
    page = portal_request_list(account=request.auth, bucket=query.bucket, cursor=query.cursor)
    counts = portal_bucket_counts(account=request.auth)
    return {"items": page.items, "next_cursor": page.next_cursor, "counts": counts}


@router.post("/requests", response={201: RequestDetailOut}, summary="Abre uma solicitação")
def portal_open_request(request, payload: RequestOpenIn):
    request_type = RequestType.objects.filter(pk=payload.request_type_id, is_active=True).first()
    if request_type is None:
        raise DomainError(
            "Tipo de solicitação não encontrado.", code=ErrorCode.NOT_FOUND, field="request_type_id"
        )
    ticket = request_open(
        actor=request.auth, request_type=request_type, title=payload.title,
        description=payload.description, values=payload.values,
    )  # fmt: skip
    return Status(201, _detail(request.auth, ticket.number))


@router.get("/requests/{number}", response=RequestDetailOut, summary="Uma solicitação")
def portal_get_request(request, number: Number):
    return _detail(request.auth, number)


@router.post(
    "/requests/{number}/messages", response={201: EntryOut}, summary="Escreve na discussão"
)
def portal_write_message(request, number: Number, payload: MessageIn):
    ticket = portal_request_get(account=request.auth, number=number)
    return Status(201, customer_message(actor=request.auth, ticket=ticket, body=payload.body))


@router.patch("/requests/{number}/fields", response=RequestDetailOut, summary="Altera campos")
def portal_update_fields(request, number: Number, payload: ValuesIn):
    ticket = portal_request_get(account=request.auth, number=number)
    request_fields_update(actor=request.auth, ticket=ticket, values=payload.values)
    return _detail(request.auth, number)


@router.post("/requests/{number}/moves", response=RequestDetailOut, summary="Envia ou cancela")
def portal_move_request(request, number: Number, payload: MoveIn):
    ticket = portal_request_get(account=request.auth, number=number)
    request_move(
        actor=request.auth, ticket=ticket, move=payload.move, values=payload.values,
        reason=payload.reason,
    )  # fmt: skip
    return _detail(request.auth, number)


@router.post(
    "/requests/{number}/understanding", response=RequestDetailOut, summary="Aprova o entendimento"
)
def portal_decide_understanding(request, number: Number, payload: DecisionIn):
    ticket = portal_request_get(account=request.auth, number=number)
    understanding_decide(
        actor=request.auth, ticket=ticket, approve=payload.approve, reason=payload.reason
    )
    return _detail(request.auth, number)
