"""Configurações → Solicitações as staff use it: a type built through the pages (client posts,
no JavaScript), refusals shown beside their inputs with nothing saved, the permission, and the
pinned query counts of the list and the type page."""

import pytest
from django.contrib.auth.models import Permission

from atende.accounts.tests.factories import MemberFactory, SectorFactory
from atende.desk.tests.factories import AreaFactory, typed_request
from atende.tenancy.urls import org_reverse
from atende.workflow.models import (
    RequestField,
    RequestGroup,
    RequestSettings,
    RequestType,
    Stage,
    StageFieldRule,
)
from atende.workflow.tests.factories import change_of_details_type, service_request_type

pytestmark = pytest.mark.django_db


def _url(organization, name: str, **kwargs) -> str:
    return org_reverse(f"desk:{name}", organization=organization, **kwargs)


def _formset(prefix: str, rows: list[dict], initial: int) -> dict:
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        data |= {f"{prefix}-{index}-{name}": value for name, value in row.items()}
    return data


def _stage_post(stage: Stage, **changes) -> dict:
    row = {
        "id": str(stage.pk),
        "name": stage.name,
        "responsibility": stage.responsibility,
        "area": str(stage.area_id or ""),
        "rejection_stage": str(stage.rejection_stage_id or ""),
    }
    for flag in (
        "allows_forward",
        "allows_back",
        "allows_conclusion",
        "allows_cancellation",
        "asks_understanding",
    ):
        if getattr(stage, flag):
            row[flag] = "on"
    return row | changes


def _stages(request_type) -> list[Stage]:
    return list(Stage.objects.filter(request_type=request_type).order_by("position"))


def _field_post(field: RequestField, **changes) -> dict:
    row = {
        "id": str(field.pk),
        "label": field.label,
        "key": field.key,
        "kind": field.kind,
        "choices": field.choices,
        "position": str(field.position),
    }
    return row | changes


def test_a_type_is_configured_through_the_pages(client_as, admin_member, organization):
    client = client_as(admin_member)
    area = AreaFactory(organization=organization, name="Comercial")

    # a group, then the type (inactive until it has stages)
    response = client.post(
        _url(organization, "request_groups"),
        _formset("groups", [{"name": "Vendas", "position": "1", "is_active": "on"}], 0),
    )
    assert response.status_code == 302
    group = RequestGroup.objects.get(name="Vendas")
    response = client.post(
        _url(organization, "request_type_new"),
        {"name": "Troca de plano", "group": str(group.pk), "description": "Mudar de plano."},
    )
    request_type = RequestType.objects.get(name="Troca de plano")
    assert response["Location"].endswith(f"/solicitacoes/{request_type.pk}/#etapas")

    # two stages at once
    stages_url = _url(organization, "request_type_stages", pk=request_type.pk)
    new_stages = [
        {"name": "Pedido", "responsibility": "customer", "allows_forward": "on"},
        {
            "name": "Análise",
            "responsibility": "company",
            "area": str(area.pk),
            "allows_forward": "on",
            "allows_back": "on",
            "allows_conclusion": "on",
            "asks_understanding": "on",
        },
    ]
    assert client.post(stages_url, _formset("stages", new_stages, 0)).status_code == 302
    request, analysis = _stages(request_type)
    # the rejection stage is chosen among saved stages
    rows = [_stage_post(request), _stage_post(analysis, rejection_stage=str(request.pk))]
    assert client.post(stages_url, _formset("stages", rows, 2)).status_code == 302

    # fields: the key comes from the label
    fields_url = _url(organization, "request_type_fields", pk=request_type.pk)
    new_fields = [
        {
            "label": "Plano desejado",
            "kind": "choice",
            "choices": "Básico\r\nPremium",
            "position": "1",
        },
        {"label": "Observação", "key": "obs", "kind": "text", "choices": "", "position": "2"},
    ]
    assert client.post(fields_url, _formset("fields", new_fields, 0)).status_code == 302
    plan, note = RequestField.objects.order_by("position")

    # the matrix: one select per stage × field
    rules = {
        f"r-{request.pk}-{plan.pk}": "required",
        f"r-{request.pk}-{note.pk}": "editable",
        f"r-{analysis.pk}-{plan.pk}": "readonly",
        f"r-{analysis.pk}-{note.pk}": "hidden",
    }
    response = client.post(_url(organization, "request_type_rules", pk=request_type.pk), rules)
    assert response.status_code == 302

    # and now it may be active
    response = client.post(
        _url(organization, "request_type_edit", pk=request_type.pk),
        {"name": "Troca de plano", "group": str(group.pk), "is_active": "on"},
    )
    assert response.status_code == 302

    request_type.refresh_from_db()
    assert request_type.is_active is True
    analysis.refresh_from_db()
    assert (analysis.position, analysis.area_id, analysis.rejection_stage_id) == (
        2,
        area.pk,
        request.pk,
    )
    assert (analysis.allows_back, analysis.asks_understanding) == (True, True)
    assert [(f.key, f.options) for f in (plan, note)] == [
        ("plano_desejado", ["Básico", "Premium"]),
        ("obs", []),
    ]
    assert sorted(StageFieldRule.objects.values_list("stage__name", "field__key", "rule")) == [
        ("Análise", "obs", "hidden"),
        ("Análise", "plano_desejado", "readonly"),
        ("Pedido", "plano_desejado", "required"),
    ]
    page = client.get(_url(organization, "request_type_edit", pk=request_type.pk)).content.decode()
    assert 'aria-label="Plano desejado — Pedido"' in page
    assert '<option value="required" selected>Obrigatório</option>' in page


def test_moving_a_stage_up_saves_the_new_order(client_as, admin_member, organization):
    service = service_request_type(organization)
    first, second, third = _stages(service)
    rows = [_stage_post(stage) for stage in (first, second, third)]
    data = _formset("stages", rows, 3) | {"move": "stages-2:up"}

    response = client_as(admin_member).post(
        _url(organization, "request_type_stages", pk=service.pk), data
    )

    assert response.status_code == 302
    assert [s.pk for s in _stages(service)] == [first.pk, third.pk, second.pk]


def test_a_choice_field_without_options_is_refused_beside_it(client_as, admin_member, organization):
    service = service_request_type(organization)
    fields = list(service.fields.order_by("position"))
    rows = [_field_post(field) for field in fields]
    rows.append({"label": "Plano", "kind": "choice", "choices": "  ", "position": "9"})

    response = client_as(admin_member).post(
        _url(organization, "request_type_fields", pk=service.pk), _formset("fields", rows, 4)
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert 'id="id_fields-4-choices_error"' in page
    assert "Um campo de escolha precisa de opções" in page
    # the rows shown again stay existing rows (deletable, key fixed) and the new one stays new
    assert 'name="fields-3-DELETE"' in page
    assert 'name="fields-0-key" value="endereco" maxlength="40" readonly' in page
    assert page.count("Novo campo") == 1
    assert service.fields.count() == 4


def test_a_duplicate_key_is_refused(client_as, admin_member, organization):
    service = service_request_type(organization)
    rows = [_field_post(field) for field in service.fields.order_by("position")]
    rows.append({"label": "Outro endereço", "key": "endereco", "kind": "text", "position": "9"})

    response = client_as(admin_member).post(
        _url(organization, "request_type_fields", pk=service.pk), _formset("fields", rows, 4)
    )

    assert response.status_code == 200
    assert "Já existe um campo com a chave “endereco”." in response.content.decode()
    assert service.fields.count() == 4


def test_deleting_a_stage_in_use_is_refused_with_a_message(client_as, admin_member, organization):
    ticket = typed_request(organization)
    stages = _stages(ticket.request_type)
    rows = [_stage_post(stage) for stage in stages]
    rows[1]["DELETE"] = "on"
    rows[0]["name"] = "Pedido do cliente"

    response = client_as(admin_member).post(
        _url(organization, "request_type_stages", pk=ticket.request_type_id),
        _formset("stages", rows, 3),
    )

    assert response.status_code == 200
    assert "A etapa “Análise” já foi usada por solicitações" in response.content.decode()
    assert _stages(ticket.request_type) == stages
    assert Stage.objects.get(pk=stages[0].pk).name == "Descrição do cliente"  # nothing saved


def test_a_rejection_to_the_stage_itself_is_refused(client_as, admin_member, organization):
    service = service_request_type(organization)
    stages = _stages(service)
    rows = [_stage_post(stage) for stage in stages]
    rows[1]["rejection_stage"] = str(stages[1].pk)

    response = client_as(admin_member).post(
        _url(organization, "request_type_stages", pk=service.pk), _formset("stages", rows, 3)
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert 'id="id_stages-1-rejection_stage_error"' in page
    assert "não pode voltar para a própria etapa" in page
    assert Stage.objects.get(pk=stages[1].pk).rejection_stage_id == stages[0].pk


def test_a_type_without_stages_cannot_be_activated(client_as, admin_member, organization):
    group = RequestGroup.objects.create(name="Cobrança")

    response = client_as(admin_member).post(
        _url(organization, "request_type_new"),
        {"name": "Segunda via", "group": str(group.pk), "is_active": "on"},
    )

    assert response.status_code == 200
    assert 'id="id_is_active_error"' in response.content.decode()
    assert RequestType.objects.count() == 0


def test_another_types_stage_id_is_not_found(client_as, admin_member, organization):
    service = service_request_type(organization)
    other = change_of_details_type(organization)
    rows = [_stage_post(_stages(other)[0])]

    response = client_as(admin_member).post(
        _url(organization, "request_type_stages", pk=service.pk), _formset("stages", rows, 1)
    )

    assert response.status_code == 404
    assert len(_stages(service)) == 3


def test_the_default_attendant_is_saved_from_the_list(client_as, admin_member, organization):
    response = client_as(admin_member).post(
        _url(organization, "request_settings"), {"default_attendant": str(admin_member.pk)}
    )

    assert response.status_code == 302
    assert RequestSettings.objects.get().default_attendant == admin_member


def test_a_member_without_the_permission_gets_403_and_nothing_is_written(
    client_as, member, organization
):
    service = service_request_type(organization)
    client = client_as(member)
    rows = [_stage_post(stage, name="X") for stage in _stages(service)]

    assert client.get(_url(organization, "request_types")).status_code == 403
    assert client.get(_url(organization, "request_type_edit", pk=service.pk)).status_code == 403
    response = client.post(
        _url(organization, "request_type_stages", pk=service.pk), _formset("stages", rows, 3)
    )
    assert response.status_code == 403
    response = client.post(_url(organization, "request_settings"), {"default_attendant": ""})
    assert response.status_code == 403

    assert [s.name for s in _stages(service)] == ["Descrição do cliente", "Análise", "Execução"]
    assert RequestSettings.objects.count() == 0


def test_a_sector_granted_the_permission_sees_the_tab_and_the_pages(client_as, organization):
    sector = SectorFactory(organization=organization, name="Processos")
    sector.permissions.set([Permission.objects.get(codename="change_requesttype")])
    manager = MemberFactory(organization=organization, sector=sector)

    response = client_as(manager).get(_url(organization, "request_types"))

    assert response.status_code == 200
    assert f'href="{_url(organization, "request_types")}" aria-current="page"' in (
        response.content.decode()
    )


def test_the_list_shows_groups_and_types_in_a_fixed_number_of_queries(
    client_as, admin_member, organization, django_assert_num_queries
):
    service_request_type(organization)
    change_of_details_type(organization)
    client = client_as(admin_member)
    client.get(_url(organization, "request_types"))  # warm the session

    with django_assert_num_queries(9):
        response = client.get(_url(organization, "request_types"))

    page = response.content.decode()
    assert "Solicitação de serviço" in page
    assert "Alteração cadastral" in page
    assert 'name="groups-1-name" value="Cadastro"' in page or "Cadastro" in page


def test_the_type_page_runs_a_fixed_number_of_queries(
    client_as, admin_member, organization, django_assert_num_queries
):
    service = service_request_type(organization)
    client = client_as(admin_member)
    url = _url(organization, "request_type_edit", pk=service.pk)
    client.get(url)

    with django_assert_num_queries(12):
        response = client.get(url)

    assert response.status_code == 200
    assert response.content.decode().count("<fieldset>") == 4  # three stages and a new one


def test_the_untouched_new_row_is_ignored_and_a_new_one_comes_last(
    client_as, admin_member, organization
):
    service_request_type(organization)
    change_of_details_type(organization)
    client = client_as(admin_member)
    page = client.get(_url(organization, "request_types")).content.decode()
    support, registry = RequestGroup.objects.order_by("name").reverse()
    assert 'name="groups-2-position" value="1"' in page  # both groups sit at 0

    rows = [
        {"id": str(support.pk), "name": "Suporte", "position": "0", "is_active": "on"},
        {"id": str(registry.pk), "name": "Cadastro", "position": "0"},
        {"name": "", "position": "1", "is_active": "on"},  # as the page shows it
    ]
    response = client.post(_url(organization, "request_groups"), _formset("groups", rows, 2))

    assert response.status_code == 302
    assert sorted(RequestGroup.objects.values_list("name", "is_active")) == [
        ("Cadastro", False),
        ("Suporte", True),
    ]
