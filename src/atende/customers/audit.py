"""Register customer models with the audit log (the Histórico tab)."""

from auditlog.registry import auditlog

from atende.customers.models import (
    Address,
    Category,
    Contact,
    ContactType,
    Customer,
    CustomerDocument,
    DirectDebit,
    DocumentType,
    ExtraField,
    Observation,
    Origin,
    OriginType,
    SectorCategory,
    SmsTemplate,
)

auditlog.register(Customer, exclude_fields=["search_text", "updated_at"])
auditlog.register(Contact)
auditlog.register(Address)
auditlog.register(Observation)
auditlog.register(DirectDebit)
auditlog.register(CustomerDocument)
for catalog in (Category, ContactType, DocumentType, ExtraField, Origin, OriginType, SmsTemplate):
    auditlog.register(catalog)
auditlog.register(SectorCategory)
