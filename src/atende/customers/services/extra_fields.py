"""Validate and convert values of organization-defined extra fields (C4)."""

from collections.abc import Mapping
from datetime import date
from decimal import Decimal, InvalidOperation

from atende.core.errors import DomainError, ErrorCollector
from atende.customers.models import ExtraField, ExtraFieldKind


def _number(field: ExtraField, text: str) -> str:
    if "," in text:  # Brazilian notation: 1.234,56
        text = text.replace(".", "").replace(",", ".")
    try:
        number = Decimal(text)
    except InvalidOperation:
        number = None
    if number is None or not number.is_finite():
        raise DomainError(f"“{field.label}”: informe um número.", field=f"extra_{field.key}")
    return str(number)


def _convert(field: ExtraField, raw: object) -> object:
    if raw in (None, ""):
        return None
    kind = field.kind
    if kind == ExtraFieldKind.TEXT:
        return str(raw).strip()[:500]
    if kind == ExtraFieldKind.NUMBER:
        return _number(field, str(raw).strip())
    if kind == ExtraFieldKind.DATE:
        if isinstance(raw, date):
            return raw.isoformat()
        text = str(raw).strip()
        try:
            if "/" in text:
                day, month, year = (int(part) for part in text.split("/"))
                return date(year, month, day).isoformat()
            return date.fromisoformat(text).isoformat()
        except ValueError:
            raise DomainError(
                f"“{field.label}”: informe uma data válida (dd/mm/aaaa).",
                field=f"extra_{field.key}",
            ) from None
    if kind == ExtraFieldKind.BOOLEAN:
        if isinstance(raw, bool):
            return raw
        text = str(raw).strip().lower()
        if text in {"1", "true", "sim", "s", "on", "yes"}:
            return True
        if text in {"0", "false", "nao", "não", "n", "off", "no"}:
            return False
        raise DomainError(f"“{field.label}”: responda sim ou não.", field=f"extra_{field.key}")
    if kind == ExtraFieldKind.CHOICE:
        if str(raw) not in field.options:
            raise DomainError(
                f"“{field.label}”: escolha uma das opções: {', '.join(field.options)}.",
                field=f"extra_{field.key}",
            )
        return str(raw)
    raise DomainError(f"Tipo de campo desconhecido: {kind}.")


def extra_values_clean(*, target: str, values: Mapping[str, object]) -> dict[str, object]:
    """Check `values` (key → raw value) against the organization's fields for `target`."""
    fields = {field.key: field for field in ExtraField.objects.filter(target=target)}
    unknown = sorted(set(values) - set(fields))
    if unknown:
        raise DomainError(f"Campo extra desconhecido: {', '.join(unknown)}.", field="extra")
    cleaned: dict[str, object] = {}
    errors = ErrorCollector()  # every field's problem at once
    for key, field in fields.items():
        with errors.check():
            value = _convert(field, values.get(key))
            if value is None and field.is_required:
                raise DomainError(f"“{field.label}” é obrigatório.", field=f"extra_{key}")
            if value is not None:
                cleaned[key] = value
    errors.raise_any()
    return cleaned
