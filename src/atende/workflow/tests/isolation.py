"""Configurações → Solicitações routes for the walkers (they live under the desk's URLs but
configure workflow's definitions): objects, the permission each needs, valid bodies."""

from atende.tenancy.testing import isolation_factory, route_access
from atende.workflow.definitions import SERVICE_REQUEST, request_type_from_definition
from atende.workflow.models import RequestGroup, RequestType, Stage
from atende.workflow.permissions import WorkflowPerm

MANAGE = WorkflowPerm.MANAGE_TYPES


@isolation_factory(
    "desk:request_type_edit",
    "desk:request_type_stages",
    "desk:request_type_fields",
    "desk:request_type_rules",
)
def request_type(organization):
    return {"pk": request_type_from_definition(SERVICE_REQUEST).pk}


def _management(prefix: str, total: int, initial: int) -> dict:
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def _groups(organization, kwargs) -> dict:
    return {**_management("groups", 1, 0), "groups-0-name": "Financeiro", "groups-0-position": "3"}


def _new_type(organization, kwargs) -> dict:
    group = RequestGroup.objects.create(name="Cobrança")
    return {"name": "Segunda via de boleto", "group": str(group.pk), "description": "Boleto."}


def _type(organization, kwargs) -> dict:
    request_type = RequestType.objects.get(pk=kwargs["pk"])
    return {"name": "Visita técnica", "group": str(request_type.group_id), "is_active": "on"}


def _stages(organization, kwargs) -> dict:
    stages = Stage.objects.filter(request_type_id=kwargs["pk"]).order_by("position")
    body = _management("stages", len(stages), len(stages))
    for index, stage in enumerate(stages):
        prefix = f"stages-{index}-"
        body |= {
            prefix + "id": str(stage.pk),
            prefix + "name": f"{stage.name} (revista)",
            prefix + "responsibility": stage.responsibility,
            prefix + "allows_forward": "on",
            prefix + "allows_cancellation": "on",
        }
    return body


def _fields(organization, kwargs) -> dict:
    fields = list(RequestType.objects.get(pk=kwargs["pk"]).fields.order_by("position"))
    body = _management("fields", len(fields) + 1, len(fields))
    for index, field in enumerate(fields):
        prefix = f"fields-{index}-"
        body |= {
            prefix + "id": str(field.pk),
            prefix + "label": field.label,
            prefix + "key": field.key,
            prefix + "kind": field.kind,
            prefix + "choices": field.choices,
            prefix + "position": str(field.position),
        }
    new = f"fields-{len(fields)}-"
    return body | {new + "label": "Protocolo", new + "kind": "text", new + "position": "9"}


def _rules(organization, kwargs) -> dict:
    request_type = RequestType.objects.get(pk=kwargs["pk"])
    return {
        f"r-{stage.pk}-{field.pk}": "hidden" if field.key == "endereco" else "editable"
        for stage in request_type.stages.all()
        for field in request_type.fields.all()
    }


route_access("desk:request_types", needs=MANAGE)
route_access("desk:request_settings", needs=MANAGE, body={"default_attendant": ""})
route_access("desk:request_groups", needs=MANAGE, body=_groups)
route_access("desk:request_type_new", needs=MANAGE, body=_new_type)
route_access("desk:request_type_edit", needs=MANAGE, body=_type)
route_access("desk:request_type_stages", needs=MANAGE, body=_stages)
route_access("desk:request_type_fields", needs=MANAGE, body=_fields)
route_access("desk:request_type_rules", needs=MANAGE, body=_rules)
