"""The ticket-attachment upload use and who may download those files (whoever sees the
ticket, through the same rule as the ticket page)."""

from atende.accounts.permissions import can
from atende.desk.permissions import DeskPerm
from atende.files.access import register_download_rule
from atende.files.policies import DOCUMENTS, MB, UploadPolicy, register_upload_policy

TICKET_ATTACHMENT = "ticket_attachment"

register_upload_policy(UploadPolicy(TICKET_ATTACHMENT, DOCUMENTS, max_bytes=10 * MB))


def _may_download(member, stored_file) -> bool:
    from atende.desk.models import TicketAttachment

    attachment = (
        TicketAttachment.objects.select_related("ticket__customer")
        .filter(stored_file=stored_file)
        .first()
    )
    return attachment is not None and can(member, DeskPerm.VIEW, attachment.ticket)


register_download_rule(TICKET_ATTACHMENT, _may_download)
