"""Background work of the desk: e-mail to the customer after a public reply (ids only)."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string

from atende.desk.models import TimelineEntry
from atende.tenancy.tasks import organization_task


def ticket_subject(ticket) -> str:
    """`[#1042] Internet lenta`: the number lets a reply find its ticket again."""
    return f"[#{ticket.number}] {ticket.title}"


@organization_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def ticket_reply_email_task(organization_id: int, entry_id: int) -> str:
    """E-mail a public reply to the ticket's contact (or customer); notes never leave."""
    entry = TimelineEntry.objects.select_related(
        "ticket__contact", "ticket__customer", "ticket__organization"
    ).get(pk=entry_id)
    ticket = entry.ticket
    if not entry.is_public:
        return "internal"
    recipient = (ticket.contact.email if ticket.contact_id else "") or (
        ticket.customer.email if ticket.customer_id else ""
    )
    if not recipient:
        return "no recipient"
    context = {"entry": entry, "ticket": ticket, "organization": ticket.organization}
    message = EmailMessage(
        subject=ticket_subject(ticket),
        body=render_to_string("desk/email/reply.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[recipient],
    )
    message.send()
    return recipient
