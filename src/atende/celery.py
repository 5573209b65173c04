"""The Celery app. Beat schedules live here, in one place."""

import os

from celery import Celery
from celery.schedules import crontab

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "atende.settings")

app = Celery("atende")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

app.conf.beat_schedule = {
    # D7: read the configured IMAP mailboxes (nothing to do when none is configured).
    "desk-mail-poll": {
        "task": "atende.desk.tasks.desk_mail_poll_task",
        "schedule": float(os.environ.get("DESK_IMAP_POLL_SECONDS", "60")),
    },
    # D7: tell the staff about due dates that are near (each due date once).
    "desk-due-soon": {
        "task": "atende.desk.tasks.tickets_due_soon_notify_all_task",
        "schedule": 3600.0,
    },
    # B7/B6: charge subscription periods, suspend the unpaid, e-mail boletos and overdue
    # notices, in the morning (CELERY_TIMEZONE) so customers get mail at a decent hour. Every
    # step is idempotent and catches up: a missed day is done the next, a second run is a no-op.
    "billing-plans-daily": {
        "task": "atende.billing.tasks_plans.billing_plans_daily_all_task",
        "schedule": crontab(hour=7, minute=0),
    },
}
