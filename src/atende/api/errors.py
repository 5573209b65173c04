"""One place that turns exceptions into JSON errors with field names and Portuguese messages."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, ValidationError

from atende.core.errors import DomainError

PYDANTIC_MESSAGES = {
    "missing": "Campo obrigatório.",
    "string_type": "Informe um texto.",
    "int_parsing": "Informe um número inteiro.",
    "int_type": "Informe um número inteiro.",
    "decimal_parsing": "Informe um número.",
    "float_parsing": "Informe um número.",
    "bool_parsing": "Informe verdadeiro ou falso.",
    "date_from_datetime_parsing": "Informe uma data no formato AAAA-MM-DD.",
    "date_parsing": "Informe uma data no formato AAAA-MM-DD.",
    "datetime_parsing": "Informe data e hora no formato ISO 8601.",
    "string_too_long": "Texto longo demais.",
    "string_too_short": "Texto curto demais.",
    "value_error": "Valor inválido.",
    "json_invalid": "JSON inválido.",
}


def _field_name(location: list) -> str:
    # ninja prefixes the location with where it came from: ("body", "payload", "name").
    parts = [str(part) for part in location if part not in {"body", "query", "path", "payload"}]
    return ".".join(parts)


def install_error_handlers(api: NinjaAPI) -> None:
    @api.exception_handler(ValidationError)
    def validation_error(request, exc: ValidationError):
        errors = [
            {
                "field": _field_name(list(error.get("loc", []))),
                "code": error.get("type", "invalid"),
                "message": PYDANTIC_MESSAGES.get(error.get("type", ""), "Valor inválido."),
            }
            for error in exc.errors
        ]
        body = {"code": "invalid", "message": "Dados inválidos.", "errors": errors}
        return api.create_response(request, body, status=422)

    @api.exception_handler(DomainError)
    def domain_error(request, exc: DomainError):
        body = {"code": exc.code, "message": exc.message, "field": exc.field}
        return api.create_response(request, body, status=400)

    @api.exception_handler(Http404)
    def not_found(request, exc):
        body = {"code": "not_found", "message": "Não encontrado.", "field": None}
        return api.create_response(request, body, status=404)

    @api.exception_handler(PermissionDenied)
    def forbidden(request, exc):
        body = {"code": "forbidden", "message": "Você não tem permissão para esta ação."}
        return api.create_response(request, {**body, "field": None}, status=403)

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request, exc):
        body = {"code": "unauthenticated", "message": "Token ausente, inválido ou revogado."}
        return api.create_response(request, {**body, "field": None}, status=401)
