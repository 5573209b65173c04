"""Register the desk's records with the audit log (the timeline is the ticket's own history)."""

from auditlog.registry import auditlog

from atende.desk.models import (
    Area,
    AreaResource,
    SavedFilter,
    ServiceOrder,
    ServiceOrderItem,
    ServiceOrderSettings,
    Ticket,
    TicketAttachment,
    TimeEntry,
)

auditlog.register(Ticket, exclude_fields=["search_text", "updated_at", "is_open", "due_key"])
auditlog.register(Area)
auditlog.register(AreaResource)
auditlog.register(TimeEntry)
auditlog.register(SavedFilter)
auditlog.register(TicketAttachment)
auditlog.register(ServiceOrder, exclude_fields=["updated_at"])
auditlog.register(ServiceOrderItem)
auditlog.register(ServiceOrderSettings, exclude_fields=["updated_at"])
