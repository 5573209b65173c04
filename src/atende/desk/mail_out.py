"""Sent e-mail of the desk (D7): the headers that make a ticket's messages one thread in the
customer's mail client, and the Reply-To that brings the answer back to the ticket."""

from email.utils import formataddr

from django.conf import settings
from django.core.mail import make_msgid

from atende.desk.models import MailMessage, Ticket

MAX_REFERENCES = 20


def mail_domain() -> str:
    address = settings.DESK_MAIL_ADDRESS or settings.DEFAULT_FROM_EMAIL
    return address.rsplit("@", 1)[-1].strip("> ").lower() or "atende.local"


def new_message_id() -> str:
    return make_msgid(domain=mail_domain())


def ticket_subject(ticket: Ticket) -> str:
    """`[#1042] Internet lenta`: the number lets a reply find its ticket again."""
    return f"[#{ticket.number}] {ticket.title}"


def reply_address(ticket: Ticket) -> str:
    """`suporte+<organization>[.<area alias>]@domain`, or "" when no desk address is set."""
    address = (settings.DESK_MAIL_ADDRESS or "").strip().lower()
    if "@" not in address:
        return ""
    local, domain = address.rsplit("@", 1)
    tag = ticket.organization.slug
    if ticket.area.mail_alias:
        tag = f"{tag}.{ticket.area.mail_alias}"
    return f"{local}+{tag}@{domain}"


def sender_address(ticket: Ticket) -> str:
    """The organization's name over the platform's sending address."""
    from email.utils import parseaddr

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
