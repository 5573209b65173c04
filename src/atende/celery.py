"""The Celery app. Beat schedules live here, in one place."""

import os

from celery import Celery

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
    # notices; every step is idempotent, so running hourly only catches up sooner.
    "billing-plans-daily": {
        "task": "atende.billing.tasks_plans.billing_plans_daily_all_task",
        "schedule": 3600.0,
    },
}
