"""API schemas of the customer registry.

Inputs carry in the OpenAPI document every constraint the services enforce that a schema can
express (lengths and choices read from the models, no control characters, id ranges); what a
schema cannot express (a CPF's check digits, an id of another list) is answered with 422.
"""

from datetime import date
from typing import Annotated, Literal

from django.db import models
from ninja import Schema
from pydantic import Field

from atende.core.schemas import IsoDate, PartialIn, RecordId, StrictIn
from atende.core.validation import MULTI_LINE_PATTERN, SINGLE_LINE_PATTERN
from atende.customers.models import Contact, Customer, SubscriberType
from atende.customers.models.address import BRAZILIAN_STATES


def _line(model: type[models.Model], name: str, *, min_length: int = 0):
    """A one-line text as long as the model's column allows."""
    max_length = model._meta.get_field(name).max_length
    return Annotated[
        str, Field(min_length=min_length, max_length=max_length, pattern=SINGLE_LINE_PATTERN)
    ]


Text = Annotated[str, Field(pattern=MULTI_LINE_PATTERN)]
Email = Annotated[
    str, Field(max_length=254, pattern=r"^([^\s@\x00-\x1f\x7f]+@[^\s@\x00-\x1f\x7f]+)?$")
]
Document = Annotated[str, Field(max_length=18, pattern=r"^[0-9A-Za-z./ -]*$")]
PostalCode = Annotated[str, Field(max_length=9, pattern=r"^([0-9]{5}-?[0-9]{3})?$")]
State = Literal[("", *(uf for uf, _ in BRAZILIAN_STATES))]
ExtraKey = Annotated[str, Field(max_length=60, pattern=SINGLE_LINE_PATTERN)]
ExtraText = Annotated[str, Field(max_length=500, pattern=SINGLE_LINE_PATTERN)]
# Keys outside the pattern are refused too (pydantic writes the key rule as patternProperties,
# which alone would let any other key through).
ExtraValues = Annotated[
    dict[ExtraKey, ExtraText | int | float | bool | None],
    Field(json_schema_extra={"additionalProperties": False}),
]


class ContactOut(Schema):
    id: int
    name: str
    contact_type: str | None = Field(None, alias="contact_type.name")
    role: str
    phone: str
    mobile: str
    sms_consent: bool
    email: str
    birth_date: date | None
    notes: str
    extra: dict


class ContactIn(StrictIn):
    name: _line(Contact, "name", min_length=1)
    contact_type_id: RecordId | None = None
    role: _line(Contact, "role") = ""
    phone: _line(Contact, "phone") = ""
    phone_alt: _line(Contact, "phone_alt") = ""
    mobile: _line(Contact, "mobile") = ""
    sms_consent: bool = False
    email: Email = ""
    birth_date: IsoDate | None = None
    notes: Text = ""
    extra: ExtraValues = {}


class CustomerListOut(Schema):
    number: int
    kind: str
    is_active: bool
    name: str
    trade_name: str
    document: str
    email: str
    phone: str
    city: str
    state: str
    category: str | None = Field(None, alias="category.name")
    owner_id: int | None


class CustomerOut(CustomerListOut):
    registered_on: date
    state_registration: str
    municipal_registration: str
    phone_alt: str
    postal_code: str
    street: str
    street_number: str
    complement: str
    district: str
    reference: str
    condominium: str
    has_billing_address: bool
    billing_postal_code: str
    billing_street: str
    billing_street_number: str
    billing_complement: str
    billing_district: str
    billing_city: str
    billing_state: str
    notes: str
    origin_type_id: int | None
    origin_id: int | None
    auto_suspend: bool
    charge_boleto_fee: bool
    itemised_invoice: bool
    fiscal_activity_code: str
    charge_fines_and_interest: bool
    allow_progressive_discount: bool
    allow_promotional_discount: bool
    email_boleto_before_due: bool
    email_overdue_notice: bool
    never_send_to_credit_bureau: bool
    skip_batch_boleto_printing: bool
    ledger_account: str
    fiscal_classification: str
    subscriber_type: str
    extra: dict


class CustomerIn(PartialIn):
    """Fields to change; on PATCH only the ones sent are changed (null only clears a link)."""

    kind: Literal["person", "company"] = None
    name: _line(Customer, "name", min_length=1) = None
    trade_name: _line(Customer, "trade_name") = None
    document: Document = None
    registered_on: IsoDate = None
    state_registration: _line(Customer, "state_registration") = None
    municipal_registration: _line(Customer, "municipal_registration") = None
    email: Email = None
    phone: _line(Customer, "phone") = None
    phone_alt: _line(Customer, "phone_alt") = None
    postal_code: PostalCode = None
    street: _line(Customer, "street") = None
    street_number: _line(Customer, "street_number") = None
    complement: _line(Customer, "complement") = None
    district: _line(Customer, "district") = None
    city: _line(Customer, "city") = None
    state: State = None
    reference: _line(Customer, "reference") = None
    condominium: _line(Customer, "condominium") = None
    has_billing_address: bool = None
    billing_postal_code: PostalCode = None
    billing_street: _line(Customer, "billing_street") = None
    billing_street_number: _line(Customer, "billing_street_number") = None
    billing_complement: _line(Customer, "billing_complement") = None
    billing_district: _line(Customer, "billing_district") = None
    billing_city: _line(Customer, "billing_city") = None
    billing_state: State = None
    notes: Text = None
    category_id: RecordId | None = None
    owner_id: RecordId | None = None
    origin_type_id: RecordId | None = None
    origin_id: RecordId | None = None
    auto_suspend: bool = None
    charge_boleto_fee: bool = None
    itemised_invoice: bool = None
    fiscal_activity_code: _line(Customer, "fiscal_activity_code") = None
    charge_fines_and_interest: bool = None
    allow_progressive_discount: bool = None
    allow_promotional_discount: bool = None
    email_boleto_before_due: bool = None
    email_overdue_notice: bool = None
    never_send_to_credit_bureau: bool = None
    skip_batch_boleto_printing: bool = None
    ledger_account: _line(Customer, "ledger_account") = None
    fiscal_classification: _line(Customer, "fiscal_classification") = None
    subscriber_type: Literal[tuple(SubscriberType.values)] = None
    extra: ExtraValues = None


class CustomerCreateIn(CustomerIn):
    """A new customer: the name is required; the rest as on PATCH (kind defaults to person)."""

    name: _line(Customer, "name", min_length=1)


class CustomerPageOut(Schema):
    items: list[CustomerListOut]
    next_cursor: str | None
    previous_cursor: str | None = None  # None on the first page


class CatalogItemOut(Schema):
    id: int
    name: str
    is_active: bool


class OriginOut(CatalogItemOut):
    origin_type_id: int


class ExtraFieldOut(Schema):
    target: str
    key: str
    label: str
    kind: str
    options: list[str]
    is_required: bool
