"""Typed requests (W1–W4): stages, moves, field rules on the server, stage history, the
understanding the customer approves or rejects — for staff and portal actors alike."""

import pytest
from django.core.exceptions import PermissionDenied

from atende.accounts.models import PortalAccount
from atende.core.errors import DomainError, InvalidFields
from atende.customers.tests.factories import ContactFactory, CustomerFactory
from atende.desk.models import AreaResource, StagePassage, Ticket, TimelineEntry
from atende.desk.services.requests import (
    customer_message,
    request_fields_update,
    request_move,
    request_open,
    understanding_decide,
    understanding_write,
)
from atende.desk.tests.factories import AreaFactory
from atende.workflow.engine import Move, allowed_moves
from atende.workflow.tests.factories import service_request_type

pytestmark = pytest.mark.django_db


@pytest.fixture
def support(organization, admin_member):
    area = AreaFactory(organization=organization, name="Suporte", is_default=True)
    AreaResource.objects.create(area=area, member=admin_member)
    return area


@pytest.fixture
def service(organization, support, admin_member):
    return service_request_type(organization, area=support, attendant=admin_member)


@pytest.fixture
def portal_account(organization):
    customer = CustomerFactory(organization=organization, name="Padaria Pão Quente")
    contact = ContactFactory(organization=organization, customer=customer, name="Rita Souza")
    return PortalAccount.objects.create(contact=contact, email=contact.email, password="x")


def stages(request_type):
    return {stage.position: stage for stage in request_type.stages.all()}


def test_the_portal_opens_a_request_in_the_first_stage(portal_account, service, admin_member):
    ticket = request_open(
        actor=portal_account,
        request_type=service,
        title="Trocar roteador",
        values={"endereco": "Rua A, 10", "horario": "Manhã"},
    )

    assert ticket.stage == stages(service)[1]
    assert (ticket.status, ticket.channel) == ("waiting", "portal")  # the customer's stage
    assert ticket.customer == portal_account.contact.customer
    assert ticket.contact == portal_account.contact
    assert ticket.assignee == admin_member  # the type's default attendant
    assert ticket.field_values == {"endereco": "Rua A, 10", "horario": "Manhã"}
    assert StagePassage.objects.get().stage == stages(service)[1]


def test_without_a_type_attendant_the_organizations_default_receives_it(
    organization, portal_account, support, admin_member
):
    from atende.accounts.tests.factories import MemberFactory
    from atende.workflow.models import RequestSettings

    nobodys = service_request_type(organization, area=support)
    attendant = MemberFactory(organization=organization)
    RequestSettings.objects.create(default_attendant=attendant)
    values = {"endereco": "Rua A, 10"}

    ticket = request_open(actor=portal_account, request_type=nobodys, title="X", values=values)
    assert ticket.assignee == attendant

    attendant.is_active = False  # someone who left receives nothing
    attendant.save()
    ticket = request_open(actor=portal_account, request_type=nobodys, title="Y", values=values)
    assert ticket.assignee is None


def test_a_required_field_left_empty_refuses_the_request(portal_account, service):
    with pytest.raises(InvalidFields) as refused:
        request_open(actor=portal_account, request_type=service, title="X", values={})
    assert refused.value.errors == {"endereco": ["Endereço da visita: obrigatório nesta etapa."]}
    assert Ticket.objects.count() == 0


def test_a_hidden_or_read_only_field_posted_is_refused_naming_it(portal_account, service):
    with pytest.raises(InvalidFields) as refused:
        request_open(
            actor=portal_account,
            request_type=service,
            title="X",
            values={"endereco": "Rua A", "data": "2030-01-10"},
        )
    assert refused.value.errors == {"data": ["Data agendada: não pode ser alterado nesta etapa."]}


def test_moves_follow_the_stage_and_record_the_passage(
    portal_account, service, admin_member, mailoutbox, django_capture_on_commit_callbacks
):
    ticket = request_open(
        actor=portal_account, request_type=service, title="X", values={"endereco": "Rua A"}
    )
    request_move(actor=portal_account, ticket=ticket, move="forward")
    ticket.refresh_from_db()
    assert (ticket.stage.name, ticket.status) == ("Análise", "resolving")

    # The customer may not act when it is the company's turn.
    with pytest.raises(DomainError, match="vez da empresa"):
        request_fields_update(actor=portal_account, ticket=ticket, values={"horario": "Tarde"})
    # A read-only field changed by staff is refused too, on the server.
    with pytest.raises(InvalidFields, match="não pode ser alterado"):
        request_fields_update(actor=admin_member, ticket=ticket, values={"endereco": "Rua B"})
    # Concluding is not a way out of "Análise".
    assert allowed_moves(ticket.stage) == [Move.FORWARD, Move.BACK, Move.CANCEL]
    with pytest.raises(DomainError, match="não permite esta ação"):
        request_move(actor=admin_member, ticket=ticket, move="conclude")

    passages = list(StagePassage.objects.order_by("entered_at", "pk"))
    assert [(p.stage.name, p.outcome) for p in passages] == [
        ("Descrição do cliente", "forward"),
        ("Análise", ""),
    ]
    assert passages[0].left_by == "Rita Souza"


def test_the_understanding_approved_moves_on_rejected_goes_back(
    portal_account, service, admin_member
):
    ticket = request_open(
        actor=portal_account, request_type=service, title="X", values={"endereco": "Rua A"}
    )
    request_move(actor=portal_account, ticket=ticket, move="forward")
    understanding_write(actor=admin_member, ticket=ticket, text="Trocar o roteador da sala.")
    ticket.refresh_from_db()
    assert (ticket.understanding_state, ticket.status) == ("pending", "waiting")

    with pytest.raises(DomainError, match="Diga o que não está certo"):
        understanding_decide(actor=portal_account, ticket=ticket, approve=False)
    understanding_decide(
        actor=portal_account, ticket=ticket, approve=False, reason="É o do quarto."
    )
    ticket.refresh_from_db()
    assert ticket.stage.name == "Descrição do cliente"  # the type's rejection stage

    request_move(actor=portal_account, ticket=ticket, move="forward")
    understanding_write(actor=admin_member, ticket=ticket, text="Trocar o roteador do quarto.")
    understanding_decide(actor=portal_account, ticket=ticket, approve=True)
    ticket.refresh_from_db()
    assert (ticket.stage.name, ticket.understanding_state) == ("Execução", "approved")

    # Concluding needs the date required at "Execução".
    with pytest.raises(InvalidFields, match="Data agendada: obrigatório"):
        request_move(actor=admin_member, ticket=ticket, move="conclude")
    request_move(actor=admin_member, ticket=ticket, move="conclude", values={"data": "15/01/2030"})
    ticket.refresh_from_db()
    assert (ticket.status, ticket.field_values["data"]) == ("done", "2030-01-15")
    with pytest.raises(DomainError, match="encerrada"):
        customer_message(actor=portal_account, ticket=ticket, body="Obrigada!")


def test_the_customer_cancels_only_on_their_turn_and_with_a_reason(portal_account, service):
    ticket = request_open(
        actor=portal_account, request_type=service, title="X", values={"endereco": "Rua A"}
    )
    with pytest.raises(DomainError, match="Diga por que cancela"):
        request_move(actor=portal_account, ticket=ticket, move="cancel")
    request_move(actor=portal_account, ticket=ticket, move="forward")
    with pytest.raises(DomainError, match="vez da empresa"):
        request_move(actor=portal_account, ticket=ticket, move="cancel", reason="Engano")
    assert Ticket.objects.get(pk=ticket.pk).status == "resolving"


def test_another_customers_account_cannot_touch_the_request(portal_account, service, organization):
    ticket = request_open(
        actor=portal_account, request_type=service, title="X", values={"endereco": "Rua A"}
    )
    stranger_contact = ContactFactory(organization=organization)
    stranger = PortalAccount.objects.create(
        contact=stranger_contact, email=stranger_contact.email, password="x"
    )
    with pytest.raises(PermissionDenied):
        customer_message(actor=stranger, ticket=ticket, body="Oi")
    assert TimelineEntry.objects.filter(kind="customer").count() == 0


def test_the_discussion_stays_open_on_the_companys_turn(portal_account, service):
    ticket = request_open(
        actor=portal_account, request_type=service, title="X", values={"endereco": "Rua A"}
    )
    request_move(actor=portal_account, ticket=ticket, move="forward")
    entry = customer_message(actor=portal_account, ticket=ticket, body="Posso enviar fotos?")
    assert (entry.kind, entry.is_public, entry.author_name) == ("customer", True, "Rita Souza")
