"""Typed requests (W1–W4): open one into its type's first stage, move it through the stages,
change its fields under each stage's rules, and the understanding the customer approves.

The actor is a staff Member or a customer's PortalAccount; the same rules hold for both (the
engine in atende.workflow decides what a stage allows; the portal may act only when it is the
customer's turn, and never on another customer's request).
"""

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from atende.accounts.models import PortalAccount
from atende.accounts.permissions import can, require
from atende.core.errors import DomainError, ErrorCode
from atende.customers.models import Contact, Customer
from atende.desk.errors import DeskError
from atende.desk.models import (
    AreaResource,
    Channel,
    EntryKind,
    StagePassage,
    Ticket,
    TicketStatus,
    TimelineEntry,
)
from atende.desk.permissions import DeskPerm
from atende.desk.services.tickets import _default_area, ticket_insert, ticket_refresh_search
from atende.tenancy.context import ensure_actor_in_active_organization
from atende.tenancy.models import Member
from atende.workflow.engine import Move, allowed_moves, apply_values, first_stage, move_target
from atende.workflow.models import RequestSettings, RequestType, Stage

Actor = Member | PortalAccount

STAGE_STATUS = {"customer": TicketStatus.WAITING, "company": TicketStatus.RESOLVING}
MOVE_STATUS = {Move.CONCLUDE: TicketStatus.DONE, Move.CANCEL: TicketStatus.CANCELLED}


def _name(actor: Actor) -> str:
    return str(actor.contact.name if isinstance(actor, PortalAccount) else actor)


def portal_may_see(account: PortalAccount, ticket: Ticket) -> bool:
    """The portal's second key: the account's customer, and (unless it sees all of them) its
    own requests."""
    if not account.is_active or ticket.customer_id != account.contact.customer_id:
        return False
    return account.sees_all_customer_requests or ticket.contact_id == account.contact_id


def _check(actor: Actor, ticket: Ticket, permission: DeskPerm = DeskPerm.CHANGE) -> None:
    ensure_actor_in_active_organization(actor)
    if isinstance(actor, PortalAccount):
        if not portal_may_see(actor, ticket):
            raise PermissionDenied("Solicitação de outro cliente.")
    else:
        require(actor, permission, ticket)
    if ticket.is_closed:
        raise DomainError(
            "Esta solicitação está encerrada: só pode ser lida.", code=DeskError.CLOSED
        )


def moves_for(actor: Actor, ticket: Ticket) -> list[Move]:
    """The moves `actor` may make on the request now: the stage's, for staff who may change
    it; only send (forward) or cancel for the customer, on their turn and with no understanding
    waiting for their answer."""
    if ticket.stage_id is None or ticket.is_closed:
        return []
    moves = allowed_moves(ticket.stage)
    if isinstance(actor, PortalAccount):
        if not ticket.is_customers_turn or ticket.understanding_state == "pending":
            return []
        return [move for move in moves if move in (Move.FORWARD, Move.CANCEL)]
    return moves if can(actor, DeskPerm.CHANGE, ticket) else []


def _require_customers_turn(actor: Actor, ticket: Ticket) -> None:
    if isinstance(actor, PortalAccount) and not ticket.is_customers_turn:
        raise DomainError(
            "Agora é a vez da empresa: você pode escrever na discussão e anexar arquivos.",
            code=DeskError.NOT_CUSTOMERS_TURN,
        )


def _store_field_files(values: dict | None, actor: Actor) -> tuple[dict, dict]:
    """Uploaded files among the values stored; the values name them by key (the engine checks
    the rules), the stored files wait for `_link_field_files` once the ticket exists."""
    from atende.desk.files import TICKET_ATTACHMENT
    from atende.files.services import stored_file_create

    values, stored = dict(values or {}), {}
    uploader = None if isinstance(actor, PortalAccount) else actor
    for key, value in values.items():
        if isinstance(value, UploadedFile):
            stored[key] = stored_file_create(
                actor=uploader, uploaded_file=value, use=TICKET_ATTACHMENT
            )
            values[key] = {"key": str(stored[key].key), "name": stored[key].original_name}
    return values, stored


def _link_field_files(ticket: Ticket, stored: dict) -> None:
    """The files become the ticket's, so whoever sees the ticket may download them."""
    from atende.desk.models import TicketAttachment

    TicketAttachment.objects.bulk_create(
        TicketAttachment(ticket=ticket, stored_file=stored_file, field_key=key)
        for key, stored_file in stored.items()
    )


def _enter(ticket: Ticket, stage: Stage, actor: Actor) -> None:
    """Put the ticket in `stage`: status, area (and an assignee who serves it), a passage."""
    ticket.stage = stage
    ticket.status = STAGE_STATUS[stage.responsibility]
    if stage.area_id and stage.area_id != ticket.area_id:
        ticket.area_id = stage.area_id
        if (
            ticket.assignee_id
            and not AreaResource.objects.filter(
                area_id=stage.area_id, member_id=ticket.assignee_id
            ).exists()
        ):
            ticket.assignee = None
    StagePassage.objects.create(ticket=ticket, stage=stage, entered_by=_name(actor))


def _leave(ticket: Ticket, actor: Actor, outcome: str) -> None:
    StagePassage.objects.filter(ticket=ticket, left_at__isnull=True).update(
        left_at=timezone.now(), left_by=_name(actor), outcome=outcome
    )


def portal_attendant(request_type: RequestType) -> Member | None:
    """Who receives a request opened in the portal: the type's attendant, else the
    organization's; an inactive member receives nothing."""
    attendant = request_type.default_attendant
    if attendant is None:
        settings = RequestSettings.objects.select_related("default_attendant").first()
        attendant = settings.default_attendant if settings else None
    return attendant if attendant is not None and attendant.is_active else None


@transaction.atomic
def request_open(
    *,
    actor: Actor,
    request_type: RequestType,
    title: str,
    description: str = "",
    customer: Customer | None = None,
    contact: Contact | None = None,
    values: dict | None = None,
    attachments: Iterable[UploadedFile] = (),
) -> Ticket:
    """Open a typed request in its first stage; from the portal it is the account's own, and
    goes to the type's default attendant."""
    ensure_actor_in_active_organization(actor)
    stage = first_stage(request_type)
    if stage is None or not request_type.is_active:
        raise DomainError(
            "Este tipo de solicitação ainda não tem etapas.",
            code=ErrorCode.INVALID,
            field="request_type",
        )
    portal = isinstance(actor, PortalAccount)
    if portal:
        customer, contact = actor.contact.customer, actor.contact
    else:
        require(actor, DeskPerm.ADD)
    ticket = Ticket(
        title=title.strip(),
        description=description.strip(),
        customer=customer,
        contact=contact,
        area=stage.area or _default_area(),
        assignee=portal_attendant(request_type) if portal else None,
        channel=Channel.PORTAL if portal else Channel.WEB,
        created_by=None if portal else actor,
        request_type=request_type,
    )
    values, stored = _store_field_files(values, actor)
    ticket.field_values = apply_values(stage, {}, values, check_required=True)
    if not portal and customer is not None:
        require(actor, DeskPerm.ADD, ticket)
    ticket_insert(ticket, attachments=attachments, uploaded_by=None if portal else actor)
    _link_field_files(ticket, stored)
    _enter(ticket, stage, actor)
    ticket.save(update_fields=["stage", "status", "area", "assignee"])
    if portal:
        from atende.desk.notifications import ticket_opened_notify_task

        ticket_opened_notify_task.delay_on_commit(ticket.organization_id, ticket.pk)
    return ticket


@transaction.atomic
def request_fields_update(*, actor: Actor, ticket: Ticket, values: dict) -> Ticket:
    """Change the extra fields the current stage lets this actor change."""
    _check(actor, ticket)
    _require_customers_turn(actor, ticket)
    if ticket.stage_id is None:
        raise DomainError("Este atendimento não segue um fluxo.", code=DeskError.NO_FLOW)
    values, stored = _store_field_files(values, actor)
    ticket.field_values = apply_values(
        ticket.stage, ticket.field_values, values, check_required=False
    )
    ticket.save(update_fields=["field_values", "updated_at"])
    _link_field_files(ticket, stored)
    return ticket


@transaction.atomic
def request_move(
    *, actor: Actor, ticket: Ticket, move: str, values: dict | None = None, reason: str = ""
) -> Ticket:
    """Move the request along its flow (forward, back, conclude, cancel) as the stage allows;
    fields sent with the move are applied first, and moving on needs the required ones."""
    _check(actor, ticket)
    if ticket.stage_id is None:
        raise DomainError("Este atendimento não segue um fluxo.", code=DeskError.NO_FLOW)
    move = Move(move)
    stage = ticket.stage
    portal = isinstance(actor, PortalAccount)
    if portal:
        _require_customers_turn(actor, ticket)
        if move not in (Move.FORWARD, Move.CANCEL):
            raise PermissionDenied("O cliente só envia ou cancela.")
    if move not in allowed_moves(stage):
        raise DomainError(
            f"A etapa {stage.name} não permite esta ação.",
            code=DeskError.MOVE_NOT_ALLOWED,
            field="move",
        )
    if move == Move.CANCEL and portal and not reason.strip():
        raise DomainError("Diga por que cancela.", code=ErrorCode.REQUIRED, field="reason")
    moving_on = move in (Move.FORWARD, Move.CONCLUDE)
    values, stored = _store_field_files(values, actor)
    ticket.field_values = apply_values(stage, ticket.field_values, values, check_required=moving_on)
    _link_field_files(ticket, stored)
    _leave(ticket, actor, move)
    target = move_target(stage, move)
    old_status = ticket.get_status_display()
    if target is None:
        ticket.status = MOVE_STATUS[move]
        ticket.closed_at = timezone.now()
    else:
        _enter(ticket, target, actor)
    ticket.understanding_state = ""
    ticket.save()
    _record(ticket, actor, stage, target, old_status, reason)
    return ticket


def _record(ticket, actor, old_stage, new_stage, old_status, reason) -> None:
    changes = [
        {
            "field": "stage",
            "label": "Etapa",
            "old": old_stage.name,
            "new": new_stage.name if new_stage else "—",
        }
    ]
    if ticket.get_status_display() != old_status:
        changes.append(
            {
                "field": "status",
                "label": "Situação",
                "old": old_status,
                "new": ticket.get_status_display(),
            }
        )
    portal = isinstance(actor, PortalAccount)
    TimelineEntry.objects.create(
        ticket=ticket,
        kind=EntryKind.CHANGE,
        author=None if portal else actor,
        author_contact=actor.contact if portal else None,
        author_name=_name(actor),
        changes=changes,
        body=reason.strip(),
        is_public=True,  # the customer follows the flow's steps in the portal
    )
    ticket_refresh_search(ticket)


@transaction.atomic
def understanding_write(*, actor: Member, ticket: Ticket, text: str) -> Ticket:
    """The company's understanding of the request, at a stage marked for it; the customer's
    approval is awaited."""
    _check(actor, ticket)
    if ticket.stage_id is None or not ticket.stage.asks_understanding:
        raise DomainError("Esta etapa não pede entendimento.", code=DeskError.NO_UNDERSTANDING_HERE)
    text = text.strip()
    if not text:
        raise DomainError("Escreva o entendimento.", code=ErrorCode.REQUIRED, field="text")
    ticket.understanding, ticket.understanding_state = text, "pending"
    ticket.status = TicketStatus.WAITING
    ticket.save(update_fields=["understanding", "understanding_state", "status", "updated_at"])
    TimelineEntry.objects.create(
        ticket=ticket,
        kind=EntryKind.REPLY,
        author=actor,
        author_name=str(actor),
        body=f"**Entendimento:** {text}",
        is_public=True,
    )
    return ticket


@transaction.atomic
def understanding_decide(
    *, actor: PortalAccount, ticket: Ticket, approve: bool, reason: str = ""
) -> Ticket:
    """The customer approves the understanding (the request moves on) or rejects it with a
    reason (it goes back to the stage the type names, else the previous one)."""
    _check(actor, ticket)
    if ticket.understanding_state != "pending":
        raise DomainError(
            "Não há entendimento esperando sua resposta.", code=DeskError.NO_UNDERSTANDING_HERE
        )
    stage = ticket.stage
    if not approve and not reason.strip():
        raise DomainError("Diga o que não está certo.", code=ErrorCode.REQUIRED, field="reason")
    verdict = "Entendimento aprovado." if approve else f"Entendimento reprovado: {reason.strip()}"
    TimelineEntry.objects.create(
        ticket=ticket,
        kind=EntryKind.CUSTOMER,
        author_contact=actor.contact,
        author_name=_name(actor),
        body=verdict,
        is_public=True,
    )
    old_status = ticket.get_status_display()
    _leave(ticket, actor, "approved" if approve else "rejected")
    if approve:
        target = move_target(stage, Move.FORWARD) if Move.FORWARD in allowed_moves(stage) else None
    else:
        target = stage.rejection_stage or move_target(stage, Move.BACK) or stage
    if target is None:
        ticket.status, ticket.closed_at = TicketStatus.DONE, timezone.now()
    else:
        _enter(ticket, target, actor)
    ticket.understanding_state = "approved" if approve else "rejected"
    ticket.save()
    _record(ticket, actor, stage, target, old_status, "")
    return ticket


@transaction.atomic
def customer_message(
    *, actor: PortalAccount, ticket: Ticket, body: str, attachments: Iterable[UploadedFile] = ()
) -> TimelineEntry:
    """The customer writes in the discussion (always open until the request ends)."""
    from atende.desk.files import TICKET_ATTACHMENT
    from atende.desk.models import TicketAttachment
    from atende.files.services import stored_file_create

    _check(actor, ticket)
    body, attachments = body.strip(), list(attachments)
    if not body and not attachments:
        raise DomainError("Escreva a mensagem.", code=ErrorCode.REQUIRED, field="body")
    entry = TimelineEntry.objects.create(
        ticket=ticket,
        kind=EntryKind.CUSTOMER,
        author_contact=actor.contact,
        author_name=_name(actor),
        body=body,
        is_public=True,
    )
    for uploaded in attachments:
        stored = stored_file_create(actor=None, uploaded_file=uploaded, use=TICKET_ATTACHMENT)
        TicketAttachment.objects.create(ticket=ticket, entry=entry, stored_file=stored)
    Ticket.objects.filter(pk=ticket.pk).update(updated_at=timezone.now())
    ticket_refresh_search(ticket)
    from atende.desk.notifications import customer_message_notify_task

    customer_message_notify_task.delay_on_commit(ticket.organization_id, entry.pk)
    return entry


@transaction.atomic
def ticket_delete(*, actor: Member, ticket: Ticket) -> None:
    """Delete a (cancelled, mistaken or duplicate) request: organization administrators only."""
    ensure_actor_in_active_organization(actor)
    if not actor.is_admin:
        raise PermissionDenied("Só administradores da empresa excluem solicitações.")
    if ticket.service_orders.exists():
        # A service order is a document a customer may have signed: it is cancelled, never lost.
        raise DomainError(
            "Este atendimento tem ordens de serviço: cancele-as em vez de excluir o atendimento.",
            code=DeskError.HAS_SERVICE_ORDERS,
        )
    ticket.delete()
