"""Who may configure request types: administrators and the sectors granted "change request
type" (one permission covers groups, types, stages, fields, rules and the default attendant)."""

from enum import StrEnum

import rules

from atende.accounts.permissions import module_permission


class WorkflowPerm(StrEnum):
    MANAGE_TYPES = "workflow.change_requesttype"


rules.add_perm(WorkflowPerm.MANAGE_TYPES, module_permission(WorkflowPerm.MANAGE_TYPES))
