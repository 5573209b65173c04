"""Configuring request types through the services the pages and the API share: what they
save, and what they refuse (with nothing written)."""

import pytest
from django.core.exceptions import PermissionDenied

from atende.accounts.tests.factories import MemberFactory, SectorFactory
from atende.core.errors import DomainError, InvalidFields
from atende.desk.tests.factories import AreaFactory, typed_request
from atende.workflow.models import (
    RequestField,
    RequestGroup,
    RequestSettings,
    RequestType,
    Stage,
    StageFieldRule,
)
from atende.workflow.services import (
    FieldRow,
    GroupRow,
    StageRow,
    field_key,
    fields_save,
    group_save,
    groups_save,
    request_settings_save,
    request_type_save,
    rules_save,
    stages_save,
)
from atende.workflow.tests.factories import service_request_type

pytestmark = pytest.mark.django_db


@pytest.fixture
def group(admin_member):
    return group_save(actor=admin_member, group=None, name="Suporte técnico")


@pytest.fixture
def draft(admin_member, group):
    return request_type_save(
        actor=admin_member, request_type=None, name="Troca de plano", group=group
    )


def _row(stage: Stage, **changes) -> StageRow:
    values = {
        "stage": stage,
        "name": stage.name,
        "responsibility": stage.responsibility,
        "area_id": stage.area_id,
        "allows_forward": stage.allows_forward,
        "allows_back": stage.allows_back,
        "allows_conclusion": stage.allows_conclusion,
        "allows_cancellation": stage.allows_cancellation,
        "asks_understanding": stage.asks_understanding,
        "rejection_stage_id": stage.rejection_stage_id,
    }
    return StageRow(**(values | changes))


def _stages(request_type) -> list[Stage]:
    return list(Stage.objects.filter(request_type=request_type).order_by("position"))


def test_a_type_is_built_step_by_step_and_activated_once_it_has_stages(admin_member, draft):
    area = AreaFactory(organization=admin_member.organization, name="Comercial")

    with pytest.raises(InvalidFields) as refused:
        request_type_save(
            actor=admin_member,
            request_type=draft,
            name=draft.name,
            group=draft.group,
            is_active=True,
        )
    assert list(refused.value.errors) == ["is_active"]

    stages_save(
        actor=admin_member,
        request_type=draft,
        rows=[
            StageRow(None, "Pedido", "customer"),
            StageRow(None, "Análise", "company", area_id=area.pk, asks_understanding=True),
        ],
    )
    request, analysis = _stages(draft)
    stages_save(
        actor=admin_member,
        request_type=draft,
        rows=[_row(request), _row(analysis, rejection_stage_id=request.pk)],
    )
    fields = fields_save(
        actor=admin_member,
        request_type=draft,
        rows=[
            FieldRow(None, "Plano desejado", "choice", choices="Básico\n\n Premium \n"),
            FieldRow(None, "Observação", "text", key="obs", position=2),
        ],
    )
    rules_save(
        actor=admin_member,
        request_type=draft,
        rules={(request.pk, fields[0].pk): "required", (analysis.pk, fields[0].pk): "readonly"},
    )
    request_type_save(
        actor=admin_member,
        request_type=draft,
        name=draft.name,
        group=draft.group,
        is_active=True,
    )

    assert RequestType.objects.get(pk=draft.pk).is_active is True
    assert [(s.position, s.name, s.area_id) for s in _stages(draft)] == [
        (1, "Pedido", None),
        (2, "Análise", area.pk),
    ]
    assert Stage.objects.get(pk=analysis.pk).rejection_stage_id == request.pk
    assert list(RequestField.objects.order_by("position").values_list("key", "choices")) == [
        ("plano_desejado", "Básico\nPremium"),
        ("obs", ""),
    ]
    assert sorted(StageFieldRule.objects.values_list("stage__name", "rule")) == [
        ("Análise", "readonly"),
        ("Pedido", "required"),
    ]


def test_reordering_keeps_the_stage_ids(admin_member, organization):
    service = service_request_type(organization)
    first, second, third = _stages(service)

    stages_save(
        actor=admin_member,
        request_type=service,
        rows=[_row(third), _row(first), _row(second, name="Análise técnica")],
    )

    assert [(s.pk, s.position, s.name) for s in _stages(service)] == [
        (third.pk, 1, "Execução"),
        (first.pk, 2, "Descrição do cliente"),
        (second.pk, 3, "Análise técnica"),
    ]


def test_a_stage_a_request_passed_through_is_not_deleted(admin_member, organization):
    ticket = typed_request(organization)
    stages = _stages(ticket.request_type)

    with pytest.raises(DomainError, match="já foi usada por solicitações"):
        stages_save(
            actor=admin_member,
            request_type=ticket.request_type,
            rows=[_row(stages[0]), _row(stages[2])],
        )

    assert _stages(ticket.request_type) == stages
    assert Stage.objects.get(pk=stages[2].pk).position == 3  # nothing moved either


def test_an_unused_stage_is_deleted_and_rejections_to_it_are_cleared(admin_member, organization):
    service = service_request_type(organization)
    first, analysis, execution = _stages(service)

    stages_save(
        actor=admin_member,
        request_type=service,
        rows=[_row(analysis, rejection_stage_id=None), _row(execution)],
    )

    assert [s.pk for s in _stages(service)] == [analysis.pk, execution.pk]
    assert not StageFieldRule.objects.filter(stage_id=first.pk).exists()


@pytest.mark.parametrize(
    ("change", "error_key"),
    [
        ({"rejection_stage_id": "self"}, "1.rejection_stage"),
        ({"name": ""}, "1.name"),
        ({"name": "descrição do cliente"}, "1.name"),
        ({"responsibility": "robot"}, "1.responsibility"),
        ({"area_id": 999_999}, "1.area"),
        ({"responsibility": "customer"}, "1.asks_understanding"),
    ],
)
def test_bad_stages_are_refused_beside_their_row(admin_member, organization, change, error_key):
    service = service_request_type(organization)
    area = AreaFactory(organization=organization)
    first, analysis, execution = _stages(service)
    if change.get("rejection_stage_id") == "self":
        change = {"rejection_stage_id": analysis.pk}
    before = [(s.pk, s.name, s.rejection_stage_id) for s in _stages(service)]

    with pytest.raises(InvalidFields) as refused:
        stages_save(
            actor=admin_member,
            request_type=service,
            rows=[_row(first), _row(analysis, **({"area_id": area.pk} | change)), _row(execution)],
        )

    assert error_key in refused.value.errors
    assert [(s.pk, s.name, s.rejection_stage_id) for s in _stages(service)] == before


def test_an_active_type_keeps_at_least_one_stage(admin_member, organization):
    service = service_request_type(organization)

    with pytest.raises(InvalidFields) as refused:
        stages_save(actor=admin_member, request_type=service, rows=[])

    assert list(refused.value.errors) == [""]
    assert len(_stages(service)) == 3


def test_a_stage_of_another_type_is_refused(admin_member, organization, draft):
    service = service_request_type(organization)

    with pytest.raises(DomainError, match="não é deste tipo"):
        stages_save(actor=admin_member, request_type=draft, rows=[_row(_stages(service)[0])])

    assert _stages(draft) == []


@pytest.mark.parametrize(
    ("rows", "error_key"),
    [
        ([FieldRow(None, "Plano", "choice", choices=" \n ")], "0.choices"),
        ([FieldRow(None, "Plano", "text"), FieldRow(None, "Outro", "text", key="plano")], "1.key"),
        ([FieldRow(None, "!!!", "text")], "0.key"),
        ([FieldRow(None, "Plano", "text", key="com espaço")], "0.key"),
        ([FieldRow(None, "", "text")], "0.label"),
        ([FieldRow(None, "Plano", "video")], "0.kind"),
    ],
)
def test_bad_fields_are_refused_and_nothing_is_saved(admin_member, draft, rows, error_key):
    with pytest.raises(InvalidFields) as refused:
        fields_save(actor=admin_member, request_type=draft, rows=rows)

    assert error_key in refused.value.errors
    assert RequestField.objects.count() == 0


def test_an_existing_fields_key_does_not_change(admin_member, organization):
    service = service_request_type(organization)
    fields = list(service.fields.order_by("position"))
    rows = [FieldRow(f, f.label, f.kind, key=f.key, choices=f.choices) for f in fields]
    rows[0] = FieldRow(fields[0], "Endereço", "text", key="rua")

    with pytest.raises(InvalidFields) as refused:
        fields_save(actor=admin_member, request_type=service, rows=rows)

    assert list(refused.value.errors) == ["0.key"]
    assert RequestField.objects.get(pk=fields[0].pk).label == "Endereço da visita"


def test_a_field_left_out_is_deleted_with_its_rules(admin_member, organization):
    service = service_request_type(organization)
    kept = list(service.fields.exclude(key="endereco").order_by("position"))

    fields_save(
        actor=admin_member,
        request_type=service,
        rows=[FieldRow(f, f.label, f.kind, choices=f.choices, position=f.position) for f in kept],
    )

    assert sorted(service.fields.values_list("key", flat=True)) == ["data", "horario", "laudo"]
    assert not StageFieldRule.objects.filter(field__key="endereco").exists()


def test_rules_keep_a_row_only_for_cells_that_are_not_editable(admin_member, organization):
    service = service_request_type(organization)
    first = _stages(service)[0]
    address = service.fields.get(key="endereco")
    report = service.fields.get(key="laudo")

    rules_save(
        actor=admin_member,
        request_type=service,
        rules={(first.pk, address.pk): "editable", (first.pk, report.pk): "readonly"},
    )

    assert dict(StageFieldRule.objects.filter(stage=first).values_list("field__key", "rule")) == {
        "laudo": "readonly"
    }
    # Cells left out lose their row too: the matrix posts every cell.
    assert StageFieldRule.objects.exclude(stage=first).count() == 0


def test_rules_of_another_type_or_unknown_are_refused(admin_member, organization, draft):
    service = service_request_type(organization)
    stage, field = _stages(service)[0], service.fields.first()
    before = StageFieldRule.objects.count()

    with pytest.raises(DomainError):
        rules_save(actor=admin_member, request_type=draft, rules={(stage.pk, field.pk): "hidden"})
    with pytest.raises(DomainError):
        rules_save(actor=admin_member, request_type=service, rules={(stage.pk, field.pk): "x"})

    assert StageFieldRule.objects.count() == before


def test_groups_are_saved_together_or_not_at_all(admin_member, group):
    with pytest.raises(InvalidFields) as refused:
        groups_save(
            actor=admin_member,
            rows=[GroupRow(group, "Suporte", 1), GroupRow(None, "suporte", 2)],
        )
    assert list(refused.value.errors) == ["1.name"]
    assert list(RequestGroup.objects.values_list("name", flat=True)) == ["Suporte técnico"]

    groups_save(
        actor=admin_member,
        rows=[GroupRow(group, "Suporte", 2, is_active=False), GroupRow(None, "Cadastro", 1)],
    )
    assert list(RequestGroup.objects.values_list("name", "position", "is_active")) == [
        ("Cadastro", 1, True),
        ("Suporte", 2, False),
    ]


def test_a_duplicate_type_name_in_the_group_is_refused(admin_member, draft):
    with pytest.raises(DomainError) as refused:
        request_type_save(
            actor=admin_member, request_type=None, name="Troca de plano", group=draft.group
        )
    assert refused.value.field == "name"
    assert RequestType.objects.count() == 1


def test_the_default_attendant_is_one_row_per_organization(admin_member, member):
    request_settings_save(actor=admin_member, default_attendant=member)
    request_settings_save(actor=admin_member, default_attendant=admin_member)

    assert list(RequestSettings.objects.values_list("default_attendant", flat=True)) == [
        admin_member.pk
    ]


def test_an_inactive_member_cannot_be_the_attendant(admin_member, organization):
    gone = MemberFactory(organization=organization, is_active=False)

    with pytest.raises(DomainError) as refused:
        request_settings_save(actor=admin_member, default_attendant=gone)

    assert refused.value.field == "default_attendant"
    assert RequestSettings.objects.count() == 0


def test_a_sector_granted_the_permission_may_configure(organization):
    from django.contrib.auth.models import Permission

    sector = SectorFactory(organization=organization, name="Processos")
    sector.permissions.set([Permission.objects.get(codename="change_requesttype")])
    manager = MemberFactory(organization=organization, sector=sector)

    assert group_save(actor=manager, group=None, name="Cadastro").pk is not None


def test_a_member_without_the_permission_writes_nothing(member, organization):
    service = service_request_type(organization)

    with pytest.raises(PermissionDenied):
        group_save(actor=member, group=None, name="Cadastro")
    with pytest.raises(PermissionDenied):
        stages_save(actor=member, request_type=service, rows=[])
    with pytest.raises(PermissionDenied):
        request_settings_save(actor=member, default_attendant=None)

    assert RequestGroup.objects.count() == 1
    assert len(_stages(service)) == 3
    assert RequestSettings.objects.count() == 0


def test_field_key_from_label():
    assert field_key("Endereço da visita") == "endereco_da_visita"
    assert field_key("  Nº do contrato / CNPJ ") == "no_do_contrato_cnpj"
    assert field_key("x" * 60) == "x" * 40
