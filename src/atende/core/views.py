"""Error pages that explain, in Portuguese, what was wrong with the request."""

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from atende.core.errors import BadInput, ErrorCode

API_PREFIX = "/api/"
DEFAULT_MESSAGE = "Requisição inválida."


def bad_request_view(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """handler400: the message of a BadInput (or a generic one), as JSON under /api/."""
    message = exception.message if isinstance(exception, BadInput) else DEFAULT_MESSAGE
    code = exception.code if isinstance(exception, BadInput) else "bad_request"
    if request.path_info.startswith(API_PREFIX):
        return JsonResponse({"code": code, "message": message, "field": None}, status=400)
    return render(request, "400.html", {"message": message}, status=400)


SEARCH_MAX_LENGTH = 200


def search_term(request: HttpRequest, name: str = "q") -> str:
    """The search box's text from the query string; refused (400) past what anyone types."""
    term = request.GET.get(name, "")
    if len(term) > SEARCH_MAX_LENGTH:
        raise BadInput(
            f"Busca longa demais: no máximo {SEARCH_MAX_LENGTH} caracteres.",
            code=ErrorCode.TOO_LONG,
        )
    return term
