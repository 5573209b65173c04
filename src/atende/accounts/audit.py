"""Register this app's models with the audit log (who, when, IP, field diff)."""

from auditlog.registry import auditlog

from atende.accounts.models import ApiToken, Invitation, PortalAccount, PortalToken, Sector
from atende.core.history_format import history_names_register
from atende.tenancy.models import Member

auditlog.register(Member)
# A member is named by its user: load both at once when a history page names members.
history_names_register(Member, lambda members: members.select_related("user"))
auditlog.register(Sector, m2m_fields={"permissions"})
auditlog.register(ApiToken, exclude_fields=["token_hash", "last_used_at"])
auditlog.register(Invitation)
auditlog.register(PortalAccount, exclude_fields=["password", "last_login_at", "link_count"])
auditlog.register(PortalToken, exclude_fields=["token_hash"])
