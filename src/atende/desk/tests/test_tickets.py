"""Tickets: opening, changing fields with a timeline entry, replies and notes, time entries."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied

from atende.accounts.tests.factories import MemberFactory
from atende.core.errors import DomainError
from atende.customers.tests.factories import ContactFactory, CustomerFactory
from atende.desk.models import AreaResource, EntryKind, Ticket, TimelineEntry
from atende.desk.selectors import ticket_time_totals
from atende.desk.services.areas import area_save
from atende.desk.services.tickets import ticket_change, ticket_note, ticket_open, ticket_reply
from atende.desk.services.work import time_entry_add
from atende.desk.tests.factories import AreaFactory, TicketFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def support(organization, admin_member):
    area = AreaFactory(organization=organization, name="Suporte", is_default=True)
    AreaResource.objects.create(area=area, member=admin_member)
    return area


def test_opening_numbers_tickets_per_organization_and_uses_the_default_area(
    admin_member, support, organization
):
    customer = CustomerFactory(organization=organization, name="Padaria Pão Quente")
    contact = ContactFactory(organization=organization, customer=customer, name="Rita")

    first = ticket_open(
        actor=admin_member, title="Sem internet", customer=customer, contact=contact
    )
    second = ticket_open(actor=admin_member, title="Boleto em dobro")

    assert (first.number, second.number) == (1, 2)
    assert first.area == support
    assert "padaria pao quente" in first.search_text
    assert "sem internet" in first.search_text


def test_the_assignee_must_serve_the_area(admin_member, support, organization):
    outsider = MemberFactory(organization=organization)
    with pytest.raises(DomainError, match="não atende a área Suporte") as refused:
        ticket_open(actor=admin_member, title="X", area=support, assignee=outsider)
    assert refused.value.field == "assignee"
    assert Ticket.objects.count() == 0


def test_a_contact_of_another_customer_is_refused(admin_member, support, organization):
    mine = CustomerFactory(organization=organization)
    theirs = ContactFactory(organization=organization)
    with pytest.raises(DomainError, match="não é deste cliente"):
        ticket_open(actor=admin_member, title="X", customer=mine, contact=theirs)


def test_each_change_is_one_timeline_entry_with_old_and_new(admin_member, support, organization):
    billing = AreaFactory(organization=organization, name="Financeiro")
    ticket = TicketFactory(organization=organization, area=support, assignee=admin_member)

    entry = ticket_change(
        actor=admin_member,
        ticket=ticket,
        status="resolving",
        priority=1,
        due_on=date(2030, 5, 31),
        area=billing,
    )

    assert entry.kind == EntryKind.CHANGE
    assert entry.is_public is False
    assert entry.changes == [
        {"field": "status", "label": "Situação", "old": "Pendente", "new": "Em resolução"},
        {"field": "area", "label": "Área", "old": "Suporte", "new": "Financeiro"},
        # The assignee does not serve Financeiro: the ticket becomes unassigned.
        {"field": "assignee", "label": "Responsável", "old": "Ana Admin", "new": "—"},
        {"field": "priority", "label": "Prioridade", "old": "Normal", "new": "Alta"},
        {"field": "due_on", "label": "Previsão", "old": "—", "new": "31/05/2030"},
    ]
    assert ticket_change(actor=admin_member, ticket=ticket, priority=1) is None  # nothing new


def test_closing_records_when_and_reopening_clears_it(admin_member, support, organization):
    ticket = TicketFactory(organization=organization, area=support)
    ticket_change(actor=admin_member, ticket=ticket, status="done")
    assert Ticket.objects.get(pk=ticket.pk).closed_at is not None
    ticket_change(actor=admin_member, ticket=ticket, status="pending")
    assert Ticket.objects.get(pk=ticket.pk).closed_at is None


def test_a_reply_is_public_and_e_mailed_a_note_is_neither(
    admin_member, support, organization, mailoutbox, django_capture_on_commit_callbacks
):
    customer = CustomerFactory(organization=organization)
    contact = ContactFactory(organization=organization, customer=customer, email="rita@x.com")
    ticket = TicketFactory(
        organization=organization, area=support, customer=customer, contact=contact
    )

    with django_capture_on_commit_callbacks(execute=True):
        note = ticket_note(actor=admin_member, ticket=ticket, body="Cliente é **difícil**.")
        reply = ticket_reply(actor=admin_member, ticket=ticket, body="Técnico vai amanhã.")

    assert (note.is_public, reply.is_public) == (False, True)
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["rita@x.com"]
    assert mailoutbox[0].subject == f"[#{ticket.number}] {ticket.title}"
    assert "Técnico vai amanhã." in mailoutbox[0].body
    assert "difícil" not in mailoutbox[0].body
    assert "tecnico vai amanha" in Ticket.objects.get(pk=ticket.pk).search_text


def test_a_reply_can_change_the_status_in_the_same_write(admin_member, support, organization):
    ticket = TicketFactory(organization=organization, area=support)
    ticket_note(actor=admin_member, ticket=ticket, body="Resolvido.", changes={"status": "done"})
    assert Ticket.objects.get(pk=ticket.pk).status == "done"
    assert list(TimelineEntry.objects.values_list("kind", flat=True).order_by("pk")) == [
        "note",
        "change",
    ]


def test_an_empty_reply_writes_nothing(admin_member, support, organization):
    ticket = TicketFactory(organization=organization, area=support)
    with pytest.raises(DomainError, match="Escreva o texto"):
        ticket_reply(actor=admin_member, ticket=ticket, body="   ")
    assert TimelineEntry.objects.count() == 0


def test_time_is_totalled_per_ticket_and_per_member(admin_member, support, organization):
    colleague = MemberFactory(organization=organization, user__full_name="Carla Técnica")
    colleague.is_admin = True
    colleague.save()
    ticket = TicketFactory(organization=organization, area=support)
    time_entry_add(actor=admin_member, ticket=ticket, hours=1, minutes=30, note="Análise")
    time_entry_add(actor=colleague, ticket=ticket, minutes=45)
    time_entry_add(actor=admin_member, ticket=ticket, minutes=15)

    totals = ticket_time_totals(ticket=ticket)

    assert totals.minutes == 150
    assert totals.per_member == [("Ana Admin", 105), ("Carla Técnica", 45)]
    with pytest.raises(DomainError, match="entre 1 minuto e 24 horas"):
        time_entry_add(actor=admin_member, ticket=ticket, hours=25)


def test_a_member_without_the_desk_permission_cannot_open(member, support):
    with pytest.raises(PermissionDenied):
        ticket_open(actor=member, title="X")


def test_areas_keep_one_default_and_their_resources(admin_member, organization):
    ana = admin_member
    bia = MemberFactory(organization=organization)
    support = area_save(actor=ana, area=None, name="Suporte", is_default=True, resources=[ana, bia])
    billing = area_save(actor=ana, area=None, name="Financeiro", is_default=True, resources=[bia])

    support.refresh_from_db()
    assert (support.is_default, billing.is_default) == (False, True)
    assert set(AreaResource.objects.filter(area=support).values_list("member_id", flat=True)) == {
        ana.pk,
        bia.pk,
    }
    area_save(actor=ana, area=support, name="Suporte", resources=[ana])
    assert list(AreaResource.objects.filter(area=support).values_list("member_id", flat=True)) == [
        ana.pk
    ]
