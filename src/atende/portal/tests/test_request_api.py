"""Typed requests through the API, for staff (members' tokens) and customers (portal tokens):
the same rules as the pages — a read-only field sent is refused naming it, the customer only
sends or cancels on their turn, another customer's request does not exist."""

import json

import pytest

from atende.accounts.services.tokens import api_token_create
from atende.desk.models import AreaResource, Ticket
from atende.desk.tests.factories import AreaFactory
from atende.portal.tests.isolation import portal_account_for
from atende.portal.tokens import portal_token_create, portal_token_revoke
from atende.workflow.tests.factories import service_request_type

pytestmark = pytest.mark.django_db


@pytest.fixture
def service(organization, admin_member):
    area = AreaFactory(organization=organization, name="Suporte", is_default=True)
    AreaResource.objects.create(area=area, member=admin_member)
    return service_request_type(organization, area=area, attendant=admin_member)


@pytest.fixture
def customer_account(organization):
    return portal_account_for(organization, email="rita@padaria.example")


def _api(client, token):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"}

    def call(method: str, path: str, body: dict | None = None):
        url = f"/api/v1{path}"
        if method == "get":
            return client.get(url, **headers)
        data = json.dumps(body or {})
        return getattr(client, method)(url, data, content_type="application/json", **headers)

    return call


@pytest.fixture
def staff(client, admin_member):
    return _api(client, api_token_create(actor=admin_member, name="ERP")[1])


@pytest.fixture
def customer(client, customer_account):
    return _api(client, portal_token_create(account=customer_account, name="ERP da loja")[1])


def test_a_request_goes_through_its_flow_by_api(staff, customer, service, customer_account):
    types = customer("get", "/portal/request-types").json()
    assert [t["name"] for t in types] == ["Solicitação de serviço"]
    assert types[0]["stages"][0]["rules"]["endereco"] == "required"

    opened = customer("post", "/portal/requests", {
        "request_type_id": service.pk, "title": "Trocar roteador",
        "values": {"endereco": "Rua A, 10", "horario": "Manhã"},
    })  # fmt: skip
    assert opened.status_code == 201, opened.content
    number = opened.json()["number"]
    assert opened.json()["flow"]["moves"] == ["forward", "cancel"]
    assert opened.json()["customers_turn"] is True

    sent = customer("post", f"/portal/requests/{number}/moves", {"move": "forward"})
    assert sent.json()["flow"]["stage"] == "Análise"
    assert sent.json()["flow"]["moves"] == []  # the company's turn now

    flow = staff("post", f"/tickets/{number}/understanding", {"text": "Trocar o roteador."})
    assert flow.json()["understanding_state"] == "pending"

    approved = customer("post", f"/portal/requests/{number}/understanding", {"approve": True})
    assert approved.json()["flow"]["stage"] == "Execução"

    refused = staff("post", f"/tickets/{number}/moves", {"move": "conclude"})
    assert refused.status_code == 422  # "Data agendada" is required to conclude
    assert [e["field"] for e in refused.json()["errors"]] == ["data"]

    done = staff("post", f"/tickets/{number}/moves", {
        "move": "conclude", "values": {"data": "2026-12-10"},
    })  # fmt: skip
    assert done.json()["closed"] is True
    assert [p["stage"] for p in done.json()["passages"]] == [
        "Execução", "Análise", "Descrição do cliente",
    ]  # fmt: skip
    listed = customer("get", "/portal/requests?bucket=concluidos").json()
    assert [item["number"] for item in listed["items"]] == [number]
    assert listed["counts"]["concluidos"] == 1


def test_a_read_only_field_sent_by_api_is_refused_naming_it(staff, service, customer_account):
    from atende.desk.services.requests import request_move, request_open

    ticket = request_open(
        actor=customer_account, request_type=service, title="X", values={"endereco": "Rua A"}
    )
    request_move(actor=customer_account, ticket=ticket, move="forward")

    response = staff("patch", f"/tickets/{ticket.number}/fields", {"values": {"endereco": "B"}})

    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "endereco"
    assert "não pode ser alterado nesta etapa" in response.json()["errors"][0]["message"]
    ticket.refresh_from_db()
    assert ticket.field_values["endereco"] == "Rua A"


def test_the_customer_cannot_move_on_the_companys_turn(customer, service, customer_account):
    from atende.desk.services.requests import request_move, request_open

    ticket = request_open(
        actor=customer_account, request_type=service, title="X", values={"endereco": "Rua A"}
    )
    request_move(actor=customer_account, ticket=ticket, move="forward")

    response = customer("post", f"/portal/requests/{ticket.number}/moves", {"move": "cancel"})

    assert response.status_code == 422
    assert Ticket.objects.get(pk=ticket.pk).stage.name == "Análise"


def test_internal_notes_never_reach_the_portal_api(staff, customer, service, customer_account):
    from atende.desk.services.requests import request_open

    ticket = request_open(
        actor=customer_account, request_type=service, title="X", values={"endereco": "Rua A"}
    )
    staff("post", f"/tickets/{ticket.number}/notes", {"body": "Cliente difícil."})
    staff("post", f"/tickets/{ticket.number}/replies", {"body": "Vamos verificar."})

    timeline = customer("get", f"/portal/requests/{ticket.number}").json()["timeline"]

    assert [entry["body"] for entry in timeline if entry["kind"] == "reply"] == ["Vamos verificar."]
    assert all(entry["is_public"] for entry in timeline)


def test_a_revoked_or_foreign_token_reaches_nothing(client, customer_account, service):
    token, plain = portal_token_create(account=customer_account, name="ERP")
    call = _api(client, plain)
    assert call("get", "/portal/requests").status_code == 200
    assert call("get", "/tickets").status_code == 401  # a customer's token is no staff token

    portal_token_revoke(account=customer_account, token=token)
    assert call("get", "/portal/requests").status_code == 401
    assert _api(client, plain[:-1] + "x")("get", "/portal/requests").status_code == 401
    assert (
        _api(client, "atp_99999999999999999999_a_b")("get", "/portal/requests").status_code == 401
    )


@pytest.mark.parametrize(
    "values",
    [{"endereco": "Rua\x00A"}, {"horario": "Madrugada"}, {"endereco": 10**20}, {"x" * 41: "1"}],
)
def test_hostile_values_are_refused_with_a_message(customer, service, values):
    response = customer("post", "/portal/requests", {
        "request_type_id": service.pk, "title": "X", "values": values,
    })  # fmt: skip

    assert response.status_code in {400, 422}
    assert response.json()["message"]
    assert Ticket.objects.count() == 0
