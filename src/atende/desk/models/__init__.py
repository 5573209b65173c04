"""Desk models, re-exported from their modules."""

from atende.desk.models.area import Area, AreaResource
from atende.desk.models.mail import MailDirection, MailMessage
from atende.desk.models.service_order import (
    ItemKind,
    ServiceOrder,
    ServiceOrderItem,
    ServiceOrderSettings,
    ServiceOrderStatus,
)
from atende.desk.models.ticket import (
    CLOSED_STATUSES,
    Channel,
    Priority,
    Ticket,
    TicketStatus,
)
from atende.desk.models.timeline import (
    EntryKind,
    SavedFilter,
    StagePassage,
    TicketAttachment,
    TimeEntry,
    TimelineEntry,
)

__all__ = [
    "CLOSED_STATUSES",
    "Area",
    "AreaResource",
    "Channel",
    "EntryKind",
    "MailDirection",
    "MailMessage",
    "ItemKind",
    "Priority",
    "SavedFilter",
    "ServiceOrder",
    "ServiceOrderItem",
    "ServiceOrderSettings",
    "ServiceOrderStatus",
    "StagePassage",
    "Ticket",
    "TicketAttachment",
    "TicketStatus",
    "TimeEntry",
    "TimelineEntry",
]
