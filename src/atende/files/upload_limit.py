"""Oversized uploads are refused while arriving, not after: a 2 GiB body is never read to the
end (nor spooled to a temporary file) before "Arquivo maior que 10 MB".

Two guards, both from settings.ATENDE_UPLOAD_MAX_BYTES (the largest file any upload may carry;
a use's policy may accept less, and `validate_upload` still checks that):
- `UploadLimitMiddleware` refuses a multipart request whose Content-Length is over the limit
  before a byte of the body is read, and parses every multipart POST itself, so a refusal
  raised while parsing is answered here (an HTML page, or JSON under /api/) with 413;
- `UploadLimitHandler`, first in FILE_UPLOAD_HANDLERS, stops the parser as soon as one file
  passes the limit, whatever the Content-Length said.
"""

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.http.multipartparser import MultiPartParserError
from django.shortcuts import render

from atende.files.policies import DEFAULT_MAX_BYTES, MB
from atende.files.validation import size_label

# The form fields, part headers and boundaries that travel with one file.
MULTIPART_ALLOWANCE = 1 * MB
API_PREFIX = "/api/"


class UploadTooLarge(MultiPartParserError):
    """A file, or the whole multipart body, is over the limit. A MultiPartParserError, so if it
    ever escapes outside the middleware Django still answers 400, never 500."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"upload over {limit} bytes")
        self.limit = limit


def upload_max_bytes() -> int:
    return getattr(settings, "ATENDE_UPLOAD_MAX_BYTES", DEFAULT_MAX_BYTES)


def check_content_length(meta: dict) -> None:
    """Raise UploadTooLarge when the body announces more than one file's worth."""
    try:
        content_length = int(meta.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return  # the multipart parser refuses it with its own 400
    limit = upload_max_bytes()
    if content_length > limit + MULTIPART_ALLOWANCE:
        raise UploadTooLarge(limit)


class UploadLimitHandler(FileUploadHandler):
    """Passes each chunk on to the next handler until the file goes over the limit."""

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):  # noqa: N803
        check_content_length(META)
        self.limit = upload_max_bytes()

    def new_file(self, field_name, file_name, content_type, content_length, *args, **kwargs):
        if content_length is not None and content_length > self.limit:
            raise UploadTooLarge(self.limit)
        super().new_file(field_name, file_name, content_type, content_length, *args, **kwargs)

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        if start + len(raw_data) > self.limit:
            raise UploadTooLarge(self.limit)
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None  # the next handler builds the file


class UploadLimitMiddleware:
    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.content_type == "multipart/form-data":
            try:
                check_content_length(request.META)
                if request.method == "POST":
                    # Parse now rather than in the CSRF check or the view, where a refusal
                    # would become a bare 400 (or a traceback from the API in DEBUG).
                    request.POST  # noqa: B018
            except UploadTooLarge as refusal:
                return upload_too_large_response(request, refusal.limit)
        return self.get_response(request)


def upload_too_large_response(request: HttpRequest, limit: int) -> HttpResponse:
    label = size_label(limit)
    if request.path_info.startswith(API_PREFIX):
        body = {"code": "file_size", "message": f"Arquivo maior que {label}.", "field": None}
        return JsonResponse(body, status=413)
    return render(request, "files/upload_too_large.html", {"limit": label}, status=413)
