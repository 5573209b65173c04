"""Remove stored bytes that no row points to (left when a caller's transaction rolled back)."""

from collections.abc import Iterator
from datetime import timedelta

from django.core.files.storage import Storage, default_storage
from django.utils import timezone

from atende.files.models import ROOT_FOLDER, StoredFile
from atende.tenancy.context import activate

BATCH = 500


def stored_file_orphans_delete(
    *, older_than: timedelta = timedelta(days=1), storage: Storage | None = None
) -> list[str]:
    """Delete files under `org/` with no StoredFile row, older than `older_than`; their names."""
    storage = storage or default_storage
    # Younger files may belong to an upload whose transaction has not committed yet.
    cutoff = timezone.now() - older_than
    deleted: list[str] = []
    for organization_id in _organization_folders(storage):
        # One organization at a time, scoped as a request would be (RLS applies on PostgreSQL).
        with activate(organization_id):
            for batch in _batches(_walk(storage, f"{ROOT_FOLDER}/{organization_id}")):
                known = set(
                    StoredFile.objects.filter(file__in=batch).values_list("file", flat=True)
                )
                for name in batch:
                    if name not in known and storage.get_modified_time(name) < cutoff:
                        storage.delete(name)
                        deleted.append(name)
    return deleted


def _organization_folders(storage: Storage) -> list[int]:
    if not storage.exists(ROOT_FOLDER):
        return []
    folders, _files = storage.listdir(ROOT_FOLDER)
    return sorted(int(folder) for folder in folders if folder.isdigit())


def _walk(storage: Storage, folder: str) -> Iterator[str]:
    folders, files = storage.listdir(folder)
    for name in files:
        yield f"{folder}/{name}"
    for child in folders:
        yield from _walk(storage, f"{folder}/{child}")


def _batches(names: Iterator[str]) -> Iterator[list[str]]:
    batch: list[str] = []
    for name in names:
        batch.append(name)
        if len(batch) == BATCH:
            yield batch
            batch = []
    if batch:
        yield batch
