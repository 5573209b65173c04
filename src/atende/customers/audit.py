"""Register customer models with the audit log (the Histórico tab)."""

from auditlog.registry import auditlog

from atende.customers.models import (
    Address,
    Contact,
    Customer,
    CustomerDocument,
    DirectDebit,
    Observation,
)

auditlog.register(Customer, exclude_fields=["search_text", "updated_at"])
auditlog.register(Contact)
auditlog.register(Address)
auditlog.register(Observation)
auditlog.register(DirectDebit)
auditlog.register(CustomerDocument)
