"""Configurações → Solicitações: request groups and types, each type's stages, extra fields and
the rule of each field at each stage, and the organization's default attendant. Every form
posts to its own route and is saved by one workflow service (one transaction); a refusal shows
the page again with the messages beside the inputs."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from atende.accounts.permissions import require
from atende.core.errors import DomainError, InvalidFields
from atende.core.forms import add_domain_error
from atende.desk.forms_request_types import (
    FieldFormSet,
    GroupFormSet,
    RequestSettingsForm,
    RequestTypeForm,
    RulesForm,
    StageFormSet,
)
from atende.desk.selectors import area_list
from atende.tenancy.http import MemberRequest
from atende.tenancy.urls import org_reverse
from atende.workflow.permissions import WorkflowPerm
from atende.workflow.selectors import (
    request_group_choices,
    request_group_list,
    request_settings_get,
    request_type_fields,
    request_type_get,
    request_type_rules,
    request_type_stages,
)
from atende.workflow.services import (
    FieldRow,
    GroupRow,
    StageRow,
    fields_save,
    groups_save,
    request_settings_save,
    request_type_save,
    rules_save,
    stages_save,
)


def _row_errors(row_forms: list, error: DomainError) -> list[str]:
    """Put a list service's errors ("<row>.<field>") beside their inputs; return the ones
    about the whole list."""
    problems = (
        error.errors.items()
        if isinstance(error, InvalidFields)
        else [(error.field or "", [error.message])]
    )
    general: list[str] = []
    for key, texts in problems:
        index, _, name = (key or "").partition(".")
        if not index.isdigit() or int(index) >= len(row_forms):
            general.extend(texts)
            continue
        form = row_forms[int(index)]
        shown = name in form.fields and not form.fields[name].widget.is_hidden
        for text in texts:
            form.add_error(name if shown else None, text)
    return general


def _known(objects: dict, pk: int | None):
    """The row's object among the type's own (a tampered id is a missing page)."""
    if pk is None:
        return None
    if pk not in objects:
        raise Http404
    return objects[pk]


def _after(rows) -> int:
    """The order a new row gets: after the existing ones."""
    return max((row.position for row in rows), default=0) + 1


def _list_url(request: MemberRequest) -> str:
    return org_reverse("desk:request_types", organization=request.organization)


def _type_url(request: MemberRequest, pk: int, anchor: str = "") -> str:
    url = org_reverse("desk:request_type_edit", organization=request.organization, pk=pk)
    return f"{url}#{anchor}" if anchor else url


# The list: groups, types and the default attendant ------------------------------------------


def _list_page(request, *, settings_form=None, group_formset=None, group_errors=()):
    groups = request_group_list()
    if settings_form is None:
        settings = request_settings_get()
        attendant = settings.default_attendant_id if settings else None
        settings_form = RequestSettingsForm(initial={"default_attendant": attendant})
    if group_formset is None:
        initial = [
            {"id": g.pk, "name": g.name, "position": g.position, "is_active": g.is_active}
            for g in groups
        ]
        group_formset = GroupFormSet(
            prefix="groups", initial=initial, form_kwargs={"next_position": _after(groups)}
        )
    context = {
        "groups": groups,
        "settings_form": settings_form,
        "group_formset": group_formset,
        "group_errors": group_errors,
    }
    return render(request, "desk/request_type_list.html", context)


def request_type_list_view(request: MemberRequest) -> HttpResponse:
    require(request.member, WorkflowPerm.MANAGE_TYPES)
    return _list_page(request)


@require_POST
def request_settings_view(request: MemberRequest) -> HttpResponse:
    require(request.member, WorkflowPerm.MANAGE_TYPES)
    form = RequestSettingsForm(request.POST)
    if form.is_valid():
        try:
            request_settings_save(actor=request.member, **form.cleaned_data)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, "Atendente padrão salvo.")
            return redirect(_list_url(request))
    return _list_page(request, settings_form=form)


@require_POST
def request_groups_view(request: MemberRequest) -> HttpResponse:
    require(request.member, WorkflowPerm.MANAGE_TYPES)
    known = {group.pk: group for group in request_group_choices()}
    formset = GroupFormSet(
        request.POST, prefix="groups", form_kwargs={"next_position": _after(known.values())}
    )
    errors: list[str] = []
    if formset.is_valid():
        forms = [form for form in formset.forms if form.cleaned_data]
        rows = [
            GroupRow(
                _known(known, form.cleaned_data["id"]),
                form.cleaned_data["name"],
                form.cleaned_data["position"],
                form.cleaned_data["is_active"],
            )
            for form in forms
        ]
        try:
            groups_save(actor=request.member, rows=rows)
        except DomainError as error:
            errors = _row_errors(forms, error)
        else:
            messages.success(request, "Grupos salvos.")
            return redirect(_list_url(request))
    return _list_page(request, group_formset=formset, group_errors=errors)


# One type: details, stages, fields and rules -------------------------------------------------


def _stage_choices(stages, areas) -> dict:
    return {
        "area_choices": [(a.pk, a.name if a.is_active else f"{a.name} (inativa)") for a in areas],
        "stage_choices": [(stage.pk, stage.name) for stage in stages],
    }


def _type_page(request, request_type, **bound) -> HttpResponse:
    """The type's page; `bound` holds the form that was posted (shown with its errors)."""
    stages = request_type_stages(request_type=request_type)
    fields = request_type_fields(request_type=request_type)
    type_form = bound.get("type_form") or RequestTypeForm(
        initial={
            "name": request_type.name,
            "group": request_type.group_id,
            "description": request_type.description,
            "default_attendant": request_type.default_attendant_id,
            "is_active": request_type.is_active,
        }
    )
    stage_formset = bound.get("stage_formset") or StageFormSet(
        prefix="stages",
        initial=[_stage_initial(stage) for stage in stages],
        form_kwargs=_stage_choices(stages, area_list()),
    )
    field_formset = bound.get("field_formset") or FieldFormSet(
        prefix="fields",
        form_kwargs={"next_position": _after(fields)},
        initial=[
            {"id": f.pk, "label": f.label, "key": f.key, "kind": f.kind, "choices": f.choices}
            | {"position": f.position}
            for f in fields
        ],
    )
    rules_form = bound.get("rules_form") or RulesForm(
        stages=stages, fields=fields, rules=request_type_rules(request_type=request_type)
    )
    context = {
        "request_type": request_type,
        "type_form": type_form,
        "stage_formset": stage_formset,
        "stage_errors": bound.get("stage_errors", ()),
        "field_formset": field_formset,
        "field_errors": bound.get("field_errors", ()),
        "rules_form": rules_form,
        "rules_errors": bound.get("rules_errors", ()),
    }
    return render(request, "desk/request_type_detail.html", context)


def _stage_initial(stage) -> dict:
    return {
        "id": stage.pk,
        "name": stage.name,
        "responsibility": stage.responsibility,
        "area": stage.area_id,
        "allows_forward": stage.allows_forward,
        "allows_back": stage.allows_back,
        "allows_conclusion": stage.allows_conclusion,
        "allows_cancellation": stage.allows_cancellation,
        "asks_understanding": stage.asks_understanding,
        "rejection_stage": stage.rejection_stage_id,
    }


def request_type_new_view(request: MemberRequest) -> HttpResponse:
    require(request.member, WorkflowPerm.MANAGE_TYPES)
    form = RequestTypeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            saved = request_type_save(actor=request.member, request_type=None, **form.cleaned_data)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, f"Tipo “{saved.name}” criado. Agora crie as etapas.")
            return redirect(_type_url(request, saved.pk, "etapas"))
    return render(request, "desk/request_type_new.html", {"form": form})


def request_type_edit_view(request: MemberRequest, pk: int) -> HttpResponse:
    require(request.member, WorkflowPerm.MANAGE_TYPES)
    request_type = request_type_get(pk=pk)
    if request.method != "POST":
        return _type_page(request, request_type)
    form = RequestTypeForm(request.POST)
    if form.is_valid():
        try:
            request_type_save(actor=request.member, request_type=request_type, **form.cleaned_data)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, f"Tipo “{request_type.name}” salvo.")
            return redirect(_type_url(request, request_type.pk))
    request_type.refresh_from_db()  # the page head shows the saved name, not the refused one
    return _type_page(request, request_type, type_form=form)


def _moved(forms: list, move: str) -> list:
    """The rows with the one named by `move` ("<prefix>:up" / ":down") moved one place."""
    prefix, _, direction = move.partition(":")
    index = next((i for i, form in enumerate(forms) if form.prefix == prefix), None)
    if index is None:
        return forms
    other = index - 1 if direction == "up" else index + 1
    if 0 <= other < len(forms):
        forms[index], forms[other] = forms[other], forms[index]
    return forms


def _stage_row(form, known: dict) -> StageRow:
    data = form.cleaned_data
    return StageRow(
        stage=_known(known, data["id"]),
        name=data["name"],
        responsibility=data["responsibility"],
        area_id=data["area"],
        allows_forward=data["allows_forward"],
        allows_back=data["allows_back"],
        allows_conclusion=data["allows_conclusion"],
        allows_cancellation=data["allows_cancellation"],
        asks_understanding=data["asks_understanding"],
        rejection_stage_id=data["rejection_stage"],
    )


@require_POST
def request_type_stages_view(request: MemberRequest, pk: int) -> HttpResponse:
    require(request.member, WorkflowPerm.MANAGE_TYPES)
    request_type = request_type_get(pk=pk)
    stages = request_type_stages(request_type=request_type)
    known = {stage.pk: stage for stage in stages}
    formset = StageFormSet(
        request.POST, prefix="stages", form_kwargs=_stage_choices(stages, area_list())
    )
    errors: list[str] = []
    if formset.is_valid():
        kept = [f for f in formset.forms if f.cleaned_data and not f.cleaned_data["DELETE"]]
        kept = _moved(kept, request.POST.get("move", ""))
        try:
            stages_save(
                actor=request.member,
                request_type=request_type,
                rows=[_stage_row(form, known) for form in kept],
            )
        except DomainError as error:
            errors = _row_errors(kept, error)
        else:
            messages.success(request, "Etapas salvas.")
            return redirect(_type_url(request, request_type.pk, "etapas"))
    return _type_page(request, request_type, stage_formset=formset, stage_errors=errors)


@require_POST
def request_type_fields_view(request: MemberRequest, pk: int) -> HttpResponse:
    require(request.member, WorkflowPerm.MANAGE_TYPES)
    request_type = request_type_get(pk=pk)
    known = {field.pk: field for field in request_type_fields(request_type=request_type)}
    formset = FieldFormSet(
        request.POST, prefix="fields", form_kwargs={"next_position": _after(known.values())}
    )
    errors: list[str] = []
    if formset.is_valid():
        kept = [f for f in formset.forms if f.cleaned_data and not f.cleaned_data["DELETE"]]
        rows = [
            FieldRow(
                field=_known(known, form.cleaned_data["id"]),
                label=form.cleaned_data["label"],
                kind=form.cleaned_data["kind"],
                key=form.cleaned_data["key"],
                choices=form.cleaned_data["choices"],
                position=form.cleaned_data["position"],
            )
            for form in kept
        ]
        try:
            fields_save(actor=request.member, request_type=request_type, rows=rows)
        except DomainError as error:
            errors = _row_errors(kept, error)
        else:
            messages.success(request, "Campos salvos.")
            return redirect(_type_url(request, request_type.pk, "campos"))
    return _type_page(request, request_type, field_formset=formset, field_errors=errors)


@require_POST
def request_type_rules_view(request: MemberRequest, pk: int) -> HttpResponse:
    require(request.member, WorkflowPerm.MANAGE_TYPES)
    request_type = request_type_get(pk=pk)
    stages = request_type_stages(request_type=request_type)
    fields = request_type_fields(request_type=request_type)
    form = RulesForm(request.POST, stages=stages, fields=fields)
    errors: list[str] = []
    if form.is_valid():
        try:
            rules_save(actor=request.member, request_type=request_type, rules=form.rules())
        except DomainError as error:
            errors = [error.message]
        else:
            messages.success(request, "Regras salvas.")
            return redirect(_type_url(request, request_type.pk, "regras"))
    return _type_page(request, request_type, rules_form=form, rules_errors=errors)
