"""The one download view: authorised on every request, always an attachment."""

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.views.decorators.cache import never_cache

from atende.files.access import may_download
from atende.files.models import StoredFile


@never_cache
def download_view(request, key):
    stored = get_object_or_404(StoredFile, key=key)
    if not may_download(request.member, stored):
        raise Http404("Arquivo não encontrado")  # the same answer as a missing file
    try:
        handle = stored.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404("Arquivo não encontrado") from exc
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=stored.original_name,
        content_type=stored.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response
