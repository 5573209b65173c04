"""Service-desk routes of the REST API: the same selectors and services as the pages.

Every token is a member's (staff): they see internal notes. The customer portal's own API
(portal accounts) will show public entries only.
"""

from typing import Annotated

from ninja import Path, Query, Router, Status

from atende.accounts.permissions import require
from atende.core.errors import DomainError, ErrorCode
from atende.core.schemas import MAX_ID
from atende.customers.selectors import catalog_entry_find, visible_customers
from atende.desk.models import Area, Ticket
from atende.desk.permissions import DeskPerm
from atende.desk.schemas import (
    EntryIn,
    EntryOut,
    ServiceOrderOut,
    TicketDetailOut,
    TicketIn,
    TicketOut,
    TicketPageOut,
    TicketPatchIn,
    TicketQuery,
    TimeEntryOut,
    TimeIn,
)
from atende.desk.selectors import (
    TicketFilters,
    ticket_get,
    ticket_queue,
    ticket_service_orders_with_items,
    ticket_time_totals,
    ticket_timeline,
)
from atende.desk.services.tickets import ticket_change, ticket_note, ticket_open, ticket_reply
from atende.desk.services.work import time_entry_add
from atende.tenancy.models import Member

router = Router(tags=["atendimentos"])
Number = Annotated[int, Path(ge=1, le=MAX_ID)]


def _find(model, pk: int | None, field: str):
    if pk is None:
        return None
    found = catalog_entry_find(model, pk=pk)
    if found is None:
        raise DomainError("Registro não encontrado.", code=ErrorCode.NOT_FOUND, field=field)
    return found


@router.get("/tickets", response=TicketPageOut, summary="Fila e busca de atendimentos")
def list_tickets(request, query: Query[TicketQuery]):
    require(request.auth, DeskPerm.VIEW)
    filters = TicketFilters(
        scope=query.scope, search=query.q, statuses=(query.status,) if query.status else (),
        area_id=query.area_id, assignee_id=query.assignee_id, priority=query.priority,
        customer_number=query.customer, sla=query.sla or "", created_from=query.created_from,
        created_to=query.created_to, sort=query.sort,
    )  # fmt: skip
    page = ticket_queue(actor=request.auth, filters=filters, cursor=query.cursor)
    return {"items": page.items, "next_cursor": page.next_cursor}


@router.post("/tickets", response={201: TicketOut}, summary="Abre um atendimento")
def create_ticket(request, payload: TicketIn):
    customer = None
    if payload.customer is not None:
        customer = visible_customers(request.auth).filter(number=payload.customer).first()
        if customer is None:
            raise DomainError("Cliente não encontrado.", code=ErrorCode.NOT_FOUND, field="customer")
    contact = None
    if payload.contact_id is not None and customer is not None:
        contact = customer.contacts.filter(pk=payload.contact_id).first()
    if payload.contact_id is not None and contact is None:
        raise DomainError("Contato não encontrado.", code=ErrorCode.NOT_FOUND, field="contact_id")
    ticket = ticket_open(
        actor=request.auth, title=payload.title, description=payload.description,
        customer=customer, contact=contact, area=_find(Area, payload.area_id, "area_id"),
        assignee=_find(Member, payload.assignee_id, "assignee_id"), priority=payload.priority,
        due_on=payload.due_on, channel=payload.channel,
    )  # fmt: skip
    return Status(201, ticket)


@router.get("/tickets/{number}", response=TicketDetailOut, summary="Um atendimento e sua linha")
def get_ticket(request, number: Number):
    ticket = ticket_get(actor=request.auth, number=number)
    ticket.timeline_entries = ticket_timeline(ticket=ticket)
    ticket.minutes_spent = ticket_time_totals(ticket=ticket).minutes
    return ticket


@router.patch("/tickets/{number}", response=TicketOut, summary="Altera situação, área…")
def update_ticket(request, number: Number, payload: TicketPatchIn):
    ticket = ticket_get(actor=request.auth, number=number, permission=DeskPerm.CHANGE)
    sent = payload.dict(exclude_unset=True)
    changes = {name: sent[name] for name in ("status", "priority", "due_on") if name in sent}
    if "area_id" in sent:
        changes["area"] = _find(Area, sent["area_id"], "area_id")
    if "assignee_id" in sent:
        changes["assignee"] = _find(Member, sent["assignee_id"], "assignee_id")
    ticket_change(actor=request.auth, ticket=ticket, **changes)
    return Ticket.objects.select_related("area", "customer").get(pk=ticket.pk)


@router.post("/tickets/{number}/replies", response={201: EntryOut}, summary="Responde ao cliente")
def reply_ticket(request, number: Number, payload: EntryIn):
    ticket = ticket_get(actor=request.auth, number=number, permission=DeskPerm.CHANGE)
    return Status(201, ticket_reply(actor=request.auth, ticket=ticket, body=payload.body))


@router.post("/tickets/{number}/notes", response={201: EntryOut}, summary="Nota interna")
def note_ticket(request, number: Number, payload: EntryIn):
    ticket = ticket_get(actor=request.auth, number=number, permission=DeskPerm.CHANGE)
    return Status(201, ticket_note(actor=request.auth, ticket=ticket, body=payload.body))


@router.post("/tickets/{number}/time", response={201: TimeEntryOut}, summary="Registra tempo")
def add_ticket_time(request, number: Number, payload: TimeIn):
    ticket = ticket_get(actor=request.auth, number=number, permission=DeskPerm.CHANGE)
    entry = time_entry_add(actor=request.auth, ticket=ticket, **payload.dict())
    return Status(201, entry)


@router.get(
    "/tickets/{number}/service-orders",
    response=list[ServiceOrderOut],
    summary="Ordens de serviço do atendimento",
)
def list_ticket_service_orders(request, number: Number):
    ticket = ticket_get(actor=request.auth, number=number)
    return ticket_service_orders_with_items(ticket=ticket)
