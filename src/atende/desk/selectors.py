"""Reads of the service desk, each shaped for one screen and filtered by the one ticket rule."""

from dataclasses import dataclass, field
from datetime import date

from django.db import connection
from django.db.models import Count, Prefetch, Q, QuerySet, Sum
from django.http import Http404
from django.shortcuts import get_object_or_404

from atende.accounts.permissions import can, require
from atende.core.errors import BadInput, ErrorCode
from atende.core.pagination import KeysetPage, keyset_page
from atende.customers.models import Customer
from atende.customers.permissions import customers_visible_to
from atende.desk.models import (
    Area,
    AreaResource,
    SavedFilter,
    Ticket,
    TicketStatus,
    TimeEntry,
    TimelineEntry,
)
from atende.desk.permissions import DeskPerm
from atende.desk.sla import organization_today, sla_condition
from atende.tenancy.models import Member
from atende.tenancy.search import SearchPlan, search_plan

SCOPES = ("mine", "areas", "unassigned", "open", "all")
SORTS = {
    "-updated": ["-updated_at", "-pk"],
    "updated": ["updated_at", "pk"],
    "number": ["number"],
    "-number": ["-number"],
    "due": ["due_key", "pk"],
    "-due": ["-due_key", "-pk"],
    "priority": ["priority", "due_key", "pk"],
}
DEFAULT_SORT = "-updated"
OPEN_STATUSES = "abertos"  # the status filter that means "every open status"
# Beyond this many open tickets a queue tab's badge says "999+" instead of counting them all.
QUEUE_COUNT_LIMIT = 999


@dataclass(frozen=True)
class TicketFilters:
    scope: str = "open"
    search: str = ""
    statuses: tuple[str, ...] = ()
    area_id: int | None = None
    assignee_id: int | None = None
    priority: int | None = None
    customer_number: int | None = None
    sla: str = ""
    created_from: date | None = None
    created_to: date | None = None
    sort: str = DEFAULT_SORT
    extra: dict = field(default_factory=dict)


def visible_tickets(member: Member) -> QuerySet[Ticket]:
    """Every ticket the member may see: none without the desk's view permission; a ticket of a
    customer follows that customer's record rules (portfolio, sector categories)."""
    if not can(member, DeskPerm.VIEW):
        return Ticket.objects.none()
    tickets = Ticket.objects.all()
    if member.is_admin:
        return tickets
    customers = Customer.objects.all()
    restricted = customers_visible_to(member, customers)
    if restricted is customers:  # no record rule narrows this member
        return tickets
    return tickets.filter(Q(customer__isnull=True) | Q(customer__in=restricted))


def ticket_get(*, actor: Member, number: int, permission: DeskPerm = DeskPerm.VIEW) -> Ticket:
    """The ticket with this number for an action: 404 when the member may not see it (same as
    missing), 403 when they see it but may not do `permission` on it."""
    ticket = (
        visible_tickets(actor)
        .select_related(
            "area",
            "assignee__user",
            "customer",
            "contact",
            "created_by__user",
            "request_type",
            "stage",
        )
        .filter(number=number)
        .first()
    )
    if ticket is None:
        raise Http404("Atendimento não encontrado")
    if permission != DeskPerm.VIEW:
        require(actor, permission, ticket)
    return ticket


def member_area_ids(member: Member) -> list[int]:
    """The areas the member serves."""
    return list(AreaResource.objects.filter(member=member).values_list("area_id", flat=True))


def _scoped(tickets: QuerySet[Ticket], actor: Member, scope: str) -> QuerySet[Ticket]:
    if scope == "mine":
        return tickets.filter(assignee=actor, is_open=True)
    if scope == "areas":
        return tickets.filter(area_id__in=member_area_ids(actor), is_open=True)
    if scope == "unassigned":
        return tickets.filter(assignee__isnull=True, is_open=True)
    if scope == "open":
        return tickets.filter(is_open=True)
    return tickets


def _filtered(actor: Member, filters: TicketFilters) -> QuerySet[Ticket]:
    tickets = _scoped(visible_tickets(actor), actor, filters.scope)
    plan = ticket_search_plan(filters.search)
    if plan is not None:
        tickets = tickets.filter(plan.condition)
    statuses = [status for status in filters.statuses if status in TicketStatus.values]
    if OPEN_STATUSES in filters.statuses:
        tickets = tickets.filter(is_open=True)
    if statuses:
        tickets = tickets.filter(status__in=statuses)
    if filters.area_id:
        tickets = tickets.filter(area_id=filters.area_id)
    if filters.assignee_id:
        tickets = tickets.filter(assignee_id=filters.assignee_id)
    if filters.priority:
        tickets = tickets.filter(priority=filters.priority)
    if filters.customer_number:
        tickets = tickets.filter(customer__number=filters.customer_number)
    if filters.sla:
        tickets = tickets.filter(sla_condition(filters.sla, organization_today(actor.organization)))
    if filters.created_from:
        tickets = tickets.filter(created_at__date__gte=filters.created_from)
    if filters.created_to:
        tickets = tickets.filter(created_at__date__lte=filters.created_to)
    return tickets


def ticket_search_plan(query: str) -> SearchPlan | None:
    """How the queue finds a search's tickets: every word must appear in the number, title,
    area, customer (name, CPF/CNPJ), contact or timeline; a ticket number typed alone (or after
    "#") also finds that ticket.

    On PostgreSQL one probe of the private index (`search_plan`) decides: a rarer term's
    matches are read by id; a common one ("boleto": a sixth of a desk) filters the queue's rows
    by their own text while the queue walks its ordered index, stopping at the page. Either way
    the number is one more plain condition on the row, never a second sub-select OR-ed with the
    index's, which PostgreSQL could only answer by testing every queued ticket against both.
    """
    query = query.strip().lstrip("#")
    if not query:
        return None
    plan = search_plan("ticket", [query])
    if query.isdigit() and len(query) <= 9:
        return SearchPlan(
            Q(number=int(query)) | plan.condition,
            sample_ids=plan.sample_ids,
            by_ids=plan.by_ids,
        )
    return plan


def ticket_queue(
    *, actor: Member, filters: TicketFilters, cursor: str | None = None, size: int = 50
) -> KeysetPage:
    """One page of the agent queue with area, assignee and customer (one query)."""
    if filters.sort not in SORTS:
        raise BadInput("Ordenação desconhecida.", code=ErrorCode.INVALID)
    tickets = _filtered(actor, filters).select_related("area", "assignee__user", "customer")
    return keyset_page(tickets, ordering=SORTS[filters.sort], cursor=cursor, size=size)


def ticket_ids_for_bulk(*, actor: Member, numbers: list[int]) -> list[Ticket]:
    """The tickets a bulk action names, among those the member may see."""
    return list(visible_tickets(actor).select_related("area").filter(number__in=numbers[:200]))


@dataclass(frozen=True)
class QueueCount:
    value: int
    is_more: bool  # True: more than `value` (the count stopped at QUEUE_COUNT_LIMIT)

    def __str__(self) -> str:
        return f"{self.value}+" if self.is_more else str(self.value)


def queue_counts(*, actor: Member) -> dict[str, QueueCount]:
    """How many open tickets are the member's, in their areas and unassigned: one statement of
    three counts, each reading at most QUEUE_COUNT_LIMIT + 1 rows through its own index
    (assignee, area), so a busy desk costs the same as a small one."""
    tickets = visible_tickets(actor).filter(is_open=True).order_by()
    scopes = {
        "mine": tickets.filter(assignee=actor),
        "areas": tickets.filter(
            area_id__in=AreaResource.objects.filter(member=actor).values("area_id")
        ),
        "unassigned": tickets.filter(assignee__isnull=True),
    }
    if tickets.query.is_empty():  # no view permission
        return {name: QueueCount(0, is_more=False) for name in scopes}
    selects, params = [], []
    for name, queryset in scopes.items():
        capped = queryset.values("pk")[: QUEUE_COUNT_LIMIT + 1]
        sql, values = capped.query.sql_with_params()
        selects.append(f"(SELECT COUNT(*) FROM ({sql}) AS {name})")  # noqa: S608  ORM's SQL
        params.extend(values)
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(selects), params)
        row = cursor.fetchone()
    return {
        name: QueueCount(min(found, QUEUE_COUNT_LIMIT), is_more=found > QUEUE_COUNT_LIMIT)
        for name, found in zip(scopes, row, strict=True)
    }


def ticket_timeline(*, ticket: Ticket, public_only: bool = False) -> list[TimelineEntry]:
    """The ticket's timeline, oldest first, with authors and attachments (two queries)."""
    entries = ticket.timeline.select_related("author__user", "mail").prefetch_related(
        Prefetch("attachments", queryset=_attachments())
    )
    if public_only:
        entries = entries.filter(is_public=True)
    return list(entries.order_by("created_at", "pk"))


def ticket_opening_mail(*, ticket: Ticket):
    """The e-mail that opened the ticket (sender and untrimmed text), for e-mail tickets only
    (no query for the others)."""
    from atende.desk.models import Channel, MailDirection, MailMessage

    if ticket.channel != Channel.EMAIL:
        return None
    return (
        MailMessage.objects.filter(ticket=ticket, direction=MailDirection.IN).order_by("pk").first()
    )


def _attachments():
    from atende.desk.models import TicketAttachment

    return TicketAttachment.objects.select_related("stored_file")


def ticket_opening_attachments(*, ticket: Ticket) -> list:
    """Files attached when the ticket was opened (not to a timeline entry)."""
    return list(_attachments().filter(ticket=ticket, entry__isnull=True, field_key=""))


@dataclass(frozen=True)
class TimeTotals:
    minutes: int
    per_member: list[tuple[str, int]]


def ticket_time_totals(*, ticket: Ticket) -> TimeTotals:
    """Time spent on the ticket, in all and per member (one query)."""
    rows = list(
        TimeEntry.objects.filter(ticket=ticket)
        .values("member__user__full_name")
        .annotate(minutes=Sum("minutes"))
        .order_by("-minutes", "member__user__full_name")
    )
    per_member = [(row["member__user__full_name"], row["minutes"]) for row in rows]
    return TimeTotals(minutes=sum(minutes for _, minutes in per_member), per_member=per_member)


def ticket_time_entries(*, ticket: Ticket) -> list[TimeEntry]:
    return list(
        TimeEntry.objects.filter(ticket=ticket)
        .select_related("member__user")
        .order_by("-worked_on", "-pk")
    )


def area_list(*, active_only: bool = False) -> list[Area]:
    """The organization's areas with how many resources each has."""
    areas = Area.objects.annotate(resource_count=Count("members", distinct=True))
    if active_only:
        areas = areas.filter(is_active=True)
    return list(areas.order_by("name"))


def area_get(*, pk: int) -> Area:
    return get_object_or_404(Area, pk=pk)


def default_area() -> Area | None:
    return Area.objects.filter(is_default=True, is_active=True).first()


def area_resources(*, area_id: int | None) -> QuerySet[Member]:
    """The active members who serve an area (the assignees a ticket of it may have)."""
    if not area_id:
        return Member.objects.none()
    return (
        Member.objects.filter(is_active=True, desk_areas__pk=area_id)
        .select_related("user")
        .order_by("user__full_name")
    )


def _filters_of(actor: Member) -> QuerySet[SavedFilter]:
    if not can(actor, DeskPerm.VIEW):
        return SavedFilter.objects.none()
    return SavedFilter.objects.filter(Q(owner=actor) | Q(is_shared=True))


def saved_filters(*, actor: Member) -> list[SavedFilter]:
    """The member's own saved filters and those shared with the organization."""
    return list(_filters_of(actor).order_by("name"))


def saved_filter_get(*, actor: Member, pk: int) -> SavedFilter:
    """One of the filters the member may use; 404 otherwise."""
    return get_object_or_404(_filters_of(actor), pk=pk)


def customer_ticket_summary(*, actor: Member, customer: Customer) -> dict[str, int]:
    """How many of the customer's tickets are in each status (the Atendimentos tab)."""
    rows = (
        visible_tickets(actor)
        .filter(customer=customer)
        .values("status")
        .annotate(total=Count("pk"))
        .order_by()
    )
    return {row["status"]: row["total"] for row in rows}


def ticket_passages(*, ticket: Ticket) -> list:
    """Every passage of a typed request through its stages, the current one first (W3)."""
    from atende.desk.models import StagePassage

    return list(
        StagePassage.objects.filter(ticket=ticket)
        .select_related("stage")
        .order_by("-entered_at", "-pk")
    )


def request_type_catalog(*, active_only: bool = False) -> list:
    """The organization's request types with their stages (and rules) and fields, in order, for
    the API (four queries whatever the number of types)."""
    from django.db.models import Prefetch

    from atende.workflow.models import RequestField, RequestType, Stage, StageFieldRule

    types = RequestType.objects.select_related("group").order_by("group__position", "position")
    if active_only:
        types = types.filter(is_active=True, group__is_active=True, stages__isnull=False)
    rules = StageFieldRule.objects.select_related("field")
    return list(
        types.distinct().prefetch_related(
            Prefetch(
                "stages",
                queryset=Stage.objects.order_by("position").prefetch_related(
                    Prefetch("rules", queryset=rules)
                ),
                to_attr="stage_list",
            ),
            Prefetch(
                "fields",
                queryset=RequestField.objects.order_by("position", "pk"),
                to_attr="field_list",
            ),
        )
    )


# --- service orders (D8): visible exactly when their ticket is ---


def visible_service_orders(member: Member) -> QuerySet:
    """The service orders of the tickets the member may see (none without the desk)."""
    from atende.desk.models import ServiceOrder

    if not can(member, DeskPerm.VIEW):
        return ServiceOrder.objects.none()
    orders = ServiceOrder.objects.all()
    if member.is_admin:
        return orders
    customers = Customer.objects.all()
    restricted = customers_visible_to(member, customers)
    if restricted is customers:  # no record rule narrows this member
        return orders
    # The ticket's rule (its customer now), as visible_tickets: a join, not an id list.
    return orders.filter(Q(ticket__customer__isnull=True) | Q(ticket__customer__in=restricted))


def service_order_get(*, actor: Member, number: int, permission: DeskPerm = DeskPerm.VIEW):
    """The service order with this number, its ticket and customer: 404 when its ticket is not
    visible (same as missing), 403 when visible but `permission` is missing."""
    order = (
        visible_service_orders(actor)
        .select_related("ticket__customer", "customer", "created_by__user")
        .filter(number=number)
        .first()
    )
    if order is None:
        raise Http404("Ordem de serviço não encontrada")
    if permission != DeskPerm.VIEW:
        require(actor, permission, order.ticket)
    return order


def service_order_items(*, order) -> list:
    """The order's items in their order (one query)."""
    return list(order.items.order_by("position", "pk"))


def ticket_service_orders(*, ticket: Ticket) -> list:
    """The ticket's service orders, newest first (one query; the ticket is already visible)."""
    return list(ticket.service_orders.order_by("-number"))


def ticket_service_orders_with_items(*, ticket: Ticket) -> list:
    """The ticket's service orders with customer and items, oldest first (two queries)."""
    from atende.desk.models import ServiceOrderItem

    items = ServiceOrderItem.objects.order_by("position", "pk")
    orders = (
        ticket.service_orders.select_related("customer")
        .prefetch_related(Prefetch("items", queryset=items, to_attr="item_rows"))
        .order_by("number")
    )
    return list(orders)


def customer_service_orders(
    *, actor: Member, customer: Customer, cursor: str | None = None, size: int = 50
) -> KeysetPage:
    """One page of the customer's service orders (visible ones), newest first."""
    orders = visible_service_orders(actor).filter(customer=customer).select_related("ticket")
    return keyset_page(orders, ordering=["-created_at", "-pk"], cursor=cursor, size=size)


def service_order_settings_get():
    """The organization's print settings with the logo file, or None before any is saved."""
    from atende.desk.models import ServiceOrderSettings

    return ServiceOrderSettings.objects.select_related("logo").first()
