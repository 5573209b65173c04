"""Tell the staff what customers do in the portal: a new request, a message (ids only, sent
after the transaction commits)."""

from django.conf import settings
from django.core.mail import send_mail

from atende.desk.models import Ticket, TimelineEntry
from atende.tenancy.tasks import organization_task


def _staff_recipients(ticket: Ticket) -> list[str]:
    """The responsible person, or the area's e-mail when nobody has the ticket yet."""
    if ticket.assignee_id and ticket.assignee.user.email:
        return [ticket.assignee.user.email]
    return [ticket.area.email] if ticket.area.email else []


def _link(ticket: Ticket) -> str:
    return f"{settings.SITE_URL}/{ticket.organization.slug}/atendimentos/{ticket.number}/"


@organization_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def request_opened_notify_task(organization_id: int, ticket_id: int) -> list[str]:
    ticket = Ticket.objects.select_related(
        "area", "assignee__user", "organization", "customer"
    ).get(pk=ticket_id)
    recipients = _staff_recipients(ticket)
    if recipients:
        send_mail(
            subject=f"[#{ticket.number}] Nova solicitação pelo portal: {ticket.title}",
            message=f"{ticket.customer} abriu a solicitação {ticket.number}.\n\n{_link(ticket)}",
            from_email=None,
            recipient_list=recipients,
        )
    return recipients


@organization_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def customer_message_notify_task(organization_id: int, entry_id: int) -> list[str]:
    entry = TimelineEntry.objects.select_related(
        "ticket__area", "ticket__assignee__user", "ticket__organization"
    ).get(pk=entry_id)
    ticket = entry.ticket
    recipients = _staff_recipients(ticket)
    if recipients:
        send_mail(
            subject=f"[#{ticket.number}] Mensagem do cliente: {ticket.title}",
            message=f"{entry.author_name} escreveu:\n\n{entry.body}\n\n{_link(ticket)}",
            from_email=None,
            recipient_list=recipients,
        )
    return recipients
