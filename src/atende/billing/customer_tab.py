"""The customer page's Financeiro tab (C12, B6): the statement — open, overdue, paid, credit
and balance — and the customer's invoices with their boletos."""

from atende.billing.permissions import BillingPerm
from atende.customers.tabs import CustomerTab, register_customer_tab


def _financial(request, customer) -> dict:
    from atende.billing.selectors import customer_statement

    statement = customer_statement(
        actor=request.member, customer=customer, cursor=request.GET.get("cursor")
    )
    return {"statement": statement, "page": statement.page}


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
