"""The typed-request panel of the ticket page, as an agent uses it: fields under the stage's
rules, moves, the understanding, the stage history; the status follows the flow; only an
administrator deletes a request."""

import pytest

from atende.accounts.modules import module_permissions
from atende.accounts.tests.factories import MemberFactory, SectorFactory
from atende.desk.models import AreaResource, StagePassage, Ticket
from atende.desk.services.requests import request_move, request_open
from atende.desk.tests.factories import AreaFactory
from atende.portal.tests.isolation import portal_account_for
from atende.tenancy.urls import org_reverse
from atende.workflow.tests.factories import service_request_type

pytestmark = pytest.mark.django_db


@pytest.fixture
def at_analysis(organization, admin_member):
    area = AreaFactory(organization=organization, name="Suporte", is_default=True)
    AreaResource.objects.create(area=area, member=admin_member)
    service = service_request_type(organization, area=area, attendant=admin_member)
    account = portal_account_for(organization, email="rita@padaria.example")
    ticket = request_open(
        actor=account, request_type=service, title="Trocar roteador",
        values={"endereco": "Rua A, 10", "horario": "Manhã"},
    )  # fmt: skip
    request_move(actor=account, ticket=ticket, move="forward")
    return ticket


def url(organization, name, ticket):
    return org_reverse(f"desk:{name}", organization=organization, number=ticket.number)


def test_the_ticket_page_shows_the_stage_its_fields_and_history(
    organization, admin_member, client_as, at_analysis, django_assert_num_queries
):
    client = client_as(admin_member)

    # The plain ticket page (14) + the stage, its rules, the fields and the stage history.
    with django_assert_num_queries(18):
        response = client.get(url(organization, "ticket", at_analysis))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Análise" in page
    assert "Descrição do cliente" in page  # the stage history
    assert "Rua A, 10" in page  # read-only here: shown, not editable
    assert 'name="campo_endereco" cols="40" rows="2" maxlength="2000" disabled' in page
    assert 'name="campo_horario"' in page
    assert "Laudo" not in page  # hidden at this stage
    assert 'value="forward"' in page
    assert 'value="back"' in page


def test_the_agent_saves_a_field_and_moves_the_request(
    organization, admin_member, client_as, at_analysis
):
    client = client_as(admin_member)

    saved = client.post(url(organization, "request_stage", at_analysis), {"campo_horario": "Tarde"})
    moved = client.post(
        url(organization, "request_stage", at_analysis),
        {"campo_horario": "Tarde", "move": "forward"},
    )

    assert saved.status_code == moved.status_code == 302
    ticket = Ticket.objects.get(pk=at_analysis.pk)
    assert (ticket.field_values["horario"], ticket.stage.name) == ("Tarde", "Execução")
    assert StagePassage.objects.filter(ticket=ticket).count() == 3


def test_a_read_only_field_posted_is_refused_naming_it(
    organization, admin_member, client_as, at_analysis
):
    response = client_as(admin_member).post(
        url(organization, "request_stage", at_analysis), {"campo_endereco": "Rua B"}
    )

    assert response.status_code == 400
    assert "Endereço da visita: não pode ser alterado nesta etapa." in response.content.decode()
    assert Ticket.objects.get(pk=at_analysis.pk).field_values["endereco"] == "Rua A, 10"


def test_concluding_without_a_required_field_is_refused(
    organization, admin_member, client_as, at_analysis
):
    client = client_as(admin_member)
    client.post(url(organization, "request_stage", at_analysis), {"move": "forward"})

    response = client.post(url(organization, "request_stage", at_analysis), {"move": "conclude"})

    assert response.status_code == 400
    assert 'id="id_campo_data_error"' in response.content.decode()  # beside "Data agendada"
    assert Ticket.objects.get(pk=at_analysis.pk).stage.name == "Execução"


def test_the_understanding_waits_for_the_customer(
    organization, admin_member, client_as, at_analysis
):
    response = client_as(admin_member).post(
        url(organization, "request_understanding", at_analysis),
        {"text": "Trocar o roteador pela manhã."},
    )

    assert response.status_code == 302
    ticket = Ticket.objects.get(pk=at_analysis.pk)
    assert (ticket.understanding_state, ticket.status) == ("pending", "waiting")


def test_the_status_of_a_typed_request_follows_its_flow(
    organization, admin_member, client_as, at_analysis
):
    response = client_as(admin_member).post(
        url(organization, "ticket_change", at_analysis), {"status": "done"}
    )

    assert Ticket.objects.get(pk=at_analysis.pk).status == "resolving"
    assert response.status_code in {302, 400}


def test_only_an_administrator_deletes_a_request(
    organization, admin_member, client_as, at_analysis
):
    sector = SectorFactory(organization=organization, name="Suporte total")
    sector.permissions.set(
        [perm for perm in module_permissions() if perm.codename.endswith("_ticket")]
    )
    agent = MemberFactory(organization=organization, sector=sector)

    refused = client_as(agent).post(url(organization, "ticket_delete", at_analysis))
    assert refused.status_code == 403
    assert Ticket.objects.filter(pk=at_analysis.pk).exists()

    deleted = client_as(admin_member).post(url(organization, "ticket_delete", at_analysis))
    assert deleted.status_code == 302
    assert not Ticket.objects.filter(pk=at_analysis.pk).exists()
