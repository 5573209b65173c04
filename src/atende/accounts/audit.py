"""Register this app's models with the audit log (who, when, IP, field diff)."""

import re

from auditlog.registry import auditlog
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from atende.accounts.models import ApiToken, Invitation, PortalAccount, PortalToken, Sector
from atende.core.history_format import history_describe, history_names_register
from atende.tenancy.models import Member

auditlog.register(Member)
# A member is named by its user: load both at once when a history page names members.
history_names_register(Member, lambda members: members.select_related("user"))
auditlog.register(Sector, m2m_fields={"permissions"})
auditlog.register(ApiToken, exclude_fields=["token_hash", "last_used_at"])
auditlog.register(Invitation)
auditlog.register(PortalAccount, exclude_fields=["password", "last_login_at", "link_count"])
auditlog.register(PortalToken, exclude_fields=["token_hash"])

# Django names its own permissions in English ("Can view customer"); the matrix shows them
# as a column (View, Add, Edit, Delete) of a row (the record), and so does the history.
STANDARD_PERMISSION = re.compile(r"^Can (view|add|change|delete) (.+)$")
STANDARD_ACTIONS = {"view": "View", "add": "Add", "change": "Edit", "delete": "Delete"}


def permission_label(recorded: str) -> str:
    """`"Clientes | cliente | Can view customer"` (Permission.__str__) → `"Cliente: Ver"`."""
    name = recorded.rsplit(" | ", 1)[-1]
    standard = STANDARD_PERMISSION.match(name)
    if standard is None:
        return gettext(name)  # our own permissions have translated names
    action, record = standard.groups()
    return f"{capfirst(gettext(record))}: {gettext(STANDARD_ACTIONS[action])}"


history_describe(Sector, formats={"permissions": permission_label})
history_describe(ApiToken, labels={"prefix": _("prefix")})
history_describe(Invitation, labels={"send_count": _("times sent")})
history_describe(PortalToken, labels={"prefix": _("prefix")})
