"""The customer page's tabs from the desk: Atendimentos (C12, the customer's tickets by status)
and Ordens de serviço (D8, the customer's service orders, newest first)."""

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


def _service_orders(request, customer) -> dict:
    from atende.desk.selectors import customer_service_orders

    page = customer_service_orders(
        actor=request.member, customer=customer, cursor=request.GET.get("cursor")
    )
    return {"page": page}


register_customer_tab(
    CustomerTab(
        "ordens-de-servico",
        "Ordens de serviço",
        "desk/customer_service_orders_tab.html",
        _service_orders,
        order=55,
        permission=DeskPerm.VIEW,
    )
)
