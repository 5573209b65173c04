"""The demo organization has tickets an agent can work: every status, every SLA colour."""

import io

import pytest
from django.core.management import call_command

from atende.accounts.models import PortalAccount
from atende.desk.models import Area, ServiceOrder, Ticket, TicketStatus, TimelineEntry
from atende.desk.sla import Sla, organization_today, sla_state
from atende.tenancy.context import activate
from atende.tenancy.models import Organization

pytestmark = pytest.mark.django_db


def test_demo_tickets_cover_statuses_and_sla_states_once():
    call_command("demo_load", stdout=io.StringIO())
    call_command("demo_load", stdout=io.StringIO())

    demo = Organization.objects.get(slug="demo")
    with activate(demo):
        tickets = list(Ticket.objects.all())
        today = organization_today(demo)
        states = {sla_state(due_on=t.due_on, is_closed=t.is_closed, today=today) for t in tickets}
        typed = [t for t in tickets if t.request_type_id]
        assert len(tickets) - len(typed) == 300
        assert len(typed) == 4  # the portal's demo requests, at several stages
        assert {t.request_type.name for t in typed} == {
            "Solicitação de serviço",
            "Alteração cadastral",
        }
        assert {t.status for t in typed} >= {"waiting", "resolving", "done"}
        assert PortalAccount.objects.filter(is_active=True).count() == 2
        assert {t.status for t in tickets} == set(TicketStatus.values)
        assert {Sla.OVERDUE, Sla.TODAY, Sla.TOMORROW, Sla.ON_TIME, Sla.NONE} <= states
        assert sorted(Area.objects.values_list("name", flat=True)) == [
            "Comercial",
            "Financeiro",
            "Suporte",
        ]
        assert TimelineEntry.objects.filter(kind="reply").count() > 100
        assert sorted(t.number for t in tickets) == list(range(1, 305))
        orders = list(ServiceOrder.objects.select_related("ticket"))
        assert [order.number for order in orders] == list(range(1, 9))
        assert {order.status for order in orders} == {"open", "in_progress", "done", "cancelled"}
        assert all(order.total == order.subtotal - order.discount for order in orders)
        assert all(order.ticket.customer_id == order.customer_id for order in orders)
