"""A ticket's opening and changes show on its customer's Histórico, named in Portuguese."""

import pytest

from atende.core.history import history_page
from atende.core.history_format import history_events
from atende.customers.tests.factories import CustomerFactory
from atende.desk.services.tickets import ticket_open
from atende.desk.tests.factories import AreaFactory

pytestmark = pytest.mark.django_db


def test_an_opened_ticket_is_on_the_customers_history(admin_member, organization):
    customer = CustomerFactory(organization=organization)
    other = CustomerFactory(organization=organization)
    AreaFactory(organization=organization, name="Suporte")

    ticket = ticket_open(actor=admin_member, title="Sem internet", customer=customer)

    [opened, created] = history_events(history_page(customer).items, subject=customer)
    assert opened.title == f"Criado · Atendimento: #{ticket.number} Sem internet"
    assert created.title == "Criado"
    labels = [change.label for change in opened.changes]
    assert "Título" in labels
    assert ("", "Normal") in [(change.old, change.new) for change in opened.changes]  # priority 2
    assert "Cliente" not in labels  # the page's own customer says nothing new
    assert [event.title for event in history_events(history_page(other).items)] == ["Criado"]


def test_a_ticket_moved_between_customers_says_from_whom(admin_member, organization):
    first = CustomerFactory(organization=organization, name="Primeiro")
    second = CustomerFactory(organization=organization, name="Segundo")
    AreaFactory(organization=organization, name="Suporte")
    ticket = ticket_open(actor=admin_member, title="Sem internet", customer=first)

    ticket.customer = second
    ticket.save()

    [moved, *_] = history_events(history_page(second).items, subject=second)
    assert [(c.label, c.old, c.new) for c in moved.changes] == [
        ("Cliente", str(first), str(second))
    ]
