"""Register the workflow's definitions with the audit log."""

from auditlog.registry import auditlog
from django.utils.translation import gettext_lazy as _

from atende.core.history_format import history_describe
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
history_describe(StageFieldRule, labels={"field": _("field")})
