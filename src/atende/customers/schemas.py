"""API schemas of the customer registry."""

from datetime import date

from ninja import Schema
from pydantic import Field


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


class ContactIn(Schema):
    name: str
    contact_type_id: int | None = None
    role: str = ""
    phone: str = ""
    phone_alt: str = ""
    mobile: str = ""
    sms_consent: bool = False
    email: str = ""
    birth_date: date | None = None
    notes: str = ""
    extra: dict = {}


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


class CustomerIn(Schema):
    """Fields to create or change; on PATCH only the ones sent are changed."""

    kind: str | None = None
    name: str | None = None
    trade_name: str | None = None
    document: str | None = None
    registered_on: date | None = None
    state_registration: str | None = None
    municipal_registration: str | None = None
    email: str | None = None
    phone: str | None = None
    phone_alt: str | None = None
    postal_code: str | None = None
    street: str | None = None
    street_number: str | None = None
    complement: str | None = None
    district: str | None = None
    city: str | None = None
    state: str | None = None
    reference: str | None = None
    condominium: str | None = None
    has_billing_address: bool | None = None
    billing_postal_code: str | None = None
    billing_street: str | None = None
    billing_street_number: str | None = None
    billing_complement: str | None = None
    billing_district: str | None = None
    billing_city: str | None = None
    billing_state: str | None = None
    notes: str | None = None
    category_id: int | None = None
    owner_id: int | None = None
    origin_type_id: int | None = None
    origin_id: int | None = None
    auto_suspend: bool | None = None
    charge_boleto_fee: bool | None = None
    itemised_invoice: bool | None = None
    fiscal_activity_code: str | None = None
    charge_fines_and_interest: bool | None = None
    allow_progressive_discount: bool | None = None
    allow_promotional_discount: bool | None = None
    email_boleto_before_due: bool | None = None
    email_overdue_notice: bool | None = None
    never_send_to_credit_bureau: bool | None = None
    skip_batch_boleto_printing: bool | None = None
    ledger_account: str | None = None
    fiscal_classification: str | None = None
    subscriber_type: str | None = None
    extra: dict | None = None


class CustomerPageOut(Schema):
    items: list[CustomerListOut]
    next_cursor: str | None


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
