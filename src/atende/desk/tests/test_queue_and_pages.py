"""The agent's pages: queue (scopes, filters, search, sorting, bulk), ticket page, SLA colours."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from atende.customers.tests.factories import CustomerFactory
from atende.desk.models import AreaResource, Ticket, TimelineEntry
from atende.desk.selectors import TicketFilters, ticket_queue
from atende.desk.sla import Sla, organization_today, sla_state
from atende.desk.tests.factories import AreaFactory, TicketFactory
from atende.tenancy.urls import org_reverse

pytestmark = pytest.mark.django_db


@pytest.fixture
def support(organization, admin_member):
    area = AreaFactory(organization=organization, name="Suporte", is_default=True)
    AreaResource.objects.create(area=area, member=admin_member)
    return area


def queue_url(organization, **params) -> str:
    from urllib.parse import urlencode

    url = org_reverse("desk:queue", organization=organization)
    return f"{url}?{urlencode(params)}" if params else url


def test_sla_colours_around_midnight_in_the_organizations_time_zone(organization):
    # 23:30 in São Paulo is already 02:30 of the next day in UTC: the day is São Paulo's.
    late_evening = datetime(2026, 3, 10, 23, 30, tzinfo=ZoneInfo("America/Sao_Paulo"))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("django.utils.timezone.now", lambda: late_evening)
        today = organization_today(organization)
    assert today == date(2026, 3, 10)
    assert sla_state(due_on=date(2026, 3, 9), is_closed=False, today=today) == Sla.OVERDUE
    assert sla_state(due_on=date(2026, 3, 10), is_closed=False, today=today) == Sla.TODAY
    assert sla_state(due_on=date(2026, 3, 11), is_closed=False, today=today) == Sla.TOMORROW
    assert sla_state(due_on=date(2026, 3, 12), is_closed=False, today=today) == Sla.ON_TIME
    assert sla_state(due_on=None, is_closed=False, today=today) == Sla.ON_TIME
    assert sla_state(due_on=date(2026, 3, 9), is_closed=True, today=today) == Sla.NONE

    organization.time_zone = "America/Rio_Branco"  # two hours behind São Paulo
    just_after_midnight = datetime(2026, 3, 11, 1, 0, tzinfo=ZoneInfo("America/Sao_Paulo"))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("django.utils.timezone.now", lambda: just_after_midnight)
        assert organization_today(organization) == date(2026, 3, 10)


def test_queue_filters_by_sla_state(admin_member, support, organization):
    today = organization_today(organization)
    late = TicketFactory(organization=organization, area=support, due_on=today - timedelta(1))
    TicketFactory(organization=organization, area=support, due_on=today)
    TicketFactory(
        organization=organization, area=support, due_on=today - timedelta(3), status="done"
    )

    page = ticket_queue(actor=admin_member, filters=TicketFilters(scope="open", sla="overdue"))

    assert [ticket.pk for ticket in page.items] == [late.pk]


def test_scopes_mine_areas_unassigned(admin_member, member, support, organization):
    other_area = AreaFactory(organization=organization, name="Financeiro")
    mine = TicketFactory(organization=organization, area=support, assignee=admin_member)
    in_my_area = TicketFactory(organization=organization, area=support)
    elsewhere = TicketFactory(organization=organization, area=other_area)

    def numbers(scope):
        page = ticket_queue(actor=admin_member, filters=TicketFilters(scope=scope, sort="number"))
        return [ticket.number for ticket in page.items]

    assert numbers("mine") == [mine.number]
    assert numbers("areas") == [mine.number, in_my_area.number]
    assert numbers("unassigned") == [in_my_area.number, elsewhere.number]


def test_search_by_words_in_any_order_accents_ignored(admin_member, support, organization):
    customer = CustomerFactory(organization=organization, name="João Cardoso Lima")
    found = TicketFactory(organization=organization, area=support, customer=customer)
    TicketFactory(organization=organization, area=support, title="Outro assunto")
    from atende.desk.services.tickets import ticket_refresh_search

    ticket_refresh_search(found)

    def search(query):
        page = ticket_queue(actor=admin_member, filters=TicketFilters(scope="all", search=query))
        return [ticket.pk for ticket in page.items]

    assert search("lima joao") == [found.pk]
    assert search("JOÃO") == [found.pk]
    assert search(str(found.number)) == [found.pk]
    assert search(f"#{found.number}") == [found.pk]
    assert search(customer.document[:6]) == [found.pk]


def test_queue_page_queries_do_not_grow_with_rows(
    client_as, admin_member, support, organization, django_assert_num_queries
):
    client = client_as(admin_member)
    TicketFactory(organization=organization, area=support, assignee=admin_member)
    # session, user, organization, member, tickets page, the tabs' three capped counts in one
    # statement (the member's areas a sub-select of it: 11, was 12 with the areas read first),
    # saved filters, switcher organizations, area choices, assignee choices (filter and bulk)
    with django_assert_num_queries(11):
        assert client.get(queue_url(organization)).status_code == 200
    for _ in range(60):
        TicketFactory(organization=organization, area=support, assignee=admin_member)
    with django_assert_num_queries(11):
        response = client.get(queue_url(organization))
    assert len(response.context["page"].items) == 50
    assert response.context["page"].next_cursor


def test_ticket_page_queries_are_fixed(
    client_as, admin_member, support, organization, django_assert_num_queries
):
    ticket = TicketFactory(organization=organization, area=support)
    for index in range(5):
        TimelineEntry.objects.create(ticket=ticket, kind="note", body=f"Nota {index}")
    url = org_reverse("desk:ticket", organization=organization, number=ticket.number)
    client = client_as(admin_member)
    # session, user, organization, member, ticket, timeline, its attachments, opening
    # attachments, time totals, time entries, service orders, area choices, assignee
    # choices, switcher
    with django_assert_num_queries(14):
        response = client.get(url)
    assert response.status_code == 200
    assert response.content.decode().count('class="entry entry-note"') == 5


def test_an_agent_works_a_ticket_end_to_end(client_as, admin_member, support, organization):
    client = client_as(admin_member)
    created = client.post(
        org_reverse("desk:create", organization=organization),
        {"title": "Roteador não liga", "area": support.pk, "priority": "1", "channel": "phone"},
    )
    ticket = Ticket.objects.get()
    assert created["Location"] == org_reverse("desk:ticket", organization=organization, number=1)

    client.post(
        org_reverse("desk:ticket_change", organization=organization, number=1),
        {"status": "resolving", "area": support.pk, "assignee": admin_member.pk, "priority": "1"},
    )
    client.post(
        org_reverse("desk:ticket_comment", organization=organization, number=1),
        {"kind": "note", "body": "Troca agendada.", "status": "done"},
    )
    client.post(
        org_reverse("desk:ticket_time", organization=organization, number=1),
        {"hours": "0", "minutes": "40", "note": "Visita"},
    )
    ticket.refresh_from_db()
    page = client.get(org_reverse("desk:ticket", organization=organization, number=1))

    assert (ticket.status, ticket.assignee, ticket.priority) == ("done", admin_member, 1)
    body = page.content.decode()
    assert "Troca agendada." in body
    assert "40 min" in body
    assert "Em resolução" in body  # the change entry


def test_a_refused_comment_shows_the_error_and_writes_nothing(
    client_as, admin_member, support, organization
):
    ticket = TicketFactory(organization=organization, area=support)
    url = org_reverse("desk:ticket_comment", organization=organization, number=ticket.number)

    response = client_as(admin_member).post(url, {"kind": "reply", "body": ""})

    assert response.status_code == 400
    assert "Escreva o texto." in response.content.decode()
    assert TimelineEntry.objects.count() == 0


def test_bulk_change_moves_the_chosen_tickets(client_as, admin_member, support, organization):
    first = TicketFactory(organization=organization, area=support)
    second = TicketFactory(organization=organization, area=support)
    untouched = TicketFactory(organization=organization, area=support)

    client_as(admin_member).post(
        org_reverse("desk:bulk", organization=organization),
        {"lote-numbers": [first.number, second.number], "lote-status": "waiting"},
    )

    statuses = dict(Ticket.objects.values_list("number", "status"))
    assert statuses == {
        first.number: "waiting",
        second.number: "waiting",
        untouched.number: "pending",
    }
