"""Configuring request types (W1, W2): groups, types, stages, extra fields, the rule of each
field at each stage, and the organization's default attendant. The configuration pages and the
API call these; each validates everything and writes in one transaction.

Row errors of the list services (stages, fields, groups) are keyed "<row index>.<field>" in
an InvalidFields, so a page can put each message beside its input; "" names the whole list.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import cast

from django.db import IntegrityError, transaction
from django.db.models import F, Model, ProtectedError
from django.utils.text import slugify

from atende.accounts.permissions import require
from atende.core.errors import DomainError, ErrorCode, InvalidFields
from atende.core.validation import validate_model_fields
from atende.tenancy.models import Member
from atende.workflow.models import (
    FieldKind,
    FieldRule,
    RequestField,
    RequestGroup,
    RequestSettings,
    RequestType,
    Responsibility,
    Stage,
    StageFieldRule,
)
from atende.workflow.permissions import WorkflowPerm

LIST = ""  # error key of a problem with the whole list
# Positions are moved out of the way (the unique position per type holds row by row).
_PARKING = 1000


def _attendant_problem(actor: Member, attendant: Member | None) -> str | None:
    if attendant is None:
        return None
    if attendant.organization_id != actor.organization_id or not attendant.is_active:
        return "Escolha um usuário ativo da empresa."
    return None


def _add(errors: dict[str, list[str]], key: str, message: str) -> None:
    errors.setdefault(key, []).append(message)


def _prefixed(index: int, refused: InvalidFields) -> dict[str, list[str]]:
    return {f"{index}.{name}": messages for name, messages in refused.errors.items()}


# Groups -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GroupRow:
    group: RequestGroup | None  # None: a new group
    name: str
    position: int = 0
    is_active: bool = True


@transaction.atomic
def group_save(
    *,
    actor: Member,
    group: RequestGroup | None,
    name: str,
    position: int = 0,
    is_active: bool = True,
) -> RequestGroup:
    """Create or change one request group."""
    saved = groups_save(actor=actor, rows=[GroupRow(group, name, position, is_active)])
    return saved[0]


@transaction.atomic
def groups_save(*, actor: Member, rows: Sequence[GroupRow]) -> list[RequestGroup]:
    """Create and change several groups at once (the list page's table); groups are never
    deleted, only made inactive (their types keep their requests)."""
    require(actor, WorkflowPerm.MANAGE_TYPES)
    errors: dict[str, list[str]] = {}
    groups: list[RequestGroup] = []
    seen: set[str] = set()
    for index, row in enumerate(rows):
        group = row.group or RequestGroup()
        group.name, group.position, group.is_active = row.name.strip(), row.position, row.is_active
        try:
            validate_model_fields(group)
        except InvalidFields as refused:
            errors.update(_prefixed(index, refused))
        if group.name.casefold() in seen:
            _add(errors, f"{index}.name", f"Há dois grupos chamados “{group.name}”.")
        seen.add(group.name.casefold())
        groups.append(group)
    if errors:
        raise InvalidFields(errors)
    for index, group in enumerate(groups):
        try:
            with transaction.atomic():
                group.save()
        except IntegrityError as exc:
            raise InvalidFields(
                {f"{index}.name": [f"Já existe um grupo chamado “{group.name}”."]}
            ) from exc
    return groups


# Types --------------------------------------------------------------------------------------


@transaction.atomic
def request_type_save(
    *,
    actor: Member,
    request_type: RequestType | None,
    name: str,
    group: RequestGroup,
    description: str = "",
    default_attendant: Member | None = None,
    is_active: bool = False,
) -> RequestType:
    """Create or change a type's name, group, description, attendant and whether customers
    may open it (only once it has stages)."""
    require(actor, WorkflowPerm.MANAGE_TYPES)
    request_type = request_type or RequestType()
    request_type.name, request_type.description = name.strip(), description.strip()
    request_type.group, request_type.default_attendant = group, default_attendant
    request_type.is_active = is_active
    errors: dict[str, list[str]] = {}
    try:
        validate_model_fields(request_type)
    except InvalidFields as refused:
        errors.update(refused.errors)
    if group.organization_id != actor.organization_id:
        _add(errors, "group", "Escolha um grupo da empresa.")
    problem = _attendant_problem(actor, default_attendant)
    if problem:
        _add(errors, "default_attendant", problem)
    if is_active and (request_type.pk is None or not request_type.stages.exists()):
        _add(
            errors,
            "is_active",
            "Um tipo sem etapas não pode ficar ativo: crie as etapas e depois ative o tipo.",
        )
    if errors:
        raise InvalidFields(errors)
    try:
        with transaction.atomic():
            request_type.save()
    except IntegrityError as exc:
        raise DomainError(
            f"Já existe um tipo “{request_type.name}” neste grupo.",
            code=ErrorCode.DUPLICATE,
            field="name",
        ) from exc
    return request_type


def _locked(request_type: RequestType) -> RequestType:
    """The type's row locked: two people saving its stages or fields at once take turns."""
    return RequestType.objects.select_for_update().get(pk=request_type.pk)


# Stages -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class StageRow:
    stage: Stage | None  # None: a new stage
    name: str
    responsibility: str
    area_id: int | None = None  # the desk's area that works a company stage
    allows_forward: bool = True
    allows_back: bool = False
    allows_conclusion: bool = False
    allows_cancellation: bool = True
    asks_understanding: bool = False
    rejection_stage_id: int | None = None  # an existing stage of the same type


def _area_exists(area_id: int) -> bool:
    # By the relation, not by import: workflow knows the desk's area only by name. The
    # related model's manager is scoped to the active organization.
    area_model = cast("type[Model]", Stage._meta.get_field("area").related_model)
    return area_model._default_manager.filter(pk=area_id).exists()


def _stage_row_errors(
    index: int, row: StageRow, stage: Stage, kept: set[int], names: set[str]
) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    try:
        validate_model_fields(stage, exclude=("position",))
    except InvalidFields as refused:
        errors.update(_prefixed(index, refused))
    if stage.name.casefold() in names:
        _add(errors, f"{index}.name", f"Há duas etapas chamadas “{stage.name}”.")
    names.add(stage.name.casefold())
    if stage.area_id is not None and not _area_exists(stage.area_id):
        _add(errors, f"{index}.area", "Escolha uma área da empresa.")
    rejection = row.rejection_stage_id
    if rejection is not None:
        if stage.pk is not None and rejection == stage.pk:
            _add(
                errors,
                f"{index}.rejection_stage",
                "Um entendimento reprovado não pode voltar para a própria etapa.",
            )
        elif rejection not in kept:
            _add(errors, f"{index}.rejection_stage", "Escolha uma etapa que continua no tipo.")
    return errors


@transaction.atomic
def stages_save(
    *, actor: Member, request_type: RequestType, rows: Sequence[StageRow]
) -> list[Stage]:
    """Replace the type's stages by `rows`, in that order: existing stages keep their ids
    (tickets point at them), new ones are added, and stages left out are deleted unless a
    request has passed through them."""
    require(actor, WorkflowPerm.MANAGE_TYPES)
    request_type = _locked(request_type)
    existing = {stage.pk: stage for stage in request_type.stages.all()}
    kept = {row.stage.pk for row in rows if row.stage is not None}
    errors: dict[str, list[str]] = {}
    if not kept <= set(existing):
        raise DomainError("Uma das etapas não é deste tipo.", field=LIST)
    if len(kept) != len([row for row in rows if row.stage is not None]):
        raise DomainError("A mesma etapa aparece duas vezes.", field=LIST)
    if not rows and request_type.is_active:
        _add(errors, LIST, "Um tipo ativo precisa de pelo menos uma etapa; desative-o antes.")
    stages: list[Stage] = []
    names: set[str] = set()
    for index, row in enumerate(rows):
        stage = existing[row.stage.pk] if row.stage is not None else Stage(position=0)
        stage.request_type = request_type
        stage.name, stage.responsibility = row.name.strip(), row.responsibility
        company = row.responsibility == Responsibility.COMPANY
        stage.area_id = row.area_id if company else None
        stage.allows_forward, stage.allows_back = row.allows_forward, row.allows_back
        stage.allows_conclusion = row.allows_conclusion
        stage.allows_cancellation = row.allows_cancellation
        stage.asks_understanding = row.asks_understanding
        stage.rejection_stage_id = row.rejection_stage_id if row.asks_understanding else None
        if row.asks_understanding and not company:
            _add(
                errors,
                f"{index}.asks_understanding",
                "Quem escreve o entendimento é a empresa: marque numa etapa da empresa.",
            )
        for key, messages in _stage_row_errors(index, row, stage, kept, names).items():
            errors.setdefault(key, []).extend(messages)
        stages.append(stage)
    if errors:
        raise InvalidFields(errors)
    _stages_delete([existing[pk] for pk in existing if pk not in kept], kept)
    Stage.objects.filter(pk__in=kept).update(position=F("position") + _PARKING)
    for position, stage in enumerate(stages, start=1):
        stage.position = position
        stage.save()
    return stages


def _stages_delete(stages: list[Stage], kept: set[int]) -> None:
    for stage in stages:
        try:
            with transaction.atomic():
                # A kept stage that sent rejections here would silently lose them.
                Stage.objects.filter(pk__in=kept, rejection_stage=stage).update(
                    rejection_stage=None
                )
                stage.delete()
        except ProtectedError as exc:
            raise DomainError(
                f"A etapa “{stage.name}” já foi usada por solicitações e não pode ser "
                "excluída; renomeie-a ou mude suas opções.",
                code=ErrorCode.INVALID,
                field=LIST,
            ) from exc


# Fields -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FieldRow:
    field: RequestField | None  # None: a new field
    label: str
    kind: str
    key: str = ""  # derived from the label when empty
    choices: str = ""  # one option per line (choice fields)
    position: int = 0


def field_key(label: str) -> str:
    """The key a label gives ("Endereço da visita" → "endereco_da_visita")."""
    return slugify(label).replace("-", "_")[:40].strip("_")


def _field_from_row(index: int, row: FieldRow, errors: dict[str, list[str]]) -> RequestField:
    field = row.field or RequestField()
    key = row.key.strip() or (field.key if field.pk else field_key(row.label))
    if field.pk is not None and key != field.key:
        _add(
            errors,
            f"{index}.key",
            "A chave de um campo não muda depois de criada: as solicitações guardam os "
            "valores por ela.",
        )
    field.key, field.label, field.kind = key, row.label.strip(), row.kind
    options = [line.strip() for line in row.choices.splitlines() if line.strip()]
    field.choices = "\n".join(options) if row.kind == FieldKind.CHOICE else ""
    field.position = row.position
    try:
        validate_model_fields(field)
    except InvalidFields as refused:
        for name, messages in refused.errors.items():
            errors.setdefault(f"{index}.{name}", []).extend(messages)
    if row.kind == FieldKind.CHOICE and not options:
        _add(errors, f"{index}.choices", "Um campo de escolha precisa de opções (uma por linha).")
    if not key and field.label:
        _add(errors, f"{index}.key", "Informe uma chave (letras, números, _ ou -).")
    return field


@transaction.atomic
def fields_save(
    *, actor: Member, request_type: RequestType, rows: Sequence[FieldRow]
) -> list[RequestField]:
    """Replace the type's extra fields by `rows`: existing fields keep their id and key, new
    ones get a key unique in the type, fields left out are deleted (with their rules)."""
    require(actor, WorkflowPerm.MANAGE_TYPES)
    request_type = _locked(request_type)
    existing = {field.pk: field for field in request_type.fields.all()}
    kept = [row.field.pk for row in rows if row.field is not None]
    if not set(kept) <= set(existing) or len(set(kept)) != len(kept):
        raise DomainError("Um dos campos não é deste tipo.", field=LIST)
    errors: dict[str, list[str]] = {}
    fields: list[RequestField] = []
    keys: set[str] = set()
    for index, row in enumerate(rows):
        if row.field is not None:
            row = replace(row, field=existing[row.field.pk])
        field = _field_from_row(index, row, errors)
        if field.key and field.key in keys:
            _add(errors, f"{index}.key", f"Já existe um campo com a chave “{field.key}”.")
        keys.add(field.key)
        field.request_type = request_type
        fields.append(field)
    if errors:
        raise InvalidFields(errors)
    for field in existing.values():
        if field.pk not in kept:
            field.delete()
    for field in fields:
        field.save()
    return fields


# Rules --------------------------------------------------------------------------------------


@transaction.atomic
def rules_save(
    *, actor: Member, request_type: RequestType, rules: Mapping[tuple[int, int], str]
) -> None:
    """Set how each field behaves at each stage ({(stage id, field id): rule}); a cell left
    out or editable keeps no row."""
    require(actor, WorkflowPerm.MANAGE_TYPES)
    request_type = _locked(request_type)
    stage_ids = set(request_type.stages.values_list("pk", flat=True))
    field_ids = set(request_type.fields.values_list("pk", flat=True))
    for (stage_id, field_id), rule in rules.items():
        if stage_id not in stage_ids or field_id not in field_ids:
            raise DomainError("Uma das etapas ou dos campos não é deste tipo.", field=LIST)
        if rule not in FieldRule.values:
            raise DomainError("Escolha uma das regras da lista.", field=f"{stage_id}.{field_id}")
    wanted = {cell: rule for cell, rule in rules.items() if rule != FieldRule.EDITABLE}
    # Row by row, so the audit log shows each cell that changed.
    for row in StageFieldRule.objects.filter(stage_id__in=stage_ids):
        cell = (row.stage_id, row.field_id)
        wanted_rule = wanted.pop(cell) if cell in wanted else None
        if wanted_rule is None:
            row.delete()
        elif wanted_rule != row.rule:
            row.rule = wanted_rule
            row.save(update_fields=["rule"])
    for (stage_id, field_id), rule in sorted(wanted.items()):
        StageFieldRule.objects.create(stage_id=stage_id, field_id=field_id, rule=rule)


# Settings -----------------------------------------------------------------------------------


@transaction.atomic
def request_settings_save(*, actor: Member, default_attendant: Member | None) -> RequestSettings:
    """Who receives portal requests whose type names nobody (one row per organization)."""
    require(actor, WorkflowPerm.MANAGE_TYPES)
    problem = _attendant_problem(actor, default_attendant)
    if problem:
        raise DomainError(problem, field="default_attendant")
    settings, _ = RequestSettings.objects.select_for_update().get_or_create()
    settings.default_attendant = default_attendant
    settings.save()
    return settings
