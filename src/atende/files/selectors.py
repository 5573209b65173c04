"""Reads of stored files."""

from uuid import UUID

from django.shortcuts import get_object_or_404

from atende.files.models import StoredFile


def stored_file_get(*, key: UUID) -> StoredFile:
    """The active organization's file with this key; another organization's is just missing."""
    return get_object_or_404(StoredFile, key=key)
