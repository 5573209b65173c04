"""Billing's background work; each area keeps its tasks in its own module, imported here so
Celery's autodiscovery registers them."""

from atende.billing import tasks_batch, tasks_plans, tasks_settlement  # noqa: F401
