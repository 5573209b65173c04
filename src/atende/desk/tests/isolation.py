"""The desk routes for the walkers: objects, the permission each needs, valid bodies."""

from atende.desk.models import SavedFilter
from atende.desk.permissions import DeskPerm
from atende.desk.tests.factories import AreaFactory, TicketFactory, service_order, typed_request
from atende.tenancy.testing import isolation_factory, route_access


@isolation_factory(
    "desk:ticket",
    "desk:ticket_comment",
    "desk:ticket_change",
    "desk:ticket_time",
    "api:get_ticket",
    "api:update_ticket",
    "api:reply_ticket",
    "api:note_ticket",
    "api:add_ticket_time",
    "api:list_ticket_service_orders",
)
def ticket(organization):
    return {"number": TicketFactory(organization=organization).number}


@isolation_factory(
    "desk:request_stage",
    "desk:request_understanding",
    "desk:ticket_delete",
    "api:get_flow",
    "api:update_fields",
    "api:move_request",
    "api:write_understanding",
)
def request_at_analysis(organization):
    return {"number": typed_request(organization).number}


@isolation_factory("desk:area_edit")
def area(organization):
    return {"pk": AreaFactory(organization=organization, name="Financeiro").pk}


@isolation_factory("desk:filter_apply", "desk:filter_delete")
def saved_filter(organization):
    from atende.accounts.tests.factories import MemberFactory

    owner = MemberFactory(organization=organization)
    saved = SavedFilter.objects.create(
        owner=owner, name="Atrasados", is_shared=True, query={"sla": "overdue"}
    )
    return {"pk": saved.pk}


def _ticket_fields(organization, kwargs) -> dict:
    from atende.desk.models import Ticket

    ticket = Ticket.objects.get(number=kwargs["number"])
    return {
        "status": "resolving",
        "area": ticket.area_id,
        "assignee": "",
        "priority": "1",
        "due_on": "2030-01-31",
    }


def _new_ticket(organization, kwargs) -> dict:
    area = AreaFactory(organization=organization)
    return {"title": "Sem sinal na fibra", "area": area.pk, "priority": "2", "channel": "phone"}


def _bulk(organization, kwargs) -> dict:
    number = TicketFactory(organization=organization).number
    return {"lote-numbers": [str(number)], "lote-status": "waiting"}


route_access("desk:queue", "desk:ticket", "desk:assignees", needs=DeskPerm.VIEW)
route_access("desk:filter_apply", needs=DeskPerm.VIEW)
route_access(
    "desk:filter_create",
    needs=DeskPerm.VIEW,
    body={"name": "Meus atrasados", "filter_sla": "overdue"},
    personal=True,
)
route_access("desk:create", needs=DeskPerm.ADD, body=_new_ticket)
route_access(
    "desk:ticket_comment",
    needs=DeskPerm.CHANGE,
    body={"kind": "note", "body": "Técnico agendado para amanhã."},
)
route_access("desk:ticket_change", needs=DeskPerm.CHANGE, body=_ticket_fields)
route_access(
    "desk:ticket_time",
    needs=DeskPerm.CHANGE,
    body={"hours": "1", "minutes": "30", "note": "Visita"},
)
route_access("desk:bulk", needs=DeskPerm.CHANGE, body=_bulk)
route_access("desk:request_stage", needs=DeskPerm.CHANGE, body={"campo_horario": "Tarde"})
route_access(
    "desk:request_understanding", needs=DeskPerm.CHANGE, body={"text": "Instalar um ponto."}
)
route_access("desk:ticket_delete", needs=DeskPerm.DELETE, body={})
route_access("desk:areas", needs=DeskPerm.MANAGE_AREAS)
route_access(
    "desk:area_new", needs=DeskPerm.MANAGE_AREAS, body={"name": "Cobrança", "is_active": "on"}
)
route_access(
    "desk:area_edit", needs=DeskPerm.MANAGE_AREAS, body={"name": "Tesouraria", "is_active": "on"}
)
route_access("desk:filter_delete", needs=DeskPerm.MANAGE_AREAS, body={})


def _ticket_patch(organization, kwargs) -> dict:
    return {"status": "analysis", "priority": 1}


route_access("api:list_tickets", "api:get_ticket", needs=DeskPerm.VIEW)
route_access(
    "api:create_ticket",
    needs=DeskPerm.ADD,
    body=lambda o, k: {"title": "Pela API", "area_id": AreaFactory(organization=o).pk},
)
route_access("api:update_ticket", needs=DeskPerm.CHANGE, body=_ticket_patch)
route_access("api:reply_ticket", "api:note_ticket", needs=DeskPerm.CHANGE, body={"body": "Olá!"})
route_access("api:add_ticket_time", needs=DeskPerm.CHANGE, body={"hours": 1, "note": "Análise"})


def _request_type_body(organization, kwargs) -> dict:
    from atende.workflow.models import RequestType
    from atende.workflow.tests.factories import service_request_type

    request_type = RequestType.objects.filter(name="Solicitação de serviço").first()
    request_type = request_type or service_request_type(
        organization, area=AreaFactory(organization=organization)
    )
    return {"request_type_id": request_type.pk, "title": "Trocar roteador",
            "values": {"endereco": "Rua A"}}  # fmt: skip


route_access("api:list_request_types", "api:get_flow", needs=DeskPerm.VIEW)
route_access("api:open_request", needs=DeskPerm.ADD, body=_request_type_body)
route_access("api:update_fields", needs=DeskPerm.CHANGE, body={"values": {"horario": "Tarde"}})
route_access("api:move_request", needs=DeskPerm.CHANGE, body={"move": "forward"})
route_access("api:write_understanding", needs=DeskPerm.CHANGE, body={"text": "Instalar um ponto."})


# --- service orders ---


@isolation_factory("desk:service_order_create")
def ticket_with_customer(organization):
    from atende.customers.tests.factories import CustomerFactory

    customer = CustomerFactory(organization=organization)
    return {"number": TicketFactory(organization=organization, customer=customer).number}


@isolation_factory(
    "desk:service_order",
    "desk:service_order_edit",
    "desk:service_order_pdf",
)
def order(organization):
    return {"number": service_order(organization).number}


SERVICE_ORDER_BODY = {
    "address_choice": "",
    "address": "Rua das Palmeiras, 40 – Campinas/SP",
    "status": "in_progress",
    "labour_hours": "1,5",
    "hourly_rate": "80,00",
    "discount": "0",
    "observations": "Cliente acompanhou a visita.",
    "itens-TOTAL_FORMS": "1",
    "itens-INITIAL_FORMS": "0",
    "itens-MIN_NUM_FORMS": "0",
    "itens-MAX_NUM_FORMS": "50",
    "itens-0-kind": "product",
    "itens-0-description": "Conector RJ45",
    "itens-0-quantity": "4",
    "itens-0-unit_price": "2,50",
}

route_access(
    "desk:service_order",
    "desk:service_order_pdf",
    "api:list_ticket_service_orders",
    needs=DeskPerm.VIEW,
)
route_access(
    "desk:service_order_create", "desk:service_order_edit", needs=DeskPerm.CHANGE,
    body=SERVICE_ORDER_BODY,
)  # fmt: skip


def _logo(organization, kwargs) -> dict:
    from atende.files.tests import samples

    return {"logo": samples.upload("logo.png", samples.PNG)}


route_access("desk:service_order_settings", needs=DeskPerm.MANAGE_AREAS, body=_logo)
