"""Request types written as data: the two the demo ships (and the tests build on), and the
builder that turns a definition into a type with its stages, fields and rules."""

from django.db import transaction

from atende.workflow.models import RequestField, RequestGroup, RequestType, Stage, StageFieldRule

# A stage: (name, responsibility, options); options name the ways out it allows beyond
# forward, and "understanding" marks where the company writes it; "rejects_to" names the stage a
# rejected understanding goes back to. Rules: {stage name: {field key: rule}}.
SERVICE_REQUEST = {
    "group": "Suporte técnico",
    "name": "Solicitação de serviço",
    "description": "Visita técnica, instalação ou troca de equipamento.",
    "stages": [
        ("Descrição do cliente", "customer", {"cancel": True}),
        (
            "Análise",
            "company",
            {
                "back": True,
                "understanding": True,
                "cancel": True,
                "rejects_to": "Descrição do cliente",
            },
        ),
        ("Execução", "company", {"conclude": True, "cancel": False}),
    ],  # fmt: skip
    "fields": [
        ("endereco", "Endereço da visita", "text", ""),
        ("horario", "Melhor horário", "choice", "Manhã\nTarde"),
        ("data", "Data agendada", "date", ""),
        ("laudo", "Laudo", "file", ""),
    ],
    "rules": {
        "Descrição do cliente": {"endereco": "required", "data": "hidden", "laudo": "hidden"},
        "Análise": {"endereco": "readonly", "data": "hidden", "laudo": "hidden"},
        "Execução": {"endereco": "readonly", "horario": "readonly", "data": "required"},
    },
}

CHANGE_OF_DETAILS = {
    "group": "Cadastro",
    "name": "Alteração cadastral",
    "description": "Mudança de endereço, titularidade ou dados de cobrança.",
    "stages": [
        ("Pedido do cliente", "customer", {"cancel": True}),
        ("Conferência", "company", {"back": True, "cancel": True}),
        ("Documentos do cliente", "customer", {"back": True, "cancel": True}),
        (
            "Atualização do cadastro",
            "company",
            {"understanding": True, "conclude": True, "cancel": False, "rejects_to": "Conferência"},
        ),
    ],  # fmt: skip
    "fields": [
        ("alteracao", "O que muda", "choice", "Endereço\nTitularidade\nDados de cobrança"),
        ("detalhes", "Novos dados", "text", ""),
        ("comprovante", "Comprovante", "file", ""),
        ("conferido", "Documentos conferidos", "boolean", ""),
    ],
    "rules": {
        "Pedido do cliente": {
            "alteracao": "required",
            "detalhes": "required",
            "comprovante": "hidden",
            "conferido": "hidden",
        },
        "Conferência": {"alteracao": "readonly", "comprovante": "hidden"},
        "Documentos do cliente": {
            "alteracao": "readonly",
            "comprovante": "required",
            "conferido": "hidden",
        },
        "Atualização do cadastro": {
            "alteracao": "readonly",
            "detalhes": "readonly",
            "comprovante": "readonly",
            "conferido": "required",
        },
    },
}


@transaction.atomic
def request_type_from_definition(definition: dict, *, area=None, attendant=None) -> RequestType:
    """Create the type (with its group, stages, fields and rules) in the active organization;
    company stages are worked by `area`."""
    group, _ = RequestGroup.objects.get_or_create(name=definition["group"])
    request_type = RequestType.objects.create(
        group=group,
        name=definition["name"],
        description=definition["description"],
        default_attendant=attendant,
    )
    stages: dict[str, Stage] = {}
    for position, (name, responsibility, options) in enumerate(definition["stages"], start=1):
        stages[name] = Stage.objects.create(
            request_type=request_type,
            position=position,
            name=name,
            responsibility=responsibility,
            area=area if responsibility == "company" else None,
            allows_back=options.get("back", False),
            allows_conclusion=options.get("conclude", False),
            allows_cancellation=options.get("cancel", True),
            asks_understanding=options.get("understanding", False),
        )
    for name, (_, _, options) in zip(stages, definition["stages"], strict=True):
        if "rejects_to" in options:
            Stage.objects.filter(pk=stages[name].pk).update(
                rejection_stage=stages[options["rejects_to"]]
            )
    fields = {
        key: RequestField.objects.create(
            request_type=request_type,
            key=key,
            label=label,
            kind=kind,
            choices=choices,
            position=position,
        )
        for position, (key, label, kind, choices) in enumerate(definition["fields"], start=1)
    }
    StageFieldRule.objects.bulk_create(
        StageFieldRule(stage=stages[stage_name], field=fields[key], rule=rule)
        for stage_name, rules in definition["rules"].items()
        for key, rule in rules.items()
    )
    return request_type
