"""Register billing's records with the audit log; invoices, payments and subscriptions also
show on their customer's Histórico (C9)."""

from auditlog.registry import auditlog

from atende.billing.models import (
    BankAccount,
    BillingSettings,
    Boleto,
    BoletoBatch,
    CardCharge,
    Invoice,
    InvoiceItem,
    Payment,
    Plan,
    PlanDiscount,
    ReturnFile,
    StoredCard,
    Subscription,
)
from atende.core.history import history_subject_register

# The next nosso número is bookkeeping of every issue, not a change anyone made by hand.
auditlog.register(BankAccount, exclude_fields=["next_nosso_numero"])
auditlog.register(Invoice, exclude_fields=["updated_at"])
auditlog.register(InvoiceItem)
auditlog.register(Boleto)
# Keys that identify a bank occurrence or a request: fixed when written, not worth reading.
auditlog.register(Payment, exclude_fields=["occurrence_key"])
auditlog.register(Plan)
auditlog.register(BillingSettings, exclude_fields=["updated_at"])
auditlog.register(PlanDiscount)
auditlog.register(Subscription)
auditlog.register(StoredCard, exclude_fields=["token"])
auditlog.register(CardCharge, exclude_fields=["idempotency_key"])
# A batch and a return file are their own records (who, when, progress and report); the
# content is the bank's file as uploaded.
auditlog.register(
    BoletoBatch, exclude_fields=["done", "customer_ids", "skipped", "idempotency_key"]
)
auditlog.register(ReturnFile, exclude_fields=["content", "done", "report", "sha256"])
for model in (Invoice, Subscription, StoredCard):
    history_subject_register(model, "customer")
for model in (Payment, Boleto, InvoiceItem, CardCharge):
    history_subject_register(model, "invoice.customer")
