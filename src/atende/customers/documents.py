"""The customer-document upload use and who may download those files."""

from atende.accounts.permissions import can
from atende.customers.models import CustomerDocument, CustomerEmail
from atende.customers.permissions import CustomerPerm
from atende.files.access import register_download_rule
from atende.files.policies import DOCUMENTS, MB, UploadPolicy, register_upload_policy

CUSTOMER_DOCUMENT = "customer_document"

register_upload_policy(UploadPolicy(CUSTOMER_DOCUMENT, DOCUMENTS, max_bytes=10 * MB))


def _may_download(member, stored_file) -> bool:
    document = (
        CustomerDocument.objects.select_related("customer").filter(stored_file=stored_file).first()
    )
    return document is not None and can(member, CustomerPerm.VIEW, document.customer)


register_download_rule(CUSTOMER_DOCUMENT, _may_download)


def _may_download_email_attachment(member, stored_file) -> bool:
    email = CustomerEmail.objects.select_related("customer").filter(attachments=stored_file).first()
    return email is not None and can(member, CustomerPerm.VIEW, email.customer)


register_download_rule("customer_email_attachment", _may_download_email_attachment)
