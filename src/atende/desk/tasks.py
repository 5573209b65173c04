"""Background work of the desk (ids only): e-mail a public reply to the customer, poll the
IMAP mailboxes, look for due dates that are near."""

import logging
from email.utils import parseaddr

from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from atende.core.tasks import django_task
from atende.desk.mail_out import (
    new_message_id,
    reply_address,
    sender_address,
    thread_headers,
    ticket_subject,
)
from atende.desk.models import EntryKind, MailDirection, MailMessage, TimelineEntry
from atende.tenancy.models import Organization
from atende.tenancy.tasks import organization_task

logger = logging.getLogger(__name__)


def _recipient(entry: TimelineEntry) -> str:
    """The contact's e-mail, else the customer's, else whoever last wrote in by e-mail (an
    unknown sender's ticket is answered too)."""
    ticket = entry.ticket
    known = (ticket.contact.email if ticket.contact_id else "") or (
        ticket.customer.email if ticket.customer_id else ""
    )
    if known:
        return known
    last_sender = (
        MailMessage.objects.filter(ticket=ticket, direction=MailDirection.IN)
        .order_by("-pk")
        .values_list("sender", flat=True)
        .first()
    )
    return parseaddr(last_sender or "")[1]


def _outgoing_record(entry_id: int) -> MailMessage | None:
    """The reply's MailMessage, created once (its Message-ID survives a retry); None when it
    was already sent."""
    with transaction.atomic():
        entry = TimelineEntry.objects.select_for_update().get(pk=entry_id)
        if entry.mail_id is not None:
            mail = MailMessage.objects.get(pk=entry.mail_id)
            return None if mail.sent_at else mail
        mail = MailMessage.objects.create(
            ticket_id=entry.ticket_id, direction=MailDirection.OUT, message_id=new_message_id()
        )
        entry.mail = mail
        entry.save(update_fields=["mail"])
        return mail


@organization_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def ticket_reply_email_task(organization_id: int, entry_id: int) -> str:
    """E-mail a public reply to the ticket's contact (or customer), threaded with the ticket's
    earlier messages; notes never leave. Safe to run twice: sent once."""
    entry = TimelineEntry.objects.select_related(
        "ticket__contact", "ticket__customer", "ticket__organization", "ticket__area"
    ).get(pk=entry_id)
    ticket = entry.ticket
    if not entry.is_public or entry.kind != EntryKind.REPLY:
        return "internal"
    recipient = _recipient(entry)
    if not recipient:
        return "no recipient"
    mail = _outgoing_record(entry_id)
    if mail is None:
        return "already sent"
    reply_to = reply_address(ticket)
    context = {
        "entry": entry,
        "ticket": ticket,
        "organization": ticket.organization,
        "answerable": bool(reply_to),
    }
    message = EmailMessage(
        subject=ticket_subject(ticket),
        body=render_to_string("desk/email/reply.txt", context),
        from_email=sender_address(ticket),
        to=[recipient],
        reply_to=[reply_to] if reply_to else None,
        headers=thread_headers(ticket, message_id=mail.message_id),
    )
    for attachment in entry.attachments.select_related("stored_file"):
        stored = attachment.stored_file
        with stored.file.open("rb") as handle:
            message.attach(stored.original_name, handle.read(), stored.content_type)
    message.send()
    MailMessage.objects.filter(pk=mail.pk).update(
        sent_at=timezone.now(), sender=message.from_email[:254], subject=message.subject[:255]
    )
    return recipient


@django_task()
def desk_mail_poll_task() -> dict[str, int]:
    """Beat: read every configured IMAP mailbox once (settings.DESK_IMAP_ACCOUNTS)."""
    from atende.desk.mailbox import mailboxes_poll

    return mailboxes_poll()


@django_task()
def tickets_due_soon_notify_all_task() -> int:
    """Beat: queue the due-date notice of each active organization."""
    from atende.desk.notifications import tickets_due_soon_notify_task

    ids = list(Organization.objects.filter(is_active=True).values_list("pk", flat=True))
    for organization_id in ids:
        tickets_due_soon_notify_task.delay(organization_id)
    return len(ids)
