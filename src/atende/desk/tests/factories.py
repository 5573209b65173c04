"""Factories of the service desk (every factory takes organization)."""

import factory

from atende.accounts.tests.factories import TenantFactory
from atende.desk.models import Area, AreaResource, Ticket, TimelineEntry
from atende.tenancy.sequences import next_number


class AreaFactory(TenantFactory):
    class Meta:
        model = Area
        django_get_or_create = ("organization", "name")

    name = "Suporte"
    email = "suporte@example.com"


class AreaResourceFactory(TenantFactory):
    class Meta:
        model = AreaResource


class TicketFactory(TenantFactory):
    class Meta:
        model = Ticket

    title = factory.Sequence(lambda n: f"Internet lenta {n}")
    description = "A conexão cai à noite."
    area = factory.SubFactory(AreaFactory, organization=factory.SelfAttribute("..organization"))

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        from atende.desk.services.tickets import ticket_search_text
        from atende.tenancy.context import activate

        with activate(kwargs["organization"]):
            kwargs.setdefault("number", next_number("ticket"))
            ticket = super()._create(model_class, *args, **kwargs)
            Ticket.objects.filter(pk=ticket.pk).update(search_text=ticket_search_text(ticket))
            return ticket


class TimelineEntryFactory(TenantFactory):
    class Meta:
        model = TimelineEntry

    ticket = factory.SubFactory(TicketFactory, organization=factory.SelfAttribute("..organization"))
    kind = "note"
    body = "Cliente reiniciou o roteador."


def typed_request(organization, *, at_company_stage: bool = True) -> Ticket:
    """A "Solicitação de serviço" opened by a staff administrator for a new customer, moved to
    the company's analysis stage (or left at the customer's first stage)."""
    from atende.accounts.tests.factories import MemberFactory
    from atende.customers.tests.factories import ContactFactory
    from atende.desk.services.requests import request_move, request_open
    from atende.tenancy.context import activate
    from atende.workflow.models import RequestType
    from atende.workflow.tests.factories import service_request_type

    with activate(organization):
        area = AreaFactory(organization=organization)
        staff = MemberFactory(organization=organization, is_admin=True)
        AreaResource.objects.get_or_create(area=area, member=staff)
        request_type = RequestType.objects.filter(name="Solicitação de serviço").first()
        request_type = request_type or service_request_type(organization, area=area)
        contact = ContactFactory(organization=organization)
        ticket = request_open(
            actor=staff,
            request_type=request_type,
            title="Instalar ponto de rede",
            customer=contact.customer,
            contact=contact,
            values={"endereco": "Rua das Flores, 12"},
        )
        if at_company_stage:
            request_move(actor=staff, ticket=ticket, move="forward")
        return ticket


def service_order(organization, *, ticket: Ticket | None = None, items=None, **fields):
    """A service order issued through the service by an administrator of `organization`, for a
    new ticket of a new customer unless `ticket` is given (one R$ 120,00 visit by default)."""
    from decimal import Decimal

    from atende.accounts.tests.factories import MemberFactory
    from atende.customers.tests.factories import CustomerFactory
    from atende.desk.services.service_orders import ItemInput, service_order_create
    from atende.tenancy.context import activate

    with activate(organization):
        staff = MemberFactory(organization=organization, is_admin=True)
        if ticket is None:
            customer = CustomerFactory(organization=organization, street="Rua das Flores")
            ticket = TicketFactory(organization=organization, customer=customer)
        if items is None:
            items = [ItemInput("Visita técnica", Decimal("1"), Decimal("120.00"))]
        return service_order_create(actor=staff, ticket=ticket, items=items, **fields)
