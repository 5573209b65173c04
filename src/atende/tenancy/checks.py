"""System checks: every organization-owned model is a TenantModel and its indexes lead with it."""

from collections.abc import Sequence
from typing import Any

from django.apps import AppConfig, apps
from django.core import checks
from django.db import models

from atende.tenancy.models import Organization, TenantModel


def _points_to_organization(field: "models.Field[Any, Any]") -> bool:
    return isinstance(field, models.ForeignKey) and field.related_model is Organization


@checks.register(checks.Tags.models)
def check_tenant_models(
    app_configs: Sequence[AppConfig] | None = None, **kwargs: object
) -> list[checks.CheckMessage]:
    errors: list[checks.CheckMessage] = []
    for model in apps.get_models(include_auto_created=True):
        if model._meta.abstract or model._meta.proxy:
            continue
        owned = any(_points_to_organization(f) for f in model._meta.local_fields)
        if owned and not issubclass(model, TenantModel):
            errors.append(
                checks.Error(
                    f"{model._meta.label} has a foreign key to Organization but is not a "
                    "TenantModel.",
                    hint="Inherit atende.tenancy.models.TenantModel.",
                    obj=model,
                    id="tenancy.E001",
                )
            )
        if issubclass(model, TenantModel):
            errors.extend(_index_errors(model))
    errors.extend(_name_clashes())
    return errors


def _name_clashes() -> list[checks.CheckMessage]:
    """PostgreSQL keeps tables and indexes in one namespace: a constraint named like a table
    breaks `migrate` there while SQLite accepts it."""
    models_ = apps.get_models(include_auto_created=True)
    tables = {model._meta.db_table for model in models_}
    return [
        checks.Error(
            f"{model._meta.label}: index/constraint {item.name} has the name of a table.",
            obj=model,
            id="tenancy.E003",
        )
        for model in models_
        for item in [*model._meta.indexes, *model._meta.constraints]
        if item.name in tables
    ]


def _index_errors(model: type[models.Model]) -> list[checks.CheckMessage]:
    problems: list[str] = []
    for field in model._meta.local_fields:
        if field.primary_key or field.name == "organization":
            continue
        if field.unique:
            problems.append(f"field '{field.name}' is unique on its own")
        elif field.db_index:  # type: ignore[attr-defined]  # set by Field(); not in django-stubs
            problems.append(f"field '{field.name}' has a single-column index (db_index)")
    problems.extend(
        f"unique_together {together} does not start with organization"
        for together in model._meta.unique_together
        if together[0] != "organization"
    )
    problems.extend(
        f"index {index.name} does not start with organization"
        for index in model._meta.indexes
        if not index.fields or index.fields[0] != "organization"
    )
    for constraint in model._meta.constraints:
        fields = getattr(constraint, "fields", None)
        if isinstance(constraint, models.UniqueConstraint) and (
            not fields or fields[0] != "organization"
        ):
            problems.append(f"unique constraint {constraint.name} does not start with organization")
    return [
        checks.Error(
            f"{model._meta.label}: {problem}.",
            hint="Every unique constraint and index on a tenant table begins with organization "
            "(set db_index=False on foreign keys and add Index(fields=['organization', …])).",
            obj=model,
            id="tenancy.E002",
        )
        for problem in problems
    ]
