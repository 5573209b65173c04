"""The one download view: authorised on every request, always an attachment."""

from uuid import UUID

from django.http import FileResponse, Http404, HttpRequest
from django.views.decorators.http import require_safe

from atende.files.access import may_download
from atende.files.models import StoredFile
from atende.files.selectors import stored_file_get

NOT_FOUND = "Arquivo não encontrado."


@require_safe
def download_view(request: HttpRequest, key: UUID) -> FileResponse:
    stored = stored_file_get(key=key)
    if not may_download(request.member, stored):
        raise Http404(NOT_FOUND)  # the same answer as a missing file: existence stays secret
    return stored_file_response(stored)


def stored_file_response(stored: StoredFile) -> FileResponse:
    """The file as a download (callers decided who may read it)."""
    try:
        handle = stored.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404(NOT_FOUND) from exc
    response = FileResponse(
        handle, as_attachment=True, filename=stored.original_name, content_type=stored.content_type
    )
    # Never rendered by the browser, never embedded by another site, never kept in a cache.
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    response["Cache-Control"] = "private, no-store"
    return response
