"""API schemas of billing. Amounts travel as decimal strings ("99.90"), never floats; the
services check the rules the pages check."""

from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Literal

from ninja import Schema
from pydantic import Field

from atende.billing.selectors import STATUS_FILTERS
from atende.core.schemas import IsoDate, RecordId, StrictIn
from atende.core.validation import SINGLE_LINE_PATTERN

Text = Annotated[str, Field(min_length=1, max_length=200, pattern=SINGLE_LINE_PATTERN)]
# A decimal written as text with at most two places: "1234.56" (the JSON number 0.1 is a
# float on the way in and is refused by the pattern's type).
MoneyText = Annotated[str, Field(pattern=r"^\d{1,12}(\.\d{1,2})?$", examples=["99.90"])]
QuantityText = Annotated[str, Field(pattern=r"^\d{1,6}(\.\d{1,3})?$", examples=["1"])]


class InvoiceQuery(StrictIn):
    status: Literal[STATUS_FILTERS] | None = None
    customer: RecordId | None = None
    due_from: IsoDate | None = None
    due_to: IsoDate | None = None
    cursor: str | None = Field(None, max_length=1000, pattern=r"^[A-Za-z0-9_-]*$")


class ItemIn(StrictIn):
    description: Text
    quantity: QuantityText = "1"
    unit_price: MoneyText


class InvoiceIn(StrictIn):
    customer_number: RecordId
    bank_account_id: RecordId
    description: Text
    due_date: IsoDate
    items: list[ItemIn] = Field(min_length=1, max_length=50)
    discount: MoneyText = "0"
    discount_until: IsoDate | None = None


class InvoiceListOut(Schema):
    number: int
    customer: int = Field(alias="customer.number")
    description: str
    issue_date: date
    due_date: date
    amount: Decimal
    paid_amount: Decimal
    status: str
    overdue: bool


class InvoicePageOut(Schema):
    items: list[InvoiceListOut]
    next_cursor: str | None


class ItemOut(Schema):
    description: str
    quantity: Decimal
    unit_price: Decimal
    total: Decimal


class BoletoOut(Schema):
    number: int
    nosso_numero: str = Field(alias="nosso_numero_printed")
    bank: str = Field(alias="bank_account.bank")
    amount: Decimal
    due_date: date
    barcode: str
    linha_digitavel: str
    pix_payload: str
    status: str
    created_at: datetime


class PaymentOut(Schema):
    id: int
    source: str
    amount_paid: Decimal
    fees: Decimal
    interest: Decimal
    discount: Decimal
    paid_on: date
    credited_on: date | None
    undone: bool


class InvoiceDetailOut(InvoiceListOut):
    fee: Decimal
    discount: Decimal
    discount_until: date | None
    fine_percent: Decimal
    monthly_interest_percent: Decimal
    credit: Decimal
    cancelled_reason: str
    items: list[ItemOut]
    boletos: list[BoletoOut]
    payments: list[PaymentOut]
