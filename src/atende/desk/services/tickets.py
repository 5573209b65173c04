"""Open a ticket, change its fields, reply, write internal notes (D2, D3).

Every change of status, area, assignee, priority or due date becomes one timeline entry with
who and when; replies are public (the contact is e-mailed once this commits), notes never are.
"""

from collections.abc import Iterable
from datetime import date

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from atende.accounts.permissions import require
from atende.core.errors import DomainError, ErrorCode
from atende.core.text import fold
from atende.core.validation import validate_model_fields
from atende.customers.models import Contact, Customer
from atende.desk.errors import DeskError
from atende.desk.files import TICKET_ATTACHMENT
from atende.desk.models import (
    Area,
    AreaResource,
    Channel,
    EntryKind,
    Priority,
    Ticket,
    TicketAttachment,
    TimelineEntry,
)
from atende.desk.permissions import DeskPerm
from atende.files.services import stored_file_create
from atende.tenancy.models import Member
from atende.tenancy.search import search_index_put
from atende.tenancy.sequences import next_number

CHANGEABLE = ("status", "area", "assignee", "priority", "due_on")
SEARCH_TEXT_LIMIT = 8000  # characters of timeline kept searchable per ticket


def _default_area() -> Area:
    area = Area.objects.filter(is_default=True, is_active=True).first()
    if area is None:
        area = Area.objects.filter(is_active=True).order_by("name").first()
    if area is None:
        raise DomainError(
            "Cadastre uma área de atendimento antes de abrir chamados.",
            code=DeskError.NO_AREA,
            field="area",
        )
    return area


def _check_assignee(area: Area, assignee: Member | None) -> None:
    if (
        assignee is not None
        and not AreaResource.objects.filter(area=area, member=assignee).exists()
    ):
        raise DomainError(
            f"{assignee} não atende a área {area}: escolha um recurso da área.",
            code=DeskError.ASSIGNEE_NOT_IN_AREA,
            field="assignee",
        )


def _check_contact(customer: Customer | None, contact: Contact | None) -> None:
    if contact is not None and (customer is None or contact.customer_id != customer.pk):
        raise DomainError(
            "O contato escolhido não é deste cliente.",
            code=DeskError.CONTACT_NOT_OF_CUSTOMER,
            field="contact",
        )


def ticket_search_text(ticket: Ticket) -> str:
    """Everything the search finds a ticket by, folded; the newest timeline text first."""
    parts = [str(ticket.number), ticket.title, str(ticket.area)]
    if ticket.customer_id:
        customer = ticket.customer
        parts += [customer.name, customer.trade_name, customer.document, str(customer.number)]
    if ticket.contact_id:
        parts.append(ticket.contact.name)
    parts.append(ticket.description)
    if ticket.pk:
        bodies = ticket.timeline.exclude(body="").order_by("-created_at").values_list("body")
        parts += [body for (body,) in bodies[:50]]
    return fold(" | ".join(part for part in parts if part))[:SEARCH_TEXT_LIMIT]


def ticket_refresh_search(ticket: Ticket) -> None:
    """Recompute the ticket's searchable text (after a reply, a note or a field change)."""
    text = ticket_search_text(ticket)
    Ticket.objects.filter(pk=ticket.pk).update(search_text=text)
    search_index_put("ticket", ticket.pk, text)


def _attach(
    actor: Member | None, ticket: Ticket, files: Iterable[UploadedFile], entry=None
) -> None:
    for uploaded in files:
        stored = stored_file_create(actor=actor, uploaded_file=uploaded, use=TICKET_ATTACHMENT)
        TicketAttachment.objects.create(ticket=ticket, entry=entry, stored_file=stored)


@transaction.atomic
def ticket_open(
    *,
    actor: Member,
    title: str,
    description: str = "",
    customer: Customer | None = None,
    contact: Contact | None = None,
    area: Area | None = None,
    assignee: Member | None = None,
    priority: int = Priority.NORMAL,
    due_on: date | None = None,
    channel: str = Channel.WEB,
    attachments: Iterable[UploadedFile] = (),
) -> Ticket:
    """Open a ticket with the organization's next number (the default area when none given);
    a colleague given the ticket hears of it."""
    require(actor, DeskPerm.ADD)
    area = area or _default_area()
    _check_assignee(area, assignee)
    _check_contact(customer, contact)
    ticket = Ticket(
        title=title.strip(),
        description=description.strip(),
        customer=customer,
        contact=contact,
        area=area,
        assignee=assignee,
        priority=priority,
        due_on=due_on,
        channel=channel,
        created_by=actor,
    )
    if customer is not None:
        require(actor, DeskPerm.ADD, ticket)  # a customer outside the member's rules
    ticket_insert(ticket, attachments=attachments, uploaded_by=actor)
    if assignee is not None and assignee.pk != actor.pk:
        from atende.desk.notifications import ticket_opened_notify_task

        ticket_opened_notify_task.delay_on_commit(ticket.organization_id, ticket.pk)
    return ticket


def ticket_insert(
    ticket: Ticket, *, attachments: Iterable[UploadedFile] = (), uploaded_by: Member | None
) -> Ticket:
    """Number, validate and save a new ticket with its attachments (callers check who may)."""
    if not ticket.title:
        raise DomainError("Informe o título.", code=ErrorCode.REQUIRED, field="title")
    validate_model_fields(ticket)
    ticket.number = next_number("ticket")
    ticket.search_text = ticket_search_text(ticket)
    ticket.save()
    search_index_put("ticket", ticket.pk, ticket.search_text)
    _attach(uploaded_by, ticket, attachments)
    return ticket


def _label(ticket: Ticket, name: str) -> str:
    value = getattr(ticket, name)
    if value is None or value == "":
        return "—"
    if name == "due_on":
        return value.strftime("%d/%m/%Y")
    display = getattr(ticket, f"get_{name}_display", None)
    return str(display()) if display else str(value)


@transaction.atomic
def ticket_change(*, actor: Member, ticket: Ticket, **changes) -> TimelineEntry | None:
    """Change status, area, assignee, priority and/or due date; one timeline entry lists every
    change (old → new). Moving to an area the assignee does not serve leaves it unassigned."""
    require(actor, DeskPerm.CHANGE, ticket)
    unknown = set(changes) - set(CHANGEABLE)
    if unknown:
        raise DomainError(f"Campo que não se altera aqui: {', '.join(sorted(unknown))}.")
    area = changes.get("area", ticket.area)
    if area is None:
        raise DomainError("Escolha a área.", code=ErrorCode.REQUIRED, field="area")
    keeps_assignee = "area" in changes and "assignee" not in changes and ticket.assignee_id
    if (
        keeps_assignee
        and not AreaResource.objects.filter(area=area, member_id=ticket.assignee_id).exists()
    ):
        changes["assignee"] = None
    _check_assignee(area, changes.get("assignee", ticket.assignee))
    if ticket.request_type_id and changes.get("status", ticket.status) != ticket.status:
        raise DomainError(
            f"A situação da solicitação {ticket.number} segue as etapas do seu tipo: "
            "use as ações da etapa.",
            code=DeskError.STATUS_FOLLOWS_FLOW,
            field="status",
        )
    recorded = []
    for name in CHANGEABLE:
        if name not in changes or getattr(ticket, name) == changes[name]:
            continue
        old = _label(ticket, name)
        setattr(ticket, name, changes[name])
        label = str(Ticket._meta.get_field(name).verbose_name).capitalize()
        recorded.append({"field": name, "label": label, "old": old, "new": _label(ticket, name)})
    if not recorded:
        return None
    validate_model_fields(ticket)
    if "status" in changes:
        ticket.closed_at = timezone.now() if ticket.is_closed else None
    ticket.save()
    entry = TimelineEntry.objects.create(
        ticket=ticket,
        kind=EntryKind.CHANGE,
        author=actor,
        author_name=str(actor),
        changes=recorded,
        is_public=False,
    )
    if any(change["field"] == "area" for change in recorded):
        ticket_refresh_search(ticket)
    return entry


def _write(
    actor: Member,
    ticket: Ticket,
    *,
    kind: str,
    body: str,
    attachments: Iterable[UploadedFile],
    changes: dict,
) -> TimelineEntry:
    require(actor, DeskPerm.CHANGE, ticket)
    body = body.strip()
    attachments = list(attachments)
    if not body and not attachments:
        raise DomainError("Escreva o texto.", code=ErrorCode.REQUIRED, field="body")
    entry = TimelineEntry(
        ticket=ticket,
        kind=kind,
        author=actor,
        author_name=str(actor),
        body=body,
        is_public=kind == EntryKind.REPLY,
    )
    validate_model_fields(entry)
    entry.save()
    _attach(actor, ticket, attachments, entry)
    if changes:
        ticket_change(actor=actor, ticket=ticket, **changes)
    else:
        Ticket.objects.filter(pk=ticket.pk).update(updated_at=timezone.now())
    ticket_refresh_search(ticket)
    return entry


@transaction.atomic
def ticket_reply(
    *,
    actor: Member,
    ticket: Ticket,
    body: str,
    attachments: Iterable[UploadedFile] = (),
    changes: dict | None = None,
) -> TimelineEntry:
    """A public reply: shown to the customer and e-mailed to the ticket's contact."""
    from atende.desk.tasks import ticket_reply_email_task

    entry = _write(
        actor,
        ticket,
        kind=EntryKind.REPLY,
        body=body,
        attachments=attachments,
        changes=changes or {},
    )
    ticket_reply_email_task.delay_on_commit(ticket.organization_id, entry.pk)
    return entry


@transaction.atomic
def ticket_note(
    *,
    actor: Member,
    ticket: Ticket,
    body: str,
    attachments: Iterable[UploadedFile] = (),
    changes: dict | None = None,
) -> TimelineEntry:
    """An internal note: staff only, never e-mailed, never in the portal or customer API."""
    return _write(
        actor,
        ticket,
        kind=EntryKind.NOTE,
        body=body,
        attachments=attachments,
        changes=changes or {},
    )


@transaction.atomic
def tickets_bulk_change(*, actor: Member, tickets: list[Ticket], **changes) -> int:
    """Change the same fields on several tickets at once (all or none); returns how many moved."""
    changed = 0
    for ticket in tickets:
        if ticket_change(actor=actor, ticket=ticket, **changes) is not None:
            changed += 1
    return changed
