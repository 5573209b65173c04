"""Desk permissions and the record rule: a ticket of a customer follows that customer's rules
(portfolio, sector categories); a ticket without a customer is seen by whoever sees the desk."""

from enum import StrEnum

import rules

from atende.accounts.permissions import module_permission
from atende.customers.permissions import can_see_customer
from atende.tenancy.models import Member


class DeskPerm(StrEnum):
    VIEW = "desk.view_ticket"
    ADD = "desk.add_ticket"
    CHANGE = "desk.change_ticket"  # reply, note, change fields, time entries
    DELETE = "desk.delete_ticket"
    MANAGE_AREAS = "desk.change_area"


@rules.predicate
def can_see_ticket(member: Member, ticket) -> bool:
    if ticket is None or ticket.customer_id is None:
        return True
    return can_see_customer(member, ticket.customer)


for _codename in (DeskPerm.VIEW, DeskPerm.ADD, DeskPerm.CHANGE, DeskPerm.DELETE):
    rules.add_perm(_codename, module_permission(_codename) & can_see_ticket)
rules.add_perm(DeskPerm.MANAGE_AREAS, module_permission(DeskPerm.MANAGE_AREAS))
