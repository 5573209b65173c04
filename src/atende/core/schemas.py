"""The API's error shape, shared by every router (documented on every operation)."""

import re
from datetime import date
from typing import Annotated, Any

from ninja import Schema
from pydantic import BeforeValidator, ConfigDict, Field


class FieldErrorOut(Schema):
    field: str
    code: str
    message: str


class ErrorOut(Schema):
    """`{code, message, field}`; `errors` lists every refused field when there are several."""

    code: str
    message: str
    field: str | None = None
    errors: list[FieldErrorOut] | None = None


MAX_ID = 2**63 - 1
# Ids and numbers people see: positive and within the database's bigint.
RecordId = Annotated[int, Field(ge=1, le=MAX_ID)]


def _without_null_defaults(schema: dict[str, Any]) -> None:
    for definition in schema.get("properties", {}).values():
        if "default" in definition and definition["default"] is None:
            del definition["default"]


class StrictIn(Schema):
    """An input whose unknown fields are refused (400, documented as additionalProperties)."""

    model_config = ConfigDict(extra="forbid")


class PartialIn(StrictIn):
    """A PATCH body: a field left out is unchanged, so its default (None) only marks "not sent"
    and is not offered as a value in the schema; a field sent must be valid."""

    model_config = ConfigDict(extra="forbid", json_schema_extra=_without_null_defaults)


def _iso_date(value: object) -> object:
    """Only `AAAA-MM-DD` (or a date): pydantic would otherwise read 0 as 01/01/1970."""
    if isinstance(value, date):
        return value
    if isinstance(value, str) and ISO_DATE.fullmatch(value):
        return value
    raise ValueError("Informe uma data no formato AAAA-MM-DD.")


ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
IsoDate = Annotated[date, BeforeValidator(_iso_date)]
