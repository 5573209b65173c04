"""Typed requests in the staff API: the types' definitions, and a ticket's flow — its fields
under the stage's rules, its moves and its understanding — through the same services as the
ticket page (the rules are theirs: a read-only field sent is refused naming the field)."""

from typing import Annotated

from ninja import Path, Router, Status

from atende.accounts.permissions import require
from atende.core.errors import DomainError, ErrorCode
from atende.core.schemas import MAX_ID, RecordId
from atende.customers.selectors import visible_customers
from atende.desk.models import Ticket
from atende.desk.permissions import DeskPerm
from atende.desk.schemas import TicketOut
from atende.desk.schemas_requests import (
    FlowOut,
    MoveIn,
    RequestOpenIn,
    RequestTypeOut,
    UnderstandingIn,
    ValuesIn,
)
from atende.desk.selectors import request_type_catalog, ticket_get, ticket_passages
from atende.desk.services.requests import (
    moves_for,
    request_fields_update,
    request_move,
    request_open,
    understanding_write,
)
from atende.workflow.engine import visible_fields
from atende.workflow.models import RequestType

router = Router(tags=["solicitações"])
Number = Annotated[int, Path(ge=1, le=MAX_ID)]


def request_flow(ticket: Ticket, *, actor) -> dict:
    """The flow of a typed request as `actor` (a member or a portal account) may see it."""
    if ticket.stage_id is None:
        raise DomainError(
            "Este atendimento não segue um fluxo.", code=ErrorCode.NOT_FOUND, field="number"
        )
    return {
        "number": ticket.number,
        "request_type_id": ticket.request_type_id,
        "request_type": ticket.request_type.name,
        "stage": None if ticket.is_closed else ticket.stage.name,
        "customers_turn": ticket.is_customers_turn,
        "closed": ticket.is_closed,
        "fields": visible_fields(ticket.stage, ticket.field_values),
        "moves": [move.value for move in moves_for(actor, ticket)],
        "understanding": ticket.understanding,
        "understanding_state": ticket.understanding_state,
        "passages": ticket_passages(ticket=ticket),
    }


class StaffRequestOpenIn(RequestOpenIn):
    customer: RecordId | None = None
    contact_id: RecordId | None = None


@router.get("/request-types", response=list[RequestTypeOut], summary="Tipos de solicitação")
def list_request_types(request):
    require(request.auth, DeskPerm.VIEW)
    return request_type_catalog()


@router.post("/requests", response={201: TicketOut}, summary="Abre uma solicitação de um tipo")
def open_request(request, payload: StaffRequestOpenIn):
    require(request.auth, DeskPerm.ADD)
    request_type = RequestType.objects.filter(pk=payload.request_type_id).first()
    if request_type is None:
        raise DomainError(
            "Tipo de solicitação não encontrado.", code=ErrorCode.NOT_FOUND, field="request_type_id"
        )
    customer = contact = None
    if payload.customer is not None:
        customer = visible_customers(request.auth).filter(number=payload.customer).first()
        if customer is None:
            raise DomainError("Cliente não encontrado.", code=ErrorCode.NOT_FOUND, field="customer")
        if payload.contact_id is not None:
            contact = customer.contacts.filter(pk=payload.contact_id).first()
    if payload.contact_id is not None and contact is None:
        raise DomainError("Contato não encontrado.", code=ErrorCode.NOT_FOUND, field="contact_id")
    ticket = request_open(
        actor=request.auth, request_type=request_type, title=payload.title,
        description=payload.description, customer=customer, contact=contact,
        values=payload.values,
    )  # fmt: skip
    return Status(201, Ticket.objects.select_related("area", "customer").get(pk=ticket.pk))


@router.get("/tickets/{number}/flow", response=FlowOut, summary="Etapa, campos e ações")
def get_flow(request, number: Number):
    return request_flow(ticket_get(actor=request.auth, number=number), actor=request.auth)


@router.patch("/tickets/{number}/fields", response=FlowOut, summary="Altera campos da etapa")
def update_fields(request, number: Number, payload: ValuesIn):
    ticket = ticket_get(actor=request.auth, number=number, permission=DeskPerm.CHANGE)
    request_fields_update(actor=request.auth, ticket=ticket, values=payload.values)
    return request_flow(ticket, actor=request.auth)


@router.post("/tickets/{number}/moves", response=FlowOut, summary="Avança, volta, conclui…")
def move_request(request, number: Number, payload: MoveIn):
    ticket = ticket_get(actor=request.auth, number=number, permission=DeskPerm.CHANGE)
    ticket = request_move(
        actor=request.auth, ticket=ticket, move=payload.move, values=payload.values,
        reason=payload.reason,
    )  # fmt: skip
    return request_flow(ticket_get(actor=request.auth, number=ticket.number), actor=request.auth)


@router.post("/tickets/{number}/understanding", response=FlowOut, summary="Escreve o entendimento")
def write_understanding(request, number: Number, payload: UnderstandingIn):
    ticket = ticket_get(actor=request.auth, number=number, permission=DeskPerm.CHANGE)
    understanding_write(actor=request.auth, ticket=ticket, text=payload.text)
    return request_flow(ticket, actor=request.auth)
