"""Received e-mail (D7): one message opens a ticket or answers one; machines never do.

Both entrances, the MTA pipe (`manage.py desk_mail_in`) and the IMAP poller, end in
`mail_receive`. The organization comes from the recipient address only (the desk address
`suporte+<organization>[.<area alias>]@domain`, or the IMAP mailbox's configuration); every
lookup after that (thread, ticket number, sender) runs inside that organization.
"""

import hashlib
import logging
from dataclasses import dataclass
from email import message_from_bytes, policy
from email.message import EmailMessage

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from atende.core.errors import DomainError
from atende.customers.models import Contact, Customer
from atende.desk.files import TICKET_ATTACHMENT
from atende.desk.mail_text import (
    MESSAGE_ID,
    attached_messages_text,
    header_text,
    is_automatic,
    is_bounce,
    message_text,
    one_line,
    recipients_of,
    referenced_ids,
    sender_of,
    ticket_number_in,
    trim_reply,
)
from atende.desk.models import (
    CLOSED_STATUSES,
    Area,
    Channel,
    EntryKind,
    MailDirection,
    MailMessage,
    Ticket,
    TicketAttachment,
    TicketStatus,
    TimelineEntry,
)
from atende.desk.services.tickets import _default_area, ticket_insert, ticket_refresh_search
from atende.files.services import stored_file_create
from atende.tenancy.context import activate
from atende.tenancy.models import Organization

logger = logging.getLogger(__name__)

MAX_ATTACHMENTS = 20
NO_SUBJECT = "(sem assunto)"


@dataclass(frozen=True)
class MailRoute:
    """Where a received message goes: an organization and, maybe, one of its areas' alias."""

    organization: Organization
    area_alias: str = ""


@dataclass(frozen=True)
class MailOutcome:
    """What became of a message: opened, replied, duplicate, automatic, bounce, no_route."""

    result: str
    ticket_number: int | None = None


def desk_address_parts() -> tuple[str, str] | None:
    """(local part, domain) of settings.DESK_MAIL_ADDRESS, or None when not configured."""
    address = (settings.DESK_MAIL_ADDRESS or "").strip().lower()
    if "@" not in address:
        return None
    local, domain = address.rsplit("@", 1)
    return local, domain


def route_for_address(address: str) -> MailRoute | None:
    """`suporte+empresa.financeiro@domain` → (organization "empresa", alias "financeiro")."""
    parts = desk_address_parts()
    if parts is None or "@" not in address:
        return None
    local, domain = address.strip().lower().rsplit("@", 1)
    base, _plus, tag = local.partition("+")
    if (base, domain) != parts or not tag:
        return None
    slug, _dot, alias = tag.partition(".")
    organization = Organization.objects.filter(slug=slug, is_active=True).first()
    return MailRoute(organization, alias) if organization else None


def route_for_message(message: EmailMessage, recipient: str | None) -> MailRoute | None:
    """The route of the envelope recipient given by the MTA, else of the first delivery
    header naming the desk address."""
    candidates = [recipient] if recipient else recipients_of(message)
    for address in candidates:
        route = route_for_address(address)
        if route is not None:
            return route
    return None


def mail_receive(
    *, raw: bytes, recipient: str | None = None, route: MailRoute | None = None
) -> MailOutcome:
    """File one RFC 822 message: open a ticket or add the reply to its ticket."""
    message = message_from_bytes(raw, policy=policy.default)
    assert isinstance(message, EmailMessage)  # policy.default builds EmailMessage
    if is_bounce(message):
        return MailOutcome("bounce")
    if is_automatic(message):
        return MailOutcome("automatic")
    route = route or route_for_message(message, recipient)
    if route is None:
        return MailOutcome("no_route")
    with activate(route.organization):
        return _file(message, raw, route)


def _message_id(message: EmailMessage, raw: bytes) -> str:
    found = MESSAGE_ID.findall(str(message.get("Message-ID", "")))
    if found:
        return found[0]
    # Without one, the content itself: the same message delivered twice is still one.
    return f"<{hashlib.sha256(raw).hexdigest()}@sem-message-id>"


def _file(message: EmailMessage, raw: bytes, route: MailRoute) -> MailOutcome:
    message_id = _message_id(message, raw)
    if MailMessage.objects.filter(message_id=message_id).exists():
        return MailOutcome("duplicate")
    name, address = sender_of(message)
    subject = one_line(header_text(message, "Subject"), 255)
    original = message_text(message)
    shown = trim_reply(original)
    attached = attached_messages_text(message)
    if attached:
        original, shown = f"{original}\n\n{attached}", f"{shown}\n\n{attached}".strip()
    try:
        with transaction.atomic():
            ticket = _thread_ticket(message, subject, address)
            if ticket is None:
                ticket = _open(route, subject, shown, address)
                entry = None
                result = "opened"
            else:
                entry = _reply(ticket, shown, name, address)
                result = "replied"
            mail = MailMessage.objects.create(
                ticket=ticket,
                direction=MailDirection.IN,
                message_id=message_id,
                sender=one_line(f"{name} <{address}>" if name else address, 254),
                subject=subject,
                original_text=original,
            )
            if entry is not None:
                entry.mail = mail
                entry.save(update_fields=["mail"])
            _attach_files(message, ticket, entry)
            ticket_refresh_search(ticket)
            _notify(ticket, entry)
    except IntegrityError:
        if MailMessage.objects.filter(message_id=message_id).exists():
            return MailOutcome("duplicate")  # the same message, delivered twice at once
        raise
    return MailOutcome(result, ticket.number)


def _thread_ticket(message: EmailMessage, subject: str, sender: str) -> Ticket | None:
    """The ticket this message answers: by the Message-IDs it cites, else by "[#n]" in the
    subject when the sender is that ticket's contact or customer (a number is easy to guess;
    a Message-ID of ours is not)."""
    ids = referenced_ids(message)
    if ids:
        known = (
            MailMessage.objects.filter(message_id__in=ids)
            .select_related("ticket")
            .order_by("-pk")
            .first()
        )
        if known is not None:
            return known.ticket
    number = ticket_number_in(subject)
    if number is None or not sender:
        return None
    ticket = Ticket.objects.filter(number=number).select_related("contact", "customer").first()
    if ticket is None or ticket.customer_id is None:
        return None
    contact_emails = Contact.objects.filter(customer_id=ticket.customer_id).values_list(
        "email", flat=True
    )
    known_senders = {email.lower() for email in contact_emails if email}
    known_senders.add((ticket.customer.email or "").lower())
    return ticket if sender in known_senders else None


def _sender_records(address: str) -> tuple[Customer | None, Contact | None]:
    """The contact (and its customer) with this e-mail, else a customer with it; the oldest
    when several share it."""
    if not address:
        return None, None
    contact = (
        Contact.objects.filter(email__iexact=address)
        .select_related("customer")
        .order_by("pk")
        .first()
    )
    if contact is not None:
        return contact.customer, contact
    customer = Customer.objects.filter(email__iexact=address).order_by("pk").first()
    return customer, None


def _area(route: MailRoute) -> Area:
    if route.area_alias:
        area = Area.objects.filter(mail_alias=route.area_alias, is_active=True).first()
        if area is not None:
            return area
    return _default_area()


def _open(route: MailRoute, subject: str, text: str, sender: str) -> Ticket:
    customer, contact = _sender_records(sender)
    title = one_line(subject, 200) or NO_SUBJECT
    ticket = Ticket(
        title=title,
        description=text,
        customer=customer,
        contact=contact,
        area=_area(route),
        channel=Channel.EMAIL,
        created_by=None,
    )
    return ticket_insert(ticket, uploaded_by=None)


def _reply(ticket: Ticket, text: str, name: str, address: str) -> TimelineEntry:
    contact = None
    if ticket.customer_id and address:
        contact = (
            Contact.objects.filter(customer_id=ticket.customer_id, email__iexact=address)
            .order_by("pk")
            .first()
        )
    entry = TimelineEntry.objects.create(
        ticket=ticket,
        kind=EntryKind.CUSTOMER,
        author_contact=contact,
        author_name=(contact.name if contact else name or address)[:150],
        body=text,
        is_public=True,
    )
    updates: dict = {"updated_at": timezone.now()}
    if ticket.status in CLOSED_STATUSES and ticket.request_type_id is None:
        # The customer wrote again about a closed ticket: it needs the staff once more.
        TimelineEntry.objects.create(
            ticket=ticket,
            kind=EntryKind.CHANGE,
            author_name=entry.author_name,
            changes=[
                {
                    "field": "status",
                    "label": str(Ticket._meta.get_field("status").verbose_name).capitalize(),
                    "old": ticket.get_status_display(),
                    "new": str(TicketStatus.PENDING.label),
                }
            ],
        )
        updates |= {"status": TicketStatus.PENDING, "closed_at": None}
    Ticket.objects.filter(pk=ticket.pk).update(**updates)
    return entry


def _attach_files(message: EmailMessage, ticket: Ticket, entry: TimelineEntry | None) -> None:
    """Keep each attachment the ticket-attachment policy accepts; note the others (internal)."""
    refused: list[str] = []
    for index, part in enumerate(message.iter_attachments()):
        filename = one_line(part.get_filename() or "", 200)
        if not filename and part.get_content_type() == "message/rfc822":
            filename = "mensagem.eml"
        if not filename:
            continue  # an inline part without a name (a signature logo, a calendar stub)
        if index >= MAX_ATTACHMENTS:
            refused.append(f"{filename}: mais de {MAX_ATTACHMENTS} anexos na mensagem.")
            continue
        content = part.get_payload(decode=True)
        if not isinstance(content, bytes):
            # An attached message (message/rfc822, "forward as attachment"): its text went
            # into the message's; the file itself is no kind the desk keeps.
            refused.append(f"{filename}: mensagem anexada; o texto dela está na mensagem.")
            continue
        upload = SimpleUploadedFile(filename, content, part.get_content_type())
        try:
            with transaction.atomic():
                stored = stored_file_create(actor=None, uploaded_file=upload, use=TICKET_ATTACHMENT)
        except DomainError as error:
            refused.append(f"{filename}: {error.message}")
            continue
        TicketAttachment.objects.create(ticket=ticket, entry=entry, stored_file=stored)
    if refused:
        TimelineEntry.objects.create(
            ticket=ticket,
            kind=EntryKind.NOTE,
            author_name="E-mail",
            body="Anexos recusados do e-mail:\n\n" + "\n".join(f"- {line}" for line in refused),
            is_public=False,
        )


def _notify(ticket: Ticket, entry: TimelineEntry | None) -> None:
    from atende.desk.notifications import customer_message_notify_task, ticket_opened_notify_task

    if entry is None:
        ticket_opened_notify_task.delay_on_commit(ticket.organization_id, ticket.pk)
    else:
        customer_message_notify_task.delay_on_commit(ticket.organization_id, entry.pk)
