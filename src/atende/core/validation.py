"""One validation path for every way in (forms, API, imports): the services call this on the
model they are about to save, so the rules of the model's fields (lengths, choices, e-mail,
dates) and our text rules hold whatever the caller checked before."""

import re
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models

from atende.core.errors import InvalidFields

# One-line fields take no control characters at all (a CR/LF in an e-mail address becomes a
# header); long texts keep tabs and line breaks.
SINGLE_LINE_PATTERN = r"^[^\x00-\x1f\x7f]*$"
MULTI_LINE_PATTERN = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f]*$"
_SINGLE_LINE = re.compile(SINGLE_LINE_PATTERN)
_MULTI_LINE = re.compile(MULTI_LINE_PATTERN)
CONTROL_MESSAGE = "Contém caracteres não permitidos (de controle ou quebras de linha)."


def has_control_characters(text: str, *, multiline: bool) -> bool:
    """True when `text` holds characters no one types (line breaks too, unless `multiline`)."""
    allowed = _MULTI_LINE if multiline else _SINGLE_LINE
    return allowed.match(text) is None


def text_problem(field: "models.Field[Any, Any]", value: object) -> str | None:
    """Why a text value cannot be stored in this field, or None."""
    if not isinstance(value, str):
        return None
    multiline = isinstance(field, models.TextField)
    return CONTROL_MESSAGE if has_control_characters(value, multiline=multiline) else None


def validate_model_fields(instance: models.Model, *, exclude: tuple[str, ...] = ()) -> None:
    """Raise InvalidFields with every field the model refuses (all at once, in Portuguese)."""
    errors: dict[str, list[str]] = {}
    # Relations are resolved by the caller inside the organization (a lookup Django's own check
    # would repeat without the organization's scope).
    skip = {"organization", "id", *exclude}
    skip |= {field.name for field in instance._meta.concrete_fields if field.is_relation}
    for field in instance._meta.concrete_fields:
        if field.name in skip or not field.editable:
            continue
        problem = text_problem(field, getattr(instance, field.attname))
        if problem:
            errors.setdefault(field.name, []).append(problem)
    try:
        instance.clean_fields(exclude=[*skip, *errors])
    except ValidationError as refused:
        for name, messages in refused.message_dict.items():
            errors.setdefault(name, []).extend(messages)
    if errors:
        raise InvalidFields(errors)
