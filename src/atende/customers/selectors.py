"""Reads of the customer registry, each shaped for one screen and filtered by record rules."""

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TypeVar

from django.db import models
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from atende.accounts.models import Sector
from atende.accounts.permissions import can, require
from atende.core.documents import clean
from atende.core.pagination import KeysetPage, keyset_page
from atende.core.sorting import SortKey
from atende.core.text import digits, fold
from atende.customers.models import (
    Address,
    BulkMessage,
    BulkRecipient,
    Category,
    Contact,
    Customer,
    CustomerDocument,
    CustomerEmail,
    Favorite,
    Observation,
    RecipientStatus,
    SectorCategory,
)
from atende.customers.permissions import CustomerPerm, customers_visible_to
from atende.tenancy.models import Member, TenantModel
from atende.tenancy.search import SearchPlan, ids_condition, search_condition, search_plan

_Record = TypeVar("_Record", bound=TenantModel)

# Names and cities sort in reading order ("Álvaro" before "Amanda"), the same on both
# databases: by the stored keys `name_key`/`city_key` (see atende.core.sorting), through the
# SortKey annotations `name_order`/`city_order` (the indexed column itself, unless a search
# already knows every match by id).
SORTS = {
    "name": ["name_order", "pk"],
    "-name": ["-name_order", "-pk"],
    "number": ["number"],
    "-number": ["-number"],
    "city": ["city_order", "name_order", "pk"],
    "-city": ["-city_order", "-name_order", "-pk"],
    "registered": ["registered_on", "pk"],
    "-registered": ["-registered_on", "-pk"],
}
DEFAULT_SORT = "name"
# Beyond this many matches the list says "more than 1 000" instead of counting them all.
COUNT_LIMIT = 1000
# A search's first page in name order looks for its rows among this many first matches per row
# of the page (the others may be inactive, of another category, outside the portfolio…).
CANDIDATES_PER_ROW = 4


@dataclass(frozen=True)
class ResultCount:
    value: int
    is_more: bool  # True: at least `value` (the count stopped at COUNT_LIMIT)


@dataclass(frozen=True)
class CustomerFilters:
    search: str = ""
    active: str = "1"  # "1" active, "0" inactive, "" all
    category_id: int | None = None
    owner_id: int | None = None
    city: str = ""
    sort: str = DEFAULT_SORT


def visible_customers(member: Member) -> QuerySet[Customer]:
    """Every customer the member may see (the base of all customer reads): none without the
    module's view permission, then narrowed by the record rules."""
    if not can(member, CustomerPerm.VIEW):
        return Customer.objects.none()
    return customers_visible_to(member, Customer.objects.all())


def _search_variants(term: str) -> list[str]:
    """The forms a term is searched in: its words (any order, accents ignored) and, when it
    looks like a number, its digits (a masked CPF, a phone) or an alphanumeric CNPJ typed with
    its mask."""
    folded = fold(term)
    variants = [folded]
    only_digits = digits(term)
    looks_numeric = only_digits and len(only_digits) >= 0.6 * len(term.replace(" ", ""))
    if looks_numeric and only_digits != folded:
        variants.append(only_digits)
    alphanumeric = clean(term).lower()
    if len(alphanumeric) == 14 and alphanumeric != folded:  # an alphanumeric CNPJ with mask
        variants.append(alphanumeric)
    return variants


def _search_condition(term: str) -> Q:
    condition = Q(pk__in=[])
    for variant in _search_variants(term):
        condition |= search_condition("customer", variant)
    return condition


def customer_own_search_text(customer: Customer) -> str:
    """What the search finds a customer by in its own record (folded)."""
    parts = [
        str(customer.number), customer.name, customer.trade_name, customer.email,
        customer.document, digits(customer.phone), digits(customer.phone_alt),
    ]  # fmt: skip
    return fold(" | ".join(part for part in parts if part))


def contact_search_text(contact: Contact) -> str:
    """What the search finds a customer by in one of its contacts (folded)."""
    parts = [contact.name, contact.email]
    parts += [digits(contact.phone), digits(contact.phone_alt), digits(contact.mobile)]
    return fold(" | ".join(part for part in parts if part))


def _plan(filters: CustomerFilters) -> SearchPlan | None:
    term = filters.search.strip()
    return search_plan("customer", _search_variants(term)) if term else None


def _narrowed(
    actor: Member, filters: CustomerFilters, plan: SearchPlan | None = None
) -> QuerySet[Customer]:
    """The list's rows as filtered, before the search. When the search already knows every
    match by id, the sort keys stay off the indexes (see SortKey)."""
    indexed = plan is None or not plan.by_ids
    customers = (
        visible_customers(actor)
        .select_related("category", "owner__user")
        .annotate(
            name_order=SortKey("name_key", indexed=indexed),
            city_order=SortKey("city_key", indexed=indexed),
        )
    )
    if filters.active in {"0", "1"}:
        customers = customers.filter(is_active=filters.active == "1")
    if filters.category_id:
        customers = customers.filter(category_id=filters.category_id)
    if filters.owner_id:
        customers = customers.filter(owner_id=filters.owner_id)
    if filters.city.strip():
        customers = customers.filter(city__iexact=filters.city.strip())
    return customers


def _filtered(
    actor: Member, filters: CustomerFilters, plan: SearchPlan | None = None
) -> QuerySet[Customer]:
    plan = plan or _plan(filters)
    customers = _narrowed(actor, filters, plan)
    return customers.filter(plan.condition) if plan else customers


def customer_filtered(*, actor: Member, filters: CustomerFilters) -> QuerySet[Customer]:
    """Every customer of the list as filtered (visibility, filters and search), unordered: what
    the actions on "the customers of this list" act on (export, bulk sends, batch boletos)."""
    return _filtered(actor, filters).order_by()


def _page(
    narrowed: QuerySet[Customer],
    plan: SearchPlan | None,
    *,
    ordering: list[str],
    cursor: str | None,
    size: int,
) -> KeysetPage[Customer]:
    """One page of the list, searched or not. A search's first page in name order is read
    among its first matches in the index's name order (a few hundred rows, where a common first
    name and surname may match thousands); only if too few of them pass the list's other
    filters does it read every match."""
    customers = narrowed.filter(plan.condition) if plan else narrowed
    if plan is not None and not cursor and ordering[0].lstrip("-") == "name_order":
        candidates = plan.first_matches(
            (size + 1) * CANDIDATES_PER_ROW, descending=ordering[0].startswith("-")
        )
        if candidates is not None and plan.sorted_ids and candidates.size < plan.sorted_ids.size:
            page = keyset_page(
                narrowed.filter(ids_condition(candidates)), ordering=ordering, size=size
            )
            # A next row among the candidates: the rows before it are the first page of all
            # the matches, since every other match sorts after the candidates.
            if page.next_cursor is not None:
                return page
    return keyset_page(customers, ordering=ordering, cursor=cursor, size=size)


def customer_list(
    *, actor: Member, filters: CustomerFilters, cursor: str | None = None, size: int = 50
) -> KeysetPage[Customer]:
    """One page of the customer list with category and owner (one query; on PostgreSQL a
    search adds the probe of its index)."""
    ordering = SORTS.get(filters.sort, SORTS[DEFAULT_SORT])
    plan = _plan(filters)
    return _page(_narrowed(actor, filters, plan), plan, ordering=ordering, cursor=cursor, size=size)


@dataclass(frozen=True)
class CustomerResults:
    page: KeysetPage[Customer]
    count: ResultCount


def customer_results(
    *, actor: Member, filters: CustomerFilters, cursor: str | None = None, size: int = 50
) -> CustomerResults:
    """The list page and how many customers it holds, counted up to COUNT_LIMIT (never the
    whole table): free when the first page holds every match, else one bounded query."""
    plan = _plan(filters)
    narrowed = _narrowed(actor, filters, plan)
    customers = narrowed.filter(plan.condition) if plan else narrowed
    ordering = SORTS.get(filters.sort, SORTS[DEFAULT_SORT])
    page = _page(narrowed, plan, ordering=ordering, cursor=cursor, size=size)
    if page.is_first and page.next_cursor is None:
        return CustomerResults(page, ResultCount(len(page.items), is_more=False))
    if plan and plan.sample_ids is not None:
        # A common term: when more than COUNT_LIMIT of the probe's matches are on this list,
        # that settles it without reading the rest.
        sample = plan.sample_ids.first(COUNT_LIMIT + 1)
        sampled = narrowed.filter(ids_condition(sample)).order_by().count()
        if sampled > COUNT_LIMIT:
            return CustomerResults(page, ResultCount(COUNT_LIMIT, is_more=True))
    matches = customers.order_by().values("pk")[: COUNT_LIMIT + 1].count()
    return CustomerResults(
        page, ResultCount(min(matches, COUNT_LIMIT), is_more=matches > COUNT_LIMIT)
    )


def customer_match_reasons(*, customers: list[Customer], term: str) -> dict[int, Contact]:
    """For the customers on a page of search results that matched only through a contact's
    name, e-mail or phone: customer id → that contact (one query, only when searching)."""
    term = term.strip()
    if not term or not customers:
        return {}
    variants = [variant.split() for variant in _search_variants(term)]
    own = {customer.pk: customer_own_search_text(customer) for customer in customers}
    through_contacts = [
        pk
        for pk, text in own.items()
        if not any(all(word in text for word in words) for words in variants)
    ]
    if not through_contacts:
        return {}
    reasons: dict[int, Contact] = {}
    contacts = Contact.objects.filter(customer_id__in=through_contacts).order_by("name", "pk")
    for contact in contacts:
        if contact.customer_id in reasons:
            continue
        contact_text = contact_search_text(contact)
        both = own[contact.customer_id] + " | " + contact_text
        for words in variants:
            if all(word in both for word in words) and any(word in contact_text for word in words):
                reasons[contact.customer_id] = contact
                break
    return reasons


def customer_export_rows(*, actor: Member, filters: CustomerFilters) -> Iterator[list[str]]:
    """Every customer of the list as filtered, as CSV rows, read in chunks from the database."""
    ordering = SORTS.get(filters.sort, SORTS[DEFAULT_SORT])
    for customer in _filtered(actor, filters).order_by(*ordering).iterator(chunk_size=2000):
        yield [
            str(customer.number), customer.get_kind_display(),
            "Ativo" if customer.is_active else "Inativo", customer.name, customer.trade_name,
            customer.document_display, customer.email, customer.phone, customer.postal_code,
            customer.street, customer.street_number, customer.complement, customer.district,
            customer.city, customer.state, str(customer.category or ""),
            str(customer.owner or ""), customer.registered_on.strftime("%d/%m/%Y"),
        ]  # fmt: skip


def customer_search(*, actor: Member, term: str, limit: int = 10) -> list[Customer]:
    """Quick results as the user types: favourites first, then by name."""
    term = term.strip()
    if len(term) < 2 and not term.isdigit():
        return []
    starred = Favorite.objects.filter(member=actor, customer=OuterRef("pk"))
    plan = search_plan("customer", _search_variants(term))
    # A rarer term is known by id; a common one reads every match from the index (the
    # favourites come first, so no index serves the order).
    condition = plan.condition if plan.by_ids else _search_condition(term)
    customers = (
        visible_customers(actor)
        .filter(condition)
        .annotate(is_favorite=Exists(starred))
        .order_by("-is_favorite", "name_key", "pk")
    )
    return list(customers[:limit])


def customer_get(
    *, actor: Member, number: int, permission: CustomerPerm = CustomerPerm.VIEW
) -> Customer:
    """The customer with this code for an action: 404 when the member may not see it (same as
    missing), 403 when they see it but may not do `permission` on it."""
    customer = (
        visible_customers(actor)
        .select_related("category", "owner__user", "origin_type", "origin")
        .filter(number=number)
        .first()
    )
    if customer is None:
        raise Http404("Cliente não encontrado")
    if permission != CustomerPerm.VIEW:
        require(actor, permission, customer)
    return customer


def favorite_customers(*, actor: Member, limit: int = 20) -> list[Customer]:
    """The member's starred customers, by name."""
    return list(
        visible_customers(actor).filter(favorites__member=actor).order_by("name_key", "pk")[:limit]
    )


def unread_mandatory_observations(*, actor: Member, customer: Customer) -> list[Observation]:
    """Mandatory observations this member has not confirmed yet, newest first."""
    return list(
        customer.observations.filter(is_mandatory_reading=True)
        .exclude(reads__member=actor)
        .select_related("author__user")
        .order_by("-created_at", "-pk")
    )


# --- a customer's own records, read through the customer the actor was given access to ---


def _child(records: "models.Manager[_Record]", pk: int, *related: str) -> _Record:
    return get_object_or_404(records.select_related(*related), pk=pk)


def customer_contact_get(*, customer: Customer, pk: int) -> Contact:
    """One of the customer's contacts; 404 for any other id."""
    return _child(customer.contacts, pk)


def customer_address_get(*, customer: Customer, pk: int) -> Address:
    """One of the customer's other addresses; 404 for any other id."""
    return _child(customer.addresses, pk)


def customer_observation_get(*, customer: Customer, pk: int) -> Observation:
    """One of the customer's observations; 404 for any other id."""
    return _child(customer.observations, pk)


def customer_document_get(*, customer: Customer, pk: int) -> CustomerDocument:
    """One of the customer's documents with its stored file; 404 for any other id."""
    return _child(customer.documents, pk, "stored_file")


def customer_email_get(*, customer: Customer, pk: int) -> CustomerEmail:
    """One of the e-mails sent to the customer; 404 for any other id."""
    return _child(customer.emails, pk)


def is_favorite(*, actor: Member, customer: Customer) -> bool:
    """Has the member starred this customer?"""
    return Favorite.objects.filter(member=actor, customer=customer).exists()


# --- the organization's lists (Configurações → Clientes) ---


def catalog_list(model: type[_Record], *, limit: int | None = None) -> list[_Record]:
    """Every entry of one of the organization's customer lists (categories, origins…)."""
    entries = model.objects.all()
    return list(entries[:limit] if limit else entries)


def catalog_entry_get(model: type[_Record], *, pk: int) -> _Record:
    """One entry of an organization list; 404 for an id of another list or organization."""
    return get_object_or_404(model, pk=pk)


def catalog_entry_find(model: type[_Record], *, pk: int) -> _Record | None:
    """One entry of an organization list, or None (an API field pointing nowhere)."""
    return model.objects.filter(pk=pk).first()


def sector_categories(*, sector: Sector) -> QuerySet[Category]:
    """The categories a sector is limited to (none: not limited)."""
    return Category.objects.filter(
        pk__in=SectorCategory.objects.filter(sector=sector).values("category_id")
    )


def bulk_audience_counts(
    *, actor: Member, filters: CustomerFilters, channel: str
) -> dict[str, int]:
    """How many customers the filter holds, how many messages would go and how many customers
    would be skipped (no consenting mobile, or no e-mail): a few COUNTs, whatever the size."""
    customers = _filtered(actor, filters).order_by()
    total = customers.count()
    if channel == "sms":
        reachable = Contact.objects.filter(customer__in=customers.values("pk")).filter(
            _sms_reachable()
        )
        reached = customers.filter(Exists(reachable.filter(customer=OuterRef("pk")))).count()
        return {"customers": total, "messages": reachable.count(), "skipped": total - reached}
    reached = customers.filter(_email_reachable()).count()
    return {"customers": total, "messages": reached, "skipped": total - reached}


def _sms_reachable() -> Q:
    return Q(sms_consent=True) & ~Q(mobile="")


def _email_reachable() -> Q:
    with_email = Contact.objects.filter(customer=OuterRef("pk")).exclude(email="")
    return ~Q(email="") | Q(Exists(with_email))


def bulk_audience(
    *, actor: Member, filters: CustomerFilters, channel: str, chunk_size: int = 1000
) -> Iterator[tuple[Customer, list[Contact]]]:
    """Every customer of the filter with the contacts a message could go to (consenting mobiles
    for SMS; contacts with an e-mail otherwise), read in chunks: two queries per chunk."""
    customers = _filtered(actor, filters).order_by("pk").select_related(None)
    condition = _sms_reachable() if channel == "sms" else ~Q(email="")
    chunk: list[Customer] = []
    for customer in customers.iterator(chunk_size=chunk_size):
        chunk.append(customer)
        if len(chunk) == chunk_size:
            yield from _with_contacts(chunk, condition)
            chunk = []
    yield from _with_contacts(chunk, condition)


def _with_contacts(
    customers: list[Customer], condition: Q
) -> Iterator[tuple[Customer, list[Contact]]]:
    if not customers:
        return
    by_customer: dict[int, list[Contact]] = {}
    contacts = Contact.objects.filter(condition, customer__in=[c.pk for c in customers])
    for contact in contacts.order_by("customer_id", "name", "pk"):
        by_customer.setdefault(contact.customer_id, []).append(contact)
    for customer in customers:
        yield customer, by_customer.get(customer.pk, [])


def bulk_message_get(*, actor: Member, pk: int) -> BulkMessage:
    """A bulk send: its author sees it, and administrators; anyone else gets the 404 of a
    missing one (the recipients list names customers outside other people's portfolios)."""
    bulks = BulkMessage.objects.all()
    if not actor.is_admin:
        bulks = bulks.filter(created_by=actor)
    return get_object_or_404(bulks, pk=pk)


def bulk_recipients_shown(*, bulk: BulkMessage, limit: int = 200) -> dict[str, list[BulkRecipient]]:
    """The skipped and failed recipients, for the progress page (one query each)."""
    recipients = bulk.recipients.select_related("customer", "contact")
    return {
        "skipped": list(recipients.filter(status=RecipientStatus.SKIPPED)[:limit]),
        "failed": list(recipients.filter(status=RecipientStatus.FAILED)[:limit]),
    }
