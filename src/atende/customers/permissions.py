"""Customer permissions and record rules (T4): portfolio owners and sector categories.

The same predicates filter lists, search, the API and exports (`customers_visible_to`) and
check single records (`can_see_customer`), so no path can disagree with another.
"""

from enum import StrEnum

import rules
from django.db.models import QuerySet

from atende.accounts.permissions import module_permission
from atende.customers.models import Customer, SectorCategory
from atende.tenancy.models import Member


class CustomerPerm(StrEnum):
    VIEW = "customers.view_customer"
    ADD = "customers.add_customer"
    CHANGE = "customers.change_customer"
    DELETE = "customers.delete_customer"
    SEND_EMAIL = "customers.send_email_customer"
    SEND_SMS = "customers.send_sms_customer"
    EXPORT = "customers.export_customer"
    MANAGE_SETTINGS = "customers.change_category"


def allowed_category_ids(member: Member) -> list[int] | None:
    """Categories the member's sector is limited to, or None when it is not limited."""
    cached = getattr(member, "_customer_categories", False)
    if cached is not False:
        return cached
    ids = None
    if member.sector_id is not None and not member.is_admin:
        ids = (
            list(
                SectorCategory.objects.filter(sector_id=member.sector_id).values_list(
                    "category_id", flat=True
                )
            )
            or None
        )
    member._customer_categories = ids
    return ids


def customers_visible_to(member: Member, customers: QuerySet[Customer]) -> QuerySet[Customer]:
    """Narrow `customers` to what the member may see (portfolio and sector categories)."""
    if member.is_admin:
        return customers
    if member.only_own_portfolio:
        customers = customers.filter(owner=member)
    category_ids = allowed_category_ids(member)
    if category_ids is not None:
        customers = customers.filter(category_id__in=category_ids)
    return customers


@rules.predicate
def can_see_customer(member: Member, customer: Customer | None) -> bool:
    if customer is None or member.is_admin:
        return True
    if member.only_own_portfolio and customer.owner_id != member.pk:
        return False
    category_ids = allowed_category_ids(member)
    return category_ids is None or customer.category_id in category_ids


for _codename in CustomerPerm:
    rules.add_perm(_codename, module_permission(_codename) & can_see_customer)
