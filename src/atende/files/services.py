"""Store and delete uploaded files; nothing half-written on failure."""

import hashlib

from django.db import transaction
from django.utils import timezone

from atende.files.models import StoredFile
from atende.files.policies import upload_policy
from atende.files.validation import validate_upload
from atende.tenancy.models import Member


def _sha256(uploaded_file) -> str:
    digest = hashlib.sha256()
    uploaded_file.seek(0)
    for chunk in uploaded_file.chunks():
        digest.update(chunk)
    uploaded_file.seek(0)
    return digest.hexdigest()


@transaction.atomic
def stored_file_create(*, actor: Member | None, uploaded_file, use: str) -> StoredFile:
    """Validate an upload for `use` and store it under a generated path."""
    checked = validate_upload(uploaded_file, policy=upload_policy(use))
    stored = StoredFile(
        use=use,
        original_name=checked.original_name,
        size=checked.size,
        content_type=checked.content_type,
        sha256=_sha256(uploaded_file),
        uploaded_by=actor,
        created_at=timezone.now(),
    )
    stored.bind_to_active_organization()  # the generated path starts with the organization
    stored.file.save(checked.original_name, uploaded_file, save=False)
    try:
        stored.save()
    except BaseException:
        stored.file.storage.delete(stored.file.name)  # no row, no bytes
        raise
    return stored


@transaction.atomic
def stored_file_delete(*, actor: Member | None, stored_file: StoredFile) -> None:
    """Delete the row now and the bytes once the deletion is committed."""
    name, storage = stored_file.file.name, stored_file.file.storage
    stored_file.delete()
    transaction.on_commit(lambda: storage.delete(name))
