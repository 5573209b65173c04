"""Register this app's models with the audit log (who, when, IP, field diff)."""

from auditlog.registry import auditlog

from atende.accounts.models import ApiToken, Invitation, PortalAccount, PortalToken, Sector
from atende.tenancy.models import Member

auditlog.register(Member)
auditlog.register(Sector, m2m_fields={"permissions"})
auditlog.register(ApiToken, exclude_fields=["token_hash", "last_used_at"])
auditlog.register(Invitation)
auditlog.register(PortalAccount, exclude_fields=["password", "last_login_at", "link_count"])
auditlog.register(PortalToken, exclude_fields=["token_hash"])
