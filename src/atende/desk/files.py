"""The desk's upload uses: ticket attachments (read by whoever sees the ticket, through the same
rule as the ticket page) and the logo printed on service orders."""

from atende.accounts.permissions import can
from atende.desk.permissions import DeskPerm
from atende.files.access import register_download_rule
from atende.files.policies import DOCUMENTS, IMAGES, MB, UploadPolicy, register_upload_policy

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


# The organization's logo printed on service orders: an image, read by whoever sees the desk.
ORGANIZATION_LOGO = "organization_logo"

register_upload_policy(UploadPolicy(ORGANIZATION_LOGO, IMAGES, max_bytes=2 * MB))


def _may_download_logo(member, stored_file) -> bool:
    return can(member, DeskPerm.VIEW)


register_download_rule(ORGANIZATION_LOGO, _may_download_logo)
