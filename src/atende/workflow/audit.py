"""Register the workflow's definitions with the audit log."""

from auditlog.registry import auditlog

from atende.workflow.models import (
    RequestField,
    RequestGroup,
    RequestSettings,
    RequestType,
    Stage,
    StageFieldRule,
)

for model in (RequestGroup, RequestType, Stage, RequestField, StageFieldRule, RequestSettings):
    auditlog.register(model)
