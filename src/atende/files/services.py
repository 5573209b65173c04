"""Store and delete uploaded files; nothing half-written on failure."""

import hashlib

from django.core.files.storage import Storage
from django.db import transaction
from django.utils import timezone

from atende.core.errors import DomainError
from atende.files.errors import FileError
from atende.files.models import StoredFile
from atende.files.policies import upload_policy
from atende.files.validation import UploadedFileLike, size_label, validate_upload
from atende.tenancy.context import require_active_organization_id
from atende.tenancy.models import Member

CHUNK_BYTES = 64 * 1024


def _assert_actor_in_active_organization(actor: Member | None) -> None:
    # The actor carries the tenant: a member of another organization must never write here.
    if actor is not None and actor.organization_id != require_active_organization_id():
        raise PermissionError("the actor belongs to another organization")


def _digest(uploaded_file: UploadedFileLike, limit: int) -> tuple[str, int]:
    """SHA-256 and the real byte count, read in chunks; stops as soon as the limit is passed."""
    digest = hashlib.sha256()
    total = 0
    uploaded_file.seek(0)
    while chunk := uploaded_file.read(CHUNK_BYTES):
        total += len(chunk)
        if total > limit:
            # `.size` said otherwise (a custom file object): trust the bytes, not the claim.
            raise DomainError(
                f"Arquivo maior que {size_label(limit)}.", code=FileError.FILE_SIZE, field="file"
            )
        digest.update(chunk)
    uploaded_file.seek(0)
    return digest.hexdigest(), total


@transaction.atomic
def stored_file_create(
    *, actor: Member | None, uploaded_file: UploadedFileLike, use: str
) -> StoredFile:
    """Validate an upload for `use` and store it under a generated path."""
    _assert_actor_in_active_organization(actor)
    policy = upload_policy(use)
    checked = validate_upload(uploaded_file, policy=policy)
    sha256, size = _digest(uploaded_file, policy.limit)
    stored = StoredFile(
        use=use,
        original_name=checked.original_name,
        size=size,
        content_type=checked.content_type,
        sha256=sha256,
        uploaded_by=actor,
        created_at=timezone.now(),
    )
    stored.bind_to_active_organization()  # the generated path starts with the organization
    storage = stored.file.storage
    # Known before writing, so a write that fails halfway can still be cleaned up.
    name = stored.file.field.generate_filename(stored, checked.original_name)
    try:
        stored.file.save(checked.original_name, uploaded_file, save=False)
        stored.save()
    except BaseException:
        # No row, no bytes: also a partial write left by a failing storage.
        _delete_bytes(storage, stored.file.name or name)
        raise
    # The caller's transaction may still roll back after we return; the row goes with it and
    # the bytes become an orphan that `stored_file_orphans_delete` removes later.
    return stored


@transaction.atomic
def stored_file_delete(*, actor: Member | None, stored_file: StoredFile) -> None:
    """Delete the row now and the bytes once the deletion is committed."""
    _assert_actor_in_active_organization(actor)
    name, storage = stored_file.file.name, stored_file.file.storage
    stored_file.delete()
    # After the commit only: a rolled-back deletion must still find its bytes.
    transaction.on_commit(lambda: _delete_bytes(storage, name))


def _delete_bytes(storage: Storage, name: str) -> None:
    if name:
        storage.delete(name)
