"""Register customer models with the audit log (the Histórico tab) and say how they read.

A customer's Histórico also shows what happened to its contacts, addresses, observations (and
who read them), documents, direct debit, e-mails and SMS: their entries are filed under the
customer (atende.core.history) and formatted by atende.core.history_format.
"""

from auditlog.models import LogEntry
from auditlog.registry import auditlog
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from atende.core.documents import format_document
from atende.core.history import history_subject_register
from atende.core.history_format import history_describe, history_json_labels_register
from atende.core.phones import phone_display
from atende.core.text import format_cep
from atende.customers.models import (
    Address,
    Category,
    Contact,
    ContactType,
    Customer,
    CustomerDocument,
    CustomerEmail,
    CustomerSms,
    DirectDebit,
    DocumentType,
    ExtraField,
    ExtraFieldTarget,
    Observation,
    ObservationRead,
    Origin,
    OriginType,
    SectorCategory,
    SmsTemplate,
)
from atende.customers.models.address import address_fields

Action = LogEntry.Action

auditlog.register(Customer, exclude_fields=["search_text", "name_key", "city_key", "updated_at"])
auditlog.register(Contact)
auditlog.register(Address)
auditlog.register(Observation)
auditlog.register(ObservationRead, include_fields=["observation"])
auditlog.register(DirectDebit)
auditlog.register(CustomerDocument)
auditlog.register(
    CustomerEmail,
    include_fields=["to", "cc", "subject", "status", "error", "sent_at"],
    m2m_fields={"attachments"},
)
auditlog.register(CustomerSms, include_fields=["contact", "phone", "text", "status", "error"])
for catalog in (Category, ContactType, DocumentType, ExtraField, Origin, OriginType, SmsTemplate):
    auditlog.register(catalog)
auditlog.register(SectorCategory)

for related in (Contact, Address, Observation, DirectDebit, CustomerDocument):
    history_subject_register(related, "customer")
history_subject_register(CustomerEmail, "customer")
history_subject_register(CustomerSms, "customer")
history_subject_register(ObservationRead, "observation.customer")

# --- how the entries read ------------------------------------------------------------------

PHONE_FORMATS = {"phone": phone_display, "phone_alt": phone_display, "mobile": phone_display}
# The billing address repeats the address's fields and labels; the history tells them apart.
BILLING_LABELS = {
    f"billing_{name}": format_lazy(_("{field} (billing)"), field=field.verbose_name)
    for name, field in address_fields().items()
}

history_describe(
    Customer,
    labels={
        "category": _("category"),
        "origin_type": _("origin type"),
        "origin": _("origin"),
        **BILLING_LABELS,
    },
    formats={
        "document": format_document,
        "postal_code": format_cep,
        "billing_postal_code": format_cep,
        **PHONE_FORMATS,
    },
)
history_describe(Contact, formats=PHONE_FORMATS)
history_describe(Address, formats={"postal_code": format_cep})
history_describe(Observation, labels={"author": _("author")})
history_describe(
    CustomerDocument,
    hidden=["stored_file"],  # named in the entry's title: the file goes with the document
    titles={Action.CREATE: _("Document uploaded"), Action.DELETE: _("Document deleted")},
)
history_describe(
    ObservationRead,
    label=_("observation read"),
    hidden=["observation", "member", "read_at"],
    titles={Action.CREATE: _("Observation read")},
)
history_describe(
    CustomerEmail,
    label=_("e-mail"),
    labels={"error": _("error"), "sent_at": _("sent at"), "attachments": _("attachments")},
    titles={Action.CREATE: _("New e-mail")},  # then "Changed · E-mail": status, attachments
)
history_describe(
    CustomerSms,
    label=_("SMS"),
    labels={"contact": _("contact"), "status": _("status"), "error": _("error")},
    formats={"phone": phone_display},
    titles={Action.CREATE: _("New SMS")},
)


def _extra_labels(target: str) -> dict[str, str]:
    return dict(ExtraField.objects.filter(target=target).values_list("key", "label"))


history_json_labels_register(Customer, "extra", lambda: _extra_labels(ExtraFieldTarget.CUSTOMER))
history_json_labels_register(Contact, "extra", lambda: _extra_labels(ExtraFieldTarget.CONTACT))
