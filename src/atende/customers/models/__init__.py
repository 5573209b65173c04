"""Customer registry models, re-exported from their modules."""

from atende.customers.models.bulk import (
    BulkChannel,
    BulkMessage,
    BulkRecipient,
    BulkStatus,
    RecipientStatus,
)
from atende.customers.models.catalogs import (
    Category,
    ContactType,
    DocumentType,
    ExtraField,
    ExtraFieldKind,
    ExtraFieldTarget,
    Origin,
    OriginType,
    SectorCategory,
)
from atende.customers.models.contacts import Address, Contact
from atende.customers.models.customer import Customer, CustomerKind, SubscriberType
from atende.customers.models.documents import CustomerDocument
from atende.customers.models.messages import (
    CustomerEmail,
    CustomerEmailAttachment,
    CustomerSms,
    MessageStatus,
    SmsTemplate,
)
from atende.customers.models.notes import DirectDebit, Favorite, Observation, ObservationRead

__all__ = [
    "BulkChannel",
    "BulkMessage",
    "BulkRecipient",
    "BulkStatus",
    "RecipientStatus",
    "Address",
    "Category",
    "Contact",
    "ContactType",
    "Customer",
    "CustomerDocument",
    "CustomerEmail",
    "CustomerEmailAttachment",
    "CustomerSms",
    "MessageStatus",
    "SmsTemplate",
    "CustomerKind",
    "DirectDebit",
    "DocumentType",
    "ExtraField",
    "ExtraFieldKind",
    "ExtraFieldTarget",
    "Favorite",
    "Observation",
    "ObservationRead",
    "Origin",
    "OriginType",
    "SectorCategory",
    "SubscriberType",
]
