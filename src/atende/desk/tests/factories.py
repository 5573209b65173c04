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
