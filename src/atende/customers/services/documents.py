"""Attach documents to a customer and remove them."""

from django.db import transaction

from atende.accounts.permissions import require
from atende.customers.documents import CUSTOMER_DOCUMENT
from atende.customers.models import Customer, CustomerDocument, DocumentType
from atende.customers.permissions import CustomerPerm
from atende.files.services import stored_file_create, stored_file_delete
from atende.files.validation import UploadedFileLike
from atende.tenancy.models import Member


@transaction.atomic
def customer_document_add(
    *,
    actor: Member,
    customer: Customer,
    uploaded_file: UploadedFileLike,
    document_type: DocumentType | None = None,
    description: str = "",
) -> CustomerDocument:
    """Validate the file (type by content, size) and attach it to the customer."""
    require(actor, CustomerPerm.CHANGE, customer)
    stored = stored_file_create(actor=actor, uploaded_file=uploaded_file, use=CUSTOMER_DOCUMENT)
    return CustomerDocument.objects.create(
        customer=customer,
        document_type=document_type,
        stored_file=stored,
        description=description.strip(),
    )


@transaction.atomic
def customer_document_delete(*, actor: Member, document: CustomerDocument) -> None:
    """Remove the document and its file."""
    require(actor, CustomerPerm.CHANGE, document.customer)
    stored = document.stored_file
    document.delete()
    stored_file_delete(actor=actor, stored_file=stored)
