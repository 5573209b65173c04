"""Time spent on tickets (D4) and the queue's saved filters (D6)."""

from datetime import date

from django.db import transaction
from django.utils import timezone

from atende.accounts.permissions import require
from atende.core.errors import DomainError, ErrorCode
from atende.core.validation import validate_model_fields
from atende.desk.errors import DeskError
from atende.desk.models import SavedFilter, Ticket, TimeEntry
from atende.desk.permissions import DeskPerm
from atende.tenancy.models import Member

MAX_MINUTES = 24 * 60  # one entry is at most a day's work
QUERY_KEYS = {
    "scope", "q", "status", "area", "assignee", "priority", "customer", "sla",
    "created_from", "created_to", "sort",
}  # fmt: skip


@transaction.atomic
def time_entry_add(
    *,
    actor: Member,
    ticket: Ticket,
    hours: int = 0,
    minutes: int = 0,
    note: str = "",
    worked_on: date | None = None,
) -> TimeEntry:
    """Record time the actor spent on the ticket (hours and minutes, with a note)."""
    require(actor, DeskPerm.CHANGE, ticket)
    total = (hours or 0) * 60 + (minutes or 0)
    if hours < 0 or minutes < 0 or not 0 < total <= MAX_MINUTES:
        raise DomainError(
            "Informe um tempo entre 1 minuto e 24 horas.",
            code=DeskError.INVALID_TIME,
            field="minutes",
        )
    entry = TimeEntry(
        ticket=ticket,
        member=actor,
        minutes=total,
        note=note.strip(),
        worked_on=worked_on or timezone.localdate(),
    )
    validate_model_fields(entry)
    entry.save()
    return entry


@transaction.atomic
def saved_filter_save(
    *, actor: Member, name: str, query: dict, is_shared: bool = False
) -> SavedFilter:
    """Keep the queue's current filters under a name, for the actor or for everyone."""
    require(actor, DeskPerm.VIEW)
    query = {key: value for key, value in query.items() if key in QUERY_KEYS and value}
    saved = SavedFilter(owner=actor, name=name.strip(), is_shared=is_shared, query=query)
    if not saved.name:
        raise DomainError("Dê um nome ao filtro.", code=ErrorCode.REQUIRED, field="name")
    validate_model_fields(saved)
    saved.save()
    return saved


@transaction.atomic
def saved_filter_delete(*, actor: Member, saved: SavedFilter) -> None:
    """Remove a saved filter: its owner, or an administrator for a shared one."""
    require(actor, DeskPerm.VIEW)
    if saved.owner_id != actor.pk:
        require(actor, DeskPerm.MANAGE_AREAS)  # another's shared filter: whoever runs the desk
    saved.delete()
