"""The customer page's Atendimentos tab (C12): the customer's tickets by status and period."""

from atende.customers.tabs import CustomerTab, register_customer_tab
from atende.desk.permissions import DeskPerm


def _tickets(request, customer) -> dict:
    from atende.desk.models import TicketStatus
    from atende.desk.selectors import TicketFilters, customer_ticket_summary, ticket_queue

    status = request.GET.get("situacao", "")
    filters = TicketFilters(
        scope="all",
        customer_number=customer.number,
        statuses=(status,) if status in TicketStatus.values else (),
        sort="-updated",
    )
    page = ticket_queue(actor=request.member, filters=filters, cursor=request.GET.get("cursor"))
    summary = customer_ticket_summary(actor=request.member, customer=customer)
    buckets = [(value, label, summary.get(value, 0)) for value, label in TicketStatus.choices]
    return {"page": page, "buckets": buckets, "status": status}


register_customer_tab(
    CustomerTab(
        "atendimentos",
        "Atendimentos",
        "desk/customer_tab.html",
        _tickets,
        order=50,
        permission=DeskPerm.VIEW,
    )
)
