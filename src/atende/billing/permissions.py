"""Billing permissions and the record rule: an invoice (and its boletos, payments and
subscriptions) follows its customer's rules (portfolio, sector categories)."""

from enum import StrEnum

import rules

from atende.accounts.permissions import module_permission
from atende.customers.permissions import can_see_customer
from atende.tenancy.models import Member


class BillingPerm(StrEnum):
    VIEW = "billing.view_invoice"
    ADD = "billing.add_invoice"  # invoices, boletos, batches, subscriptions
    CHANGE = "billing.change_invoice"  # settle, undo, cancel, upload return files
    DELETE = "billing.delete_invoice"
    MANAGE_ACCOUNTS = "billing.change_bankaccount"
    MANAGE_PLANS = "billing.change_plan"


@rules.predicate
def can_see_invoice_customer(member: Member, record) -> bool:
    """`record` is an invoice, a subscription or a customer; None = the module alone."""
    if record is None:
        return True
    customer = getattr(record, "customer", record)
    return can_see_customer(member, customer)


for _codename in (BillingPerm.VIEW, BillingPerm.ADD, BillingPerm.CHANGE, BillingPerm.DELETE):
    rules.add_perm(_codename, module_permission(_codename) & can_see_invoice_customer)
rules.add_perm(BillingPerm.MANAGE_ACCOUNTS, module_permission(BillingPerm.MANAGE_ACCOUNTS))
rules.add_perm(BillingPerm.MANAGE_PLANS, module_permission(BillingPerm.MANAGE_PLANS))
