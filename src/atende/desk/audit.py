"""Register the desk's records with the audit log (the timeline is the ticket's own history)."""

from auditlog.registry import auditlog
from django.utils.translation import gettext_lazy as _

from atende.core.history import history_subject_register
from atende.core.history_format import history_describe
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

# due_notified_on: the due-date notice's bookkeeping (sent once per date), not a change.
auditlog.register(
    Ticket,
    exclude_fields=["search_text", "updated_at", "is_open", "due_key", "due_notified_on"],
)
auditlog.register(Area)
auditlog.register(AreaResource)
auditlog.register(TimeEntry)
auditlog.register(SavedFilter)
auditlog.register(TicketAttachment)
# A ticket's changes also show on its customer's Histórico (C9).
history_subject_register(Ticket, "customer")
history_describe(Ticket, labels={"field_values": _("request fields")})
history_describe(SavedFilter, labels={"owner": _("owner"), "query": _("filters")})
history_describe(TicketAttachment, labels={"stored_file": _("file"), "field_key": _("field")})
auditlog.register(ServiceOrder, exclude_fields=["updated_at"])
auditlog.register(ServiceOrderItem)
auditlog.register(ServiceOrderSettings, exclude_fields=["updated_at"])
history_subject_register(ServiceOrder, "customer")  # on the customer's Histórico too
history_describe(ServiceOrderItem, labels={"order": _("service order")})
