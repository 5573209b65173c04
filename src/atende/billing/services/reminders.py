"""Boleto e-mails (B6, C3 flags): the boleto N days before its due date and a notice once it is
overdue, each at most once per invoice.

`reminders_queue` records a ReminderSent row (unique per invoice and kind) and queues the
e-mail in the same transaction, on commit, so a job that runs twice, or two workers at once,
queue each reminder once; the worker then calls `boleto_email_send`, which the batch issue
can call as well. The e-mail goes to the customer's "Financeiro" contact when it has one with
an e-mail, else to the customer's own e-mail; without either nothing is recorded.
"""

import io
import logging
from datetime import date, timedelta
from email.utils import formataddr, parseaddr

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.template.loader import render_to_string

from atende.billing.models import (
    OPEN_STATUSES,
    Boleto,
    BoletoStatus,
    ReminderKind,
    ReminderSent,
)
from atende.billing.rules.calendar import next_business_day
from atende.billing.rules.charges import amount_due
from atende.billing.services.boletos import write_boletos_pdf
from atende.billing.services.subscriptions import billing_settings
from atende.customers.models import Contact, Customer

logger = logging.getLogger(__name__)

FINANCE_CONTACT = "financeiro"
# The e-mail the batch issue (or a user) sends with a new boleto, besides the reminders.
ISSUED = "issued"


def boleto_recipient(customer: Customer) -> str:
    """The "Financeiro" contact's e-mail (by contact type or role), else the customer's."""
    contact = (
        Contact.objects.filter(customer=customer)
        .filter(Q(contact_type__name__iexact=FINANCE_CONTACT) | Q(role__iexact=FINANCE_CONTACT))
        .exclude(email="")
        .order_by("pk")
        .values_list("email", flat=True)
        .first()
    )
    return contact or customer.email


def boleto_email_send(*, boleto: Boleto, kind: str, today: date | None = None) -> str:
    """E-mail the boleto's PDF with its linha digitável to the customer; `kind` is a
    ReminderKind or ISSUED. Returns the recipient ("" when the customer has no e-mail)."""
    invoice = boleto.invoice
    customer = invoice.customer
    organization = boleto.organization
    recipient = boleto_recipient(customer)
    if not recipient:
        return ""
    pdf = io.BytesIO()
    write_boletos_pdf([boleto], pdf)
    due_today = None
    if kind == ReminderKind.OVERDUE and today is not None:
        due_today = amount_due(
            amount=boleto.amount,
            due_date=boleto.due_date,
            paid_on=today,
            fine_percent=invoice.fine_percent,
            monthly_interest_percent=invoice.monthly_interest_percent,
        ).total
    context = {
        "kind": kind,
        "boleto": boleto,
        "invoice": invoice,
        "customer": customer,
        "organization": organization,
        "due_today": due_today,
        "today": today,
    }
    if kind == ReminderKind.OVERDUE:
        subject = f"Aviso de atraso: título {invoice.number} venceu em {boleto.due_date:%d/%m/%Y}"
    else:
        subject = f"Seu boleto de {organization.name} vence em {boleto.due_date:%d/%m/%Y}"
    _name, address = parseaddr(str(settings.DEFAULT_FROM_EMAIL))
    message = EmailMessage(
        subject=subject.replace("\n", " ")[:250],
        body=render_to_string("billing/plans_email_boleto.txt", context),
        from_email=formataddr((organization.name, address)),
        to=[recipient],
    )
    message.attach(f"boleto-{boleto.number}.pdf", pdf.getvalue(), "application/pdf")
    message.send()
    return recipient


def _live_boletos(*, flag: str, due_from: date, due_to: date) -> QuerySet[Boleto]:
    return (
        Boleto.objects.filter(
            status=BoletoStatus.ISSUED,
            invoice__status__in=OPEN_STATUSES,
            due_date__gte=due_from,
            due_date__lte=due_to,
            **{f"invoice__customer__{flag}": True},
        )
        .select_related("invoice__customer")
        .order_by("pk")
    )


def reminders_due(*, today: date) -> list[tuple[ReminderKind, Boleto]]:
    """The (kind, boleto) pairs whose reminder is due today and was never recorded."""
    options = billing_settings()
    found: list[tuple[ReminderKind, Boleto]] = []
    # Before the due date: from `remind_days_before` days ahead until the due date itself.
    ahead = _live_boletos(
        flag="email_boleto_before_due",
        due_from=today,
        due_to=today + timedelta(days=options.remind_days_before),
    ).exclude(invoice__reminders__kind=ReminderKind.BEFORE_DUE)
    found += [(ReminderKind.BEFORE_DUE, boleto) for boleto in ahead]
    # Overdue: `overdue_notice_days` after the last day it could be paid without charges
    # (the next business day after the due date). Looking back 90 days bounds the scan.
    late = _live_boletos(
        flag="email_overdue_notice",
        due_from=today - timedelta(days=90 + options.overdue_notice_days),
        due_to=today - timedelta(days=options.overdue_notice_days),
    ).exclude(invoice__reminders__kind=ReminderKind.OVERDUE)
    found += [
        (ReminderKind.OVERDUE, boleto)
        for boleto in late
        if next_business_day(boleto.due_date) + timedelta(days=options.overdue_notice_days) <= today
    ]
    return found


def reminders_queue(*, today: date) -> int:
    """Record and queue every reminder due today (each invoice and kind once)."""
    from atende.billing.tasks_plans import boleto_reminder_email_task

    queued = 0
    for kind, boleto in reminders_due(today=today):
        recipient = boleto_recipient(boleto.invoice.customer)
        if not recipient:
            continue
        try:
            with transaction.atomic():
                reminder = ReminderSent.objects.create(
                    invoice_id=boleto.invoice_id, kind=kind, sent_to=recipient[:254]
                )
                boleto_reminder_email_task.delay_on_commit(
                    boleto.organization_id, reminder.pk, boleto.pk, today.isoformat()
                )
        except IntegrityError:  # another run recorded it first
            continue
        queued += 1
    return queued
