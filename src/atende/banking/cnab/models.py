"""What a return file says, typed: the header and one occurrence per título."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum

ZERO = Decimal("0.00")


class OccurrenceKind(StrEnum):
    """What a billing module does with an occurrence, whatever the bank's code for it."""

    PAYMENT = "payment"  # liquidação: settle the título
    PARTIAL_PAYMENT = "partial_payment"  # paid in part (liquidação parcial/por conta): add only
    PENDING = "pending"  # paid by cheque or intraday notice: no money yet, do not settle
    REVERSAL = "reversal"  # estorno, cheque devolvido, pagamento cancelado: undo a settlement
    ENTRY_CONFIRMED = "entry_confirmed"  # the bank registered the título
    REJECTED = "rejected"  # an entry or an instruction was refused (reasons say why)
    WRITE_OFF = "write_off"  # baixa without payment: the título left the bank's books
    FEE = "fee"  # tarifa/custas debited, not a payment
    OTHER = "other"  # informational (em ser, vencimento alterado, protesto…)


SETTLING = frozenset({OccurrenceKind.PAYMENT, OccurrenceKind.PARTIAL_PAYMENT})


@dataclass(frozen=True, slots=True)
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


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One título's event. Amounts are Decimal (zero when the layout has no such field)."""

    line: int
    code: str  # the bank's own code, as written (some are letters: Santander "A4")
    meaning: str  # Portuguese, from the bank's own table
    kind: OccurrenceKind
    nosso_numero: str  # without DV: the number the título was registered with
    nosso_numero_raw: str = ""  # the field exactly as the bank wrote it
    nosso_numero_printed: str = ""  # as the boleto printed it, with the DV where it has one
    document_number: str = ""  # seu número
    company_reference: str = ""  # uso da empresa / controle do participante
    amount: Decimal = ZERO  # valor do título
    amount_paid: Decimal = ZERO  # what the payer paid (see README per bank)
    fees: Decimal = ZERO  # tarifa / despesas de cobrança
    discount: Decimal = ZERO
    rebate: Decimal = ZERO  # abatimento
    interest: Decimal = ZERO  # juros de mora (CNAB 240: juros + multa + encargos, one field)
    fine: Decimal = ZERO  # multa, where the layout has its own field
    iof: Decimal = ZERO
    other_expenses: Decimal = ZERO  # outras despesas / custas de protesto
    other_credits: Decimal = ZERO  # outros créditos / recebimentos
    operation_interest: Decimal = ZERO  # juros de operação em atraso / juros do desconto
    unused_rebate: Decimal = ZERO  # abatimento não aproveitado pelo pagador
    adjustment: Decimal = ZERO  # valor do ajuste
    net_credit: Decimal = ZERO  # what reaches the account
    due_date: date | None = None
    occurrence_date: date | None = None
    payment_date: date | None = None
    credit_date: date | None = None
    paying_bank: str = ""
    paying_agency: str = ""
    channel: str = ""  # canal/código de liquidação where the bank reports one
    reasons: tuple[str, ...] = ()

    @property
    def is_payment(self) -> bool:
        """Settles money: a payment kind with an amount (a Sicoob 06 with 0,00 does not)."""
        return self.kind in SETTLING and self.amount_paid > 0

    @property
    def is_reversal(self) -> bool:
        return self.kind is OccurrenceKind.REVERSAL


@dataclass(frozen=True, slots=True)
class ReturnFile:
    layout: str
    header: ReturnHeader
    occurrences: list[Occurrence] = field(default_factory=list)

    @property
    def payments(self) -> list[Occurrence]:
        return [occurrence for occurrence in self.occurrences if occurrence.is_payment]

    @property
    def reversals(self) -> list[Occurrence]:
        return [occurrence for occurrence in self.occurrences if occurrence.is_reversal]
