"""What a return file says, typed: the header and one occurrence per título."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class ReturnHeader:
    bank: str
    bank_name: str
    layout: str  # "240" or "400"
    agreement: str
    agency: str
    account: str
    company_name: str
    file_sequence: int
    file_date: date | None


@dataclass(frozen=True)
class Occurrence:
    line: int
    nosso_numero: str
    document_number: str
    code: str
    meaning: str
    is_payment: bool
    amount: Decimal = ZERO  # valor do título
    amount_paid: Decimal = ZERO
    fees: Decimal = ZERO  # tarifa / despesas de cobrança
    discount: Decimal = ZERO
    rebate: Decimal = ZERO  # abatimento
    interest: Decimal = ZERO  # juros + multa
    iof: Decimal = ZERO
    other_credits: Decimal = ZERO
    net_credit: Decimal = ZERO  # what reaches the account (240: valor líquido)
    due_date: date | None = None
    occurrence_date: date | None = None
    payment_date: date | None = None
    credit_date: date | None = None
    paying_bank: str = ""
    paying_agency: str = ""
    reasons: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class ReturnFile:
    layout: str
    header: ReturnHeader
    occurrences: list[Occurrence]

    @property
    def payments(self) -> list[Occurrence]:
        return [occurrence for occurrence in self.occurrences if occurrence.is_payment]
