"""The customer page's Financeiro tab (C12, B6): the statement — open, overdue, paid, credit
and balance — and the customer's invoices with their boletos."""

from atende.billing.permissions import BillingPerm
from atende.customers.tabs import CustomerTab, register_customer_tab


def _financial(request, customer) -> dict:
    from atende.billing.selectors import customer_statement
    from atende.billing.selectors_plans import visible_subscriptions

    statement = customer_statement(
        actor=request.member, customer=customer, cursor=request.GET.get("cursor")
    )
    subscriptions = (
        visible_subscriptions(request.member)
        .filter(customer=customer)
        .select_related("plan")
        .order_by("-number")[:20]
    )
    return {"statement": statement, "page": statement.page, "subscriptions": list(subscriptions)}


register_customer_tab(
    CustomerTab(
        "financeiro",
        "Financeiro",
        "billing/customer_tab.html",
        _financial,
        order=60,
        permission=BillingPerm.VIEW,
    )
)
