"""Sent e-mail of the desk (D7): the headers that make a ticket's messages one thread in the
customer's mail client, and the Reply-To that brings the answer back to the ticket."""

from email.utils import formataddr, parseaddr

from django.conf import settings
from django.core.mail import make_msgid

from atende.desk.mail_text import one_line
from atende.desk.models import Area, MailMessage, Ticket
from atende.tenancy.models import Organization

MAX_REFERENCES = 20


def mail_domain() -> str:
    address = settings.DESK_MAIL_ADDRESS or settings.DEFAULT_FROM_EMAIL
    return address.rsplit("@", 1)[-1].strip("> ").lower() or "atende.local"


def new_message_id() -> str:
    return make_msgid(domain=mail_domain())


def ticket_subject(ticket: Ticket) -> str:
    """`[#1042] Internet lenta`: the number lets a reply find its ticket again."""
    return one_line(f"[#{ticket.number}] {ticket.title}", 250)  # never a header break


def area_address(organization: Organization, area: Area | None) -> str:
    """`suporte+<organization>[.<area alias>]@domain`, or "" when no desk address is set."""
    address = (settings.DESK_MAIL_ADDRESS or "").strip().lower()
    if "@" not in address:
        return ""
    local, domain = address.rsplit("@", 1)
    tag = organization.slug
    if area is not None and area.mail_alias:
        tag = f"{tag}.{area.mail_alias}"
    return f"{local}+{tag}@{domain}"


def area_inbound_address(organization: Organization, area: Area | None) -> str:
    """The address that opens tickets in this area: its alias's, or the organization's for the
    default area; "" for another area without alias (or without a desk address)."""
    if area is None or not (area.mail_alias or area.is_default):
        return ""
    return area_address(organization, area)


def reply_address(ticket: Ticket) -> str:
    """Where the customer's answer goes: the ticket's area address (it threads by headers)."""
    return area_address(ticket.organization, ticket.area)


def sender_address(ticket: Ticket) -> str:
    """The organization's name over the platform's sending address."""
    _name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    return formataddr((ticket.organization.name, address))


def thread_headers(ticket: Ticket, *, message_id: str) -> dict[str, str]:
    """Message-ID, and In-Reply-To/References to the thread so far (first message and the
    latest ones), so every mail of the ticket lands in one conversation."""
    known = list(
        MailMessage.objects.filter(ticket=ticket)
        .exclude(message_id=message_id)
        .order_by("pk")
        .values_list("message_id", flat=True)
    )
    headers = {"Message-ID": message_id}
    if known:
        chain = known if len(known) <= MAX_REFERENCES else [known[0], *known[-MAX_REFERENCES + 1 :]]
        headers["In-Reply-To"] = known[-1]
        headers["References"] = " ".join(chain)
    return headers
