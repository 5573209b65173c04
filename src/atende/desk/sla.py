"""SLA colours (D5), computed in the organization's time zone.

red = overdue, yellow = due today (the last day), orange = due tomorrow, grey = otherwise;
closed tickets have no colour.
"""

from datetime import date, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from django.db.models import Q
from django.utils import timezone


class Sla(StrEnum):
    OVERDUE = "overdue"
    TODAY = "today"
    TOMORROW = "tomorrow"
    ON_TIME = "on_time"
    NONE = "none"  # closed


SLA_LABELS = {
    Sla.OVERDUE: "Em atraso",
    Sla.TODAY: "Vence hoje",
    Sla.TOMORROW: "Vence amanhã",
    Sla.ON_TIME: "No prazo",
    Sla.NONE: "",
}


def organization_today(organization) -> date:
    """Today's date where the organization works (its time zone, not the server's)."""
    return timezone.localdate(timezone=ZoneInfo(organization.time_zone))


def sla_state(*, due_on: date | None, is_closed: bool, today: date) -> Sla:
    if is_closed:
        return Sla.NONE
    if due_on is None:
        return Sla.ON_TIME  # grey: nothing is late without a due date
    if due_on < today:
        return Sla.OVERDUE
    if due_on == today:
        return Sla.TODAY
    if due_on == today + timedelta(days=1):
        return Sla.TOMORROW
    return Sla.ON_TIME


def sla_condition(state: str, today: date) -> Q:
    """The queue filter for one SLA colour (open tickets only), on indexed columns."""
    tomorrow = today + timedelta(days=1)
    conditions = {
        Sla.OVERDUE: Q(due_key__lt=today),
        Sla.TODAY: Q(due_key=today),
        Sla.TOMORROW: Q(due_key=tomorrow),
        Sla.ON_TIME: Q(due_key__gt=tomorrow),
    }
    return Q(is_open=True) & conditions[Sla(state)]
