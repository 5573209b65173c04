"""Every organization-owned model is audited (T5), except the few that are logs themselves."""

from auditlog.registry import auditlog
from django.apps import apps

from atende.tenancy.models import TenantModel

# Bookkeeping and message logs: they record events themselves, auditing them would only echo.
NOT_AUDITED = {
    "tenancy.Counter",
    "tenancy.AuditLogEntry",  # the audit log itself
    "accounts.SectorPermission",  # audited through Sector's permissions (m2m_fields)
    "customers.Favorite",
    "customers.CustomerEmailAttachment",
    # A bulk send is its own record (who, when, each recipient's outcome); each message it sends
    # is a CustomerEmail/CustomerSms, audited into the customer's history.
    "customers.BulkMessage",
    "customers.BulkRecipient",
    "desk.TimelineEntry",  # the ticket's own history: who wrote or changed what, and when
    "desk.StagePassage",  # a typed request's stage history, itself the record of its moves
    "desk.MailMessage",  # the e-mail log of a ticket's thread (Message-IDs in and out)
    "billing.ReminderSent",  # the log of reminders sent (one row per invoice and kind)
}


def test_every_tenant_model_is_audited_or_deliberately_not():
    tenant_models = {
        model._meta.label for model in apps.get_models() if issubclass(model, TenantModel)
    }
    audited = {model._meta.label for model in auditlog.get_models()}
    assert sorted(tenant_models - audited - NOT_AUDITED) == []
    assert sorted(NOT_AUDITED - tenant_models) == []  # the list stays honest
