"""One place that turns exceptions into JSON errors with field names and Portuguese messages.

400: the request is malformed or breaks the schema (types, lengths, choices) — nothing looked up;
401: no valid token; 403: the token's member may not do it; 404: not found (or not theirs);
422: well-formed, but a rule the schema cannot express refused it (a CPF's check digits, a
duplicate, an id of another list).
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from atende.core.errors import BadInput, DomainError, InvalidFields
from atende.core.schemas import ErrorOut

PYDANTIC_MESSAGES = {
    "missing": "Campo obrigatório.",
    "string_type": "Informe um texto.",
    "int_parsing": "Informe um número inteiro.",
    "int_type": "Informe um número inteiro.",
    "int_from_float": "Informe um número inteiro.",
    "decimal_parsing": "Informe um número.",
    "float_parsing": "Informe um número.",
    "bool_parsing": "Informe verdadeiro ou falso.",
    "bool_type": "Informe verdadeiro ou falso.",
    "date_from_datetime_parsing": "Informe uma data no formato AAAA-MM-DD.",
    "date_from_datetime_inexact": "Informe uma data no formato AAAA-MM-DD.",
    "date_parsing": "Informe uma data no formato AAAA-MM-DD.",
    "date_type": "Informe uma data no formato AAAA-MM-DD.",
    "datetime_parsing": "Informe data e hora no formato ISO 8601.",
    "string_too_short": "Texto curto demais.",
    "string_pattern_mismatch": "Contém caracteres não permitidos.",
    "literal_error": "Escolha um dos valores da lista.",
    "enum": "Escolha um dos valores da lista.",
    "dict_type": "Informe um objeto.",
    "list_type": "Informe uma lista.",
    "model_attributes_type": "Informe um objeto.",
    "model_type": "Informe um objeto.",
    "extra_forbidden": "Campo desconhecido.",
    "value_error": "Valor inválido.",
    "json_invalid": "JSON inválido.",
    "json_type": "JSON inválido.",
}


def _message(error: dict) -> str:
    kind = error.get("type", "")
    context = error.get("ctx") or {}
    if kind == "string_too_long":
        return f"Texto longo demais: no máximo {context.get('max_length')} caracteres."
    if kind in {"greater_than_equal", "greater_than"}:
        return f"Informe um número a partir de {context.get('ge', context.get('gt'))}."
    if kind in {"less_than_equal", "less_than"}:
        return f"Informe um número até {context.get('le', context.get('lt'))}."
    return PYDANTIC_MESSAGES.get(kind, "Valor inválido.")


def _field_name(location: list) -> str:
    # ninja prefixes the location with where it came from: ("body", "payload", "name").
    parts = [str(part) for part in location if part not in {"body", "query", "path", "payload"}]
    return ".".join(parts)


def _body(code: str, message: str, field: str | None = None, errors: list | None = None) -> dict:
    return {"code": code, "message": message, "field": field, "errors": errors}


def install_error_handlers(api: NinjaAPI) -> None:
    @api.exception_handler(ValidationError)
    def validation_error(request, exc: ValidationError):
        errors = [
            {
                "field": _field_name(list(error.get("loc", []))),
                "code": error.get("type", "invalid"),
                "message": _message(error),
            }
            for error in exc.errors
        ]
        first = errors[0] if errors else {"field": None, "message": "Dados inválidos."}
        message = f"{first['field']}: {first['message']}" if first["field"] else first["message"]
        return api.create_response(
            request, _body("invalid", message, first["field"], errors), status=400
        )

    @api.exception_handler(BadInput)
    def bad_input(request, exc: BadInput):
        return api.create_response(request, _body(exc.code, exc.message), status=400)

    @api.exception_handler(DomainError)
    def domain_error(request, exc: DomainError):
        errors = None
        if isinstance(exc, InvalidFields):
            errors = [
                {"field": field, "code": "invalid", "message": message}
                for field, messages in exc.errors.items()
                for message in messages
            ]
        body = _body(exc.code, exc.message, exc.field, errors)
        return api.create_response(request, body, status=422)

    @api.exception_handler(Http404)
    def not_found(request, exc):
        return api.create_response(request, _body("not_found", "Não encontrado."), status=404)

    @api.exception_handler(PermissionDenied)
    def forbidden(request, exc):
        body = _body("forbidden", "Você não tem permissão para esta ação.")
        return api.create_response(request, body, status=403)

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request, exc):
        body = _body("unauthenticated", "Token ausente, inválido ou revogado.")
        return api.create_response(request, body, status=401)

    @api.exception_handler(HttpError)
    def http_error(request, exc: HttpError):
        body = _body("http_error", "Requisição recusada.")
        return api.create_response(request, body, status=exc.status_code)


ERROR_DESCRIPTIONS = {
    "400": "Requisição malformada ou fora do esquema (tipos, tamanhos, opções).",
    "401": "Token ausente, inválido ou revogado.",
    "403": "O token é de quem não tem permissão para esta ação.",
    "404": "Não encontrado (ou de outra empresa).",
    "422": "Recusado por uma regra que o esquema não expressa (ex.: dígitos do CPF).",
}
WRITES = {"post", "put", "patch", "delete"}


def document_errors(schema: dict) -> dict:
    """Add the error answers every operation may give, with their shape, to the OpenAPI
    document: 400/401/403 everywhere, 404 where the path names a record, 422 on writes."""
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    for name, definition in (
        ErrorOut.model_json_schema(ref_template="#/components/schemas/{model}")
        .pop("$defs", {})
        .items()
    ):
        components[name] = definition
    components["ErrorOut"] = {
        key: value
        for key, value in ErrorOut.model_json_schema(
            ref_template="#/components/schemas/{model}"
        ).items()
        if key != "$defs"
    }
    reference = {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorOut"}}}
    for path, operations in schema.get("paths", {}).items():
        for method, operation in operations.items():
            codes = ["400", "401", "403"]
            if "{" in path:
                codes.append("404")
            if method in WRITES:
                codes.append("422")
            responses = operation.setdefault("responses", {})
            for code in codes:
                responses.setdefault(
                    code, {"description": ERROR_DESCRIPTIONS[code], "content": reference}
                )
    return schema
