"""Request types as the tests need them: the demo's definitions, built in an organization."""

from atende.workflow.definitions import (
    CHANGE_OF_DETAILS,
    SERVICE_REQUEST,
    request_type_from_definition,
)
from atende.workflow.models import RequestType


def service_request_type(organization, *, area=None, attendant=None) -> RequestType:
    """ "Solicitação de serviço": customer describes → company analyses and writes its
    understanding → customer approves → company executes → concluded.

    Fields: "Endereço da visita" (text: required at the start, read-only afterwards), "Melhor
    horário" (choice), "Data agendada" (date: hidden from the start, required to conclude),
    "Laudo" (file: hidden until execution)."""
    from atende.tenancy.context import activate

    with activate(organization):
        return request_type_from_definition(SERVICE_REQUEST, area=area, attendant=attendant)


def change_of_details_type(organization, *, area=None, attendant=None) -> RequestType:
    from atende.tenancy.context import activate

    with activate(organization):
        return request_type_from_definition(CHANGE_OF_DETAILS, area=area, attendant=attendant)
