"""`{{ ticket|sla_of:today }}` and `{{ state|sla_label }}`: the SLA colour of a queue row."""

from django import template

from atende.desk.sla import SLA_LABELS, Sla, sla_state

register = template.Library()


@register.filter
def sla_of(ticket, today) -> str:
    return sla_state(due_on=ticket.due_on, is_closed=ticket.is_closed, today=today).value


@register.filter
def sla_label(state: str) -> str:
    return SLA_LABELS.get(Sla(state), "") if state in Sla.__members__.values() else ""


@register.filter
def duration(minutes: int) -> str:
    """`95` → `1 h 35 min`."""
    hours, rest = divmod(int(minutes or 0), 60)
    if hours and rest:
        return f"{hours} h {rest:02d} min"
    return f"{hours} h" if hours else f"{rest} min"


@register.filter
def timespan(delta) -> str:
    """A time in a stage: `3 d 4 h`, `2 h 05 min`, `12 min` (under a minute: `menos de 1 min`)."""
    minutes = int(delta.total_seconds() // 60) if delta else 0
    if minutes < 1:
        return "menos de 1 min"
    days, minutes = divmod(minutes, 24 * 60)
    if days:
        hours = minutes // 60
        return f"{days} d {hours} h" if hours else f"{days} d"
    return duration(minutes)


@register.filter
def quantity(value) -> str:
    """`2.000` → `2`, `1.500` → `1,5`, `1234` → `1.234`: a quantity as people write it."""
    from decimal import Decimal, InvalidOperation

    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return ""
    if not number.is_finite():
        return ""
    sign = "-" if number < 0 else ""
    text = f"{abs(number).normalize():f}" if number else "0"
    integer, _, fraction = text.partition(".")
    grouped = f"{int(integer):,}".replace(",", ".")
    return f"{sign}{grouped},{fraction}" if fraction else f"{sign}{grouped}"
