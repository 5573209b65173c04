"""Objects behind the files routes, for the isolation walker."""

from django.core.files.uploadedfile import SimpleUploadedFile

from atende.files.policies import DOCUMENTS, UploadPolicy, register_upload_policy
from atende.files.services import stored_file_create
from atende.files.tests.samples import PNG
from atende.tenancy.testing import isolation_factory

register_upload_policy(UploadPolicy("walker", DOCUMENTS))


@isolation_factory("files:download")
def stored_file(organization):
    stored = stored_file_create(
        actor=None, uploaded_file=SimpleUploadedFile("a.png", PNG), use="walker"
    )
    return {"key": stored.key}
