"""What a portal account sees: its customer's requests (its own, unless it sees them all),
in the seed's five filters, and one request at a time (404 for anything else)."""

from django.db.models import Count, Q, QuerySet
from django.http import Http404

from atende.accounts.models import PortalAccount
from atende.core.pagination import KeysetPage, keyset_page
from atende.desk.models import Ticket, TicketAttachment, TicketStatus
from atende.desk.selectors import ticket_timeline
from atende.files.models import StoredFile
from atende.workflow.engine import visible_fields
from atende.workflow.models import RequestGroup, RequestType

# The seed's filters: Todos, Sob minha responsabilidade, Aguardando retorno, Concluídos,
# Cancelados.
BUCKETS = ("todos", "minha-vez", "aguardando", "concluidos", "cancelados")
BUCKET_LABELS = {
    "todos": "Todos",
    "minha-vez": "Sob minha responsabilidade",
    "aguardando": "Aguardando retorno",
    "concluidos": "Concluídos",
    "cancelados": "Cancelados",
}
CUSTOMERS_TURN = (
    Q(understanding_state="pending")
    | Q(stage__responsibility="customer")
    | Q(stage__isnull=True, status=TicketStatus.WAITING)
)
BUCKET_CONDITIONS = {
    "todos": Q(),
    "minha-vez": Q(is_open=True) & CUSTOMERS_TURN,
    "aguardando": Q(is_open=True) & ~CUSTOMERS_TURN,
    "concluidos": Q(is_open=False) & ~Q(status=TicketStatus.CANCELLED),
    "cancelados": Q(status=TicketStatus.CANCELLED),
}


def portal_tickets(account: PortalAccount) -> QuerySet[Ticket]:
    """Every request the account may see (the portal's second key, after the organization)."""
    if not account.is_active:
        return Ticket.objects.none()
    tickets = Ticket.objects.filter(customer_id=account.contact.customer_id)
    if not account.sees_all_customer_requests:
        tickets = tickets.filter(contact_id=account.contact_id)
    return tickets


def portal_request_list(
    *, account: PortalAccount, bucket: str, cursor: str | None = None
) -> KeysetPage[Ticket]:
    """One page of the requests of one filter, newest activity first."""
    condition = BUCKET_CONDITIONS.get(bucket, Q())
    tickets = portal_tickets(account).filter(condition).select_related("stage", "request_type")
    return keyset_page(tickets, ordering=["-updated_at", "-pk"], cursor=cursor, size=25)


def portal_bucket_counts(*, account: PortalAccount) -> dict[str, int]:
    """How many requests each filter holds (one query)."""
    counts = portal_tickets(account).aggregate(
        **{
            bucket.replace("-", "_"): Count("pk", filter=condition)
            for bucket, condition in BUCKET_CONDITIONS.items()
        }
    )
    return {bucket: counts[bucket.replace("-", "_")] for bucket in BUCKETS}


def portal_request_get(*, account: PortalAccount, number: int) -> Ticket:
    ticket = (
        portal_tickets(account)
        .select_related("stage", "request_type", "area", "contact")
        .filter(number=number)
        .first()
    )
    if ticket is None:
        raise Http404("Solicitação não encontrada")
    return ticket


def portal_timeline(*, ticket: Ticket) -> list:
    """What the customer may read: public entries only (never an internal note)."""
    return ticket_timeline(ticket=ticket, public_only=True)


def request_type_choices() -> list[RequestGroup]:
    """Active groups with their active types, for the new-request form (two queries)."""
    from django.db.models import Prefetch

    types = RequestType.objects.filter(is_active=True, stages__isnull=False).distinct()
    groups = RequestGroup.objects.filter(is_active=True).prefetch_related(
        Prefetch("types", queryset=types.order_by("position", "name"), to_attr="active_types")
    )
    return [group for group in groups if group.active_types]


def portal_file_get(*, account: PortalAccount, number: int, key) -> StoredFile:
    """A file of one of the account's requests that the customer may read: attached when it was
    opened, to a public entry, or the value of a field the current stage shows (404 otherwise,
    like a file that does not exist)."""
    ticket = portal_request_get(account=account, number=number)
    attachment = (
        TicketAttachment.objects.select_related("stored_file", "entry")
        .filter(ticket=ticket, stored_file__key=key)
        .first()
    )
    if attachment is None or not _customer_may_read(ticket, attachment):
        raise Http404("Arquivo não encontrado.")
    return attachment.stored_file


def _customer_may_read(ticket: Ticket, attachment: TicketAttachment) -> bool:
    if attachment.field_key:
        if ticket.stage_id is None:
            return False
        shown = {item.field.key for item in visible_fields(ticket.stage, ticket.field_values)}
        current = ticket.field_values.get(attachment.field_key)
        is_current = isinstance(current, dict) and current.get("key") == str(
            attachment.stored_file.key
        )
        return attachment.field_key in shown and is_current
    return attachment.entry is None or attachment.entry.is_public
