"""The files route for the walkers: a file of a use without a download rule, which only
administrators may read (fail closed)."""

from django.core.files.uploadedfile import SimpleUploadedFile

from atende.files.policies import DOCUMENTS, UploadPolicy, register_upload_policy
from atende.files.services import stored_file_create
from atende.files.tests.samples import PNG
from atende.tenancy.testing import ADMIN_ONLY, isolation_factory, route_access

register_upload_policy(UploadPolicy("walker", DOCUMENTS))


@isolation_factory("files:download")
def stored_file(organization):
    stored = stored_file_create(
        actor=None, uploaded_file=SimpleUploadedFile("a.png", PNG), use="walker"
    )
    return {"key": stored.key}


route_access("files:download", needs=ADMIN_ONLY)
