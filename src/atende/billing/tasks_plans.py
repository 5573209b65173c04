"""Background work of plans and subscriptions (ids only): the daily charge, suspension and
reminder runs of each organization, and one reminder e-mail."""

import logging
from datetime import date

from atende.billing.models import Boleto, BoletoStatus, ReminderSent
from atende.billing.services.reminders import boleto_email_send, reminders_queue
from atende.billing.services.subscriptions import (
    organization_today,
    subscriptions_charge_due,
    subscriptions_reactivate_settled,
    subscriptions_suspend_overdue,
)
from atende.core.errors import DomainError
from atende.core.tasks import django_task
from atende.tenancy.models import Organization
from atende.tenancy.tasks import organization_task

logger = logging.getLogger(__name__)


@organization_task
def billing_plans_daily_task(organization_id: int) -> dict[str, int]:
    """Charge the periods due, reactivate the settled, suspend the unpaid, queue the reminders
    (each step idempotent: a second run does nothing twice)."""
    today = organization_today(Organization.objects.get(pk=organization_id))
    report = subscriptions_charge_due(today=today)
    reactivated = subscriptions_reactivate_settled(today=today)
    suspended = subscriptions_suspend_overdue(today=today)
    reminders = reminders_queue(today=today)
    return {
        "charged": report.charged,
        "failed": report.failed,
        "suspended": suspended,
        "reactivated": reactivated,
        "reminders": reminders,
    }


@django_task()
def billing_plans_daily_all_task() -> int:
    """Beat: queue the daily billing run of each active organization."""
    ids = list(Organization.objects.filter(is_active=True).values_list("pk", flat=True))
    for organization_id in ids:
        billing_plans_daily_task.delay(organization_id)
    return len(ids)


@organization_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def boleto_reminder_email_task(
    organization_id: int, reminder_id: int, boleto_id: int, today: str
) -> str:
    """Send one recorded reminder, unless the invoice was paid or cancelled meanwhile."""
    reminder = ReminderSent.objects.get(pk=reminder_id)
    boleto = Boleto.objects.select_related("invoice__customer", "bank_account", "organization").get(
        pk=boleto_id
    )
    if boleto.status != BoletoStatus.ISSUED or boleto.invoice.balance == 0:
        return "settled"
    try:
        return boleto_email_send(boleto=boleto, kind=reminder.kind, today=date.fromisoformat(today))
    except DomainError as refused:  # the PDF no longer matches the account: a person must look
        logger.warning("reminder %s not sent: %s", reminder_id, refused.message)
        return "refused"
