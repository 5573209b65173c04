"""Refuse, at the edge, input that no form or API client sends on purpose: NUL characters.

PostgreSQL cannot store them in text and raises deep inside a query; a browser never sends
them. One check here (address, query string, form fields, JSON bodies) answers 400 with a
message before any view runs.
"""

import re
from collections.abc import Callable, Iterable

from django.http import HttpRequest, HttpResponse

from atende.core.errors import BadInput, ErrorCode
from atende.core.views import bad_request_view

NUL_MESSAGE = "A requisição contém caracteres inválidos (nulos)."
JSON_NUL = re.compile(rb"\\u0000", re.IGNORECASE)


def _has_nul(values: Iterable[tuple[str, list[str]]]) -> bool:
    return any("\x00" in key or any("\x00" in value for value in items) for key, items in values)


class RefuseNulMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if self._carries_nul(request):
            return bad_request_view(request, BadInput(NUL_MESSAGE, code=ErrorCode.NUL_CHARACTER))
        return self.get_response(request)

    @staticmethod
    def _carries_nul(request: HttpRequest) -> bool:
        if "\x00" in request.path_info or _has_nul(request.GET.lists()):
            return True
        if request.content_type == "application/json":
            body = request.body  # API bodies are small (DATA_UPLOAD_MAX_MEMORY_SIZE)
            return b"\x00" in body or bool(JSON_NUL.search(body))
        if request.method == "POST" and request.content_type in (
            "application/x-www-form-urlencoded",
            "multipart/form-data",
        ):
            return _has_nul(request.POST.lists())
        return False
