"""Reads of the request-type definitions, shaped for the configuration pages (and the API)."""

from django.db.models import Count, Prefetch
from django.shortcuts import get_object_or_404

from atende.workflow.models import (
    RequestField,
    RequestGroup,
    RequestSettings,
    RequestType,
    Stage,
    StageFieldRule,
)


def request_group_list() -> list[RequestGroup]:
    """Every group with its types (each with its stage count), active or not (two queries)."""
    types = RequestType.objects.annotate(stage_count=Count("stages")).order_by("position", "name")
    by_types = Prefetch("types", queryset=types)
    groups = RequestGroup.objects.prefetch_related(by_types)  # type: ignore[arg-type]
    return list(groups.order_by("position", "name"))


def request_group_choices() -> list[RequestGroup]:
    return list(RequestGroup.objects.order_by("position", "name"))


def request_type_get(*, pk: int) -> RequestType:
    """One type of the organization (another organization's is missing: 404)."""
    return get_object_or_404(RequestType.objects.select_related("group"), pk=pk)


def request_type_stages(*, request_type: RequestType) -> list[Stage]:
    return list(Stage.objects.filter(request_type=request_type).order_by("position"))


def request_type_fields(*, request_type: RequestType) -> list[RequestField]:
    return list(RequestField.objects.filter(request_type=request_type).order_by("position", "pk"))


def request_type_rules(*, request_type: RequestType) -> dict[tuple[int, int], str]:
    """{(stage id, field id): rule} of the type's non-editable cells."""
    rows = StageFieldRule.objects.filter(stage__request_type=request_type)
    return {
        (stage_id, field_id): rule
        for stage_id, field_id, rule in rows.values_list("stage_id", "field_id", "rule")
    }


def request_settings_get() -> RequestSettings | None:
    """The organization's request parameters (None until first saved)."""
    return RequestSettings.objects.select_related("default_attendant__user").first()
