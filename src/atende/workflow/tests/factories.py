"""A request type with stages, fields and rules, as the demo and the tests need it."""

from atende.workflow.models import (
    RequestField,
    RequestGroup,
    RequestType,
    Stage,
    StageFieldRule,
)


def service_request_type(organization, *, area=None, attendant=None) -> RequestType:
    """ "Solicitação de serviço": customer describes → company analyses and writes its
    understanding → customer approves → company executes → concluded.

    Fields: "Endereço da visita" (text: required at the start, read-only afterwards), "Melhor
    horário" (choice), "Data agendada" (date: hidden from the start, required to conclude),
    "Laudo" (file: hidden until execution)."""
    from atende.tenancy.context import activate

    with activate(organization):
        group, _ = RequestGroup.objects.get_or_create(name="Suporte técnico")
        request_type = RequestType.objects.create(
            group=group,
            name="Solicitação de serviço",
            description="Visita técnica, instalação ou troca de equipamento.",
            default_attendant=attendant,
        )
        describe = Stage.objects.create(
            request_type=request_type, position=1, name="Descrição do cliente",
            responsibility="customer", allows_cancellation=True,
        )  # fmt: skip
        analyse = Stage.objects.create(
            request_type=request_type, position=2, name="Análise", responsibility="company",
            area=area, allows_back=True, asks_understanding=True,
        )  # fmt: skip
        execute = Stage.objects.create(
            request_type=request_type, position=3, name="Execução", responsibility="company",
            area=area, allows_conclusion=True, allows_cancellation=False,
        )  # fmt: skip
        analyse.rejection_stage = describe
        analyse.save()
        address = RequestField.objects.create(
            request_type=request_type, key="endereco", label="Endereço da visita", kind="text",
            position=1,
        )  # fmt: skip
        period = RequestField.objects.create(
            request_type=request_type, key="horario", label="Melhor horário", kind="choice",
            choices="Manhã\nTarde", position=2,
        )  # fmt: skip
        scheduled = RequestField.objects.create(
            request_type=request_type, key="data", label="Data agendada", kind="date", position=3
        )
        report = RequestField.objects.create(
            request_type=request_type, key="laudo", label="Laudo", kind="file", position=4
        )
        for stage, field, rule in [
            (describe, address, "required"),
            (describe, scheduled, "hidden"),
            (describe, report, "hidden"),
            (analyse, address, "readonly"),
            (analyse, report, "hidden"),
            (execute, address, "readonly"),
            (execute, period, "readonly"),
            (execute, scheduled, "required"),
        ]:
            StageFieldRule.objects.create(stage=stage, field=field, rule=rule)
    return request_type
