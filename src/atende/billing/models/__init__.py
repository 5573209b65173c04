from atende.billing.models.bank_account import BankAccount
from atende.billing.models.batch import BatchStatus, BoletoBatch
from atende.billing.models.boleto import Boleto, BoletoStatus
from atende.billing.models.card import CardCharge, StoredCard
from atende.billing.models.common import MONEY, ZERO, Bank
from atende.billing.models.invoice import (
    OPEN_STATUSES,
    Invoice,
    InvoiceItem,
    InvoiceStatus,
    Payment,
    PaymentSource,
)
from atende.billing.models.plan import (
    DiscountKind,
    Period,
    Plan,
    PlanDiscount,
    ReminderKind,
    ReminderSent,
    Subscription,
    SubscriptionStatus,
)
from atende.billing.models.settings import BillingSettings
from atende.billing.models.settlement import ReturnFile, ReturnFileStatus

__all__ = [
    "MONEY",
    "OPEN_STATUSES",
    "ZERO",
    "Bank",
    "BankAccount",
    "BatchStatus",
    "BillingSettings",
    "Boleto",
    "BoletoBatch",
    "BoletoStatus",
    "CardCharge",
    "DiscountKind",
    "Invoice",
    "InvoiceItem",
    "InvoiceStatus",
    "Payment",
    "PaymentSource",
    "Period",
    "Plan",
    "PlanDiscount",
    "ReminderKind",
    "ReminderSent",
    "ReturnFile",
    "ReturnFileStatus",
    "StoredCard",
    "Subscription",
    "SubscriptionStatus",
]
