"""Tell the staff what customers do (a new ticket by e-mail or the portal, a message) and
which due dates are near: to the assignee, with a copy to the area's responsible e-mail (to
the area alone while nobody has the ticket). Ids only, sent after the transaction commits;
marked Auto-Submitted so no auto-responder answers them and the desk never files them."""

from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import F, Q
from django.utils.translation import gettext as _

from atende.desk.mail_out import new_message_id, thread_headers
from atende.desk.mail_text import one_line
from atende.desk.models import Ticket, TimelineEntry
from atende.desk.sla import organization_today
from atende.tenancy.models import Organization
from atende.tenancy.tasks import organization_task

ONE_DAY = timedelta(days=1)

STAFF_RELATED = ("area", "assignee__user", "organization", "customer")


def staff_recipients(ticket: Ticket) -> tuple[list[str], list[str]]:
    """(to, cc): the assignee and the area's responsible e-mail, each once."""
    assignee = ticket.assignee.user.email if ticket.assignee_id else ""
    area = ticket.area.email
    if assignee:
        return [assignee], [area] if area and area.lower() != assignee.lower() else []
    return ([area] if area else []), []


def _link(ticket: Ticket) -> str:
    return f"{settings.SITE_URL}/{ticket.organization.slug}/atendimentos/{ticket.number}/"


def _send_to_staff(ticket: Ticket, subject: str, body: str) -> list[str]:
    to, cc = staff_recipients(ticket)
    if not to:
        return []
    headers = thread_headers(ticket, message_id=new_message_id())
    headers["Auto-Submitted"] = "auto-generated"
    EmailMessage(
        subject=one_line(subject, 250),
        body=f"{body}\n\n{_link(ticket)}",
        to=to,
        cc=cc,
        headers=headers,
    ).send()
    return to + cc


@organization_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def ticket_opened_notify_task(organization_id: int, ticket_id: int) -> list[str]:
    """A ticket was opened: by a customer (portal, e-mail) or for a colleague."""
    ticket = Ticket.objects.select_related(*STAFF_RELATED, "created_by__user").get(pk=ticket_id)
    if ticket.created_by_id:
        who = str(ticket.created_by)
    else:
        who = str(ticket.customer) if ticket.customer_id else _("An unknown sender")
    subject = _("[#%(number)s] New ticket (%(channel)s): %(title)s") % {
        "number": ticket.number,
        "channel": ticket.get_channel_display(),
        "title": ticket.title,
    }
    body = _("%(who)s opened ticket %(number)s.") % {"who": who, "number": ticket.number}
    return _send_to_staff(ticket, subject, f"{body}\n\n{ticket.description}")


@organization_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def customer_message_notify_task(organization_id: int, entry_id: int) -> list[str]:
    """The customer wrote on a ticket (portal or e-mail reply)."""
    entry = TimelineEntry.objects.select_related(
        *(f"ticket__{name}" for name in STAFF_RELATED)
    ).get(pk=entry_id)
    ticket = entry.ticket
    subject = _("[#%(number)s] Message from the customer: %(title)s") % {
        "number": ticket.number,
        "title": ticket.title,
    }
    body = _("%(who)s wrote:") % {"who": entry.author_name}
    return _send_to_staff(ticket, subject, f"{body}\n\n{entry.body}")


@organization_task
def tickets_due_soon_notify_task(organization_id: int) -> list[int]:
    """Open tickets due today or tomorrow (the organization's dates): tell the staff once per
    due date; a new due date is told again. Safe to run twice."""
    today = organization_today(Organization.objects.get(pk=organization_id))
    candidates = (
        Ticket.objects.filter(is_open=True, due_key__gte=today, due_key__lte=today + ONE_DAY)
        .filter(Q(due_notified_on__isnull=True) | ~Q(due_notified_on=F("due_on")))
        .order_by("due_on", "pk")
        .values_list("pk", flat=True)
    )
    told = []
    for ticket_id in list(candidates[:500]):
        with transaction.atomic():
            ticket = (
                Ticket.objects.select_for_update(of=("self",))
                .select_related(*STAFF_RELATED)
                .get(pk=ticket_id)
            )
            if ticket.due_notified_on == ticket.due_on or not ticket.is_open:
                continue  # told by a run that got here first
            when = _("today") if ticket.due_on == today else _("tomorrow")
            subject = _("[#%(number)s] Due %(when)s: %(title)s") % {
                "number": ticket.number,
                "when": when,
                "title": ticket.title,
            }
            body = _("Ticket %(number)s is due %(when)s (%(date)s).") % {
                "number": ticket.number,
                "when": when,
                "date": ticket.due_on.strftime("%d/%m/%Y"),
            }
            # Marked and sent in one transaction: a failed send leaves it to the next run.
            Ticket.objects.filter(pk=ticket.pk).update(due_notified_on=ticket.due_on)
            if _send_to_staff(ticket, subject, body):
                told.append(ticket.number)
    return told
