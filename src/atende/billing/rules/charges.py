"""What a payer owes on a given day: discount, fine (multa), interest (juros de mora) and fee.

The rules, in the order they apply:

1. The effective due date is `next_business_day(due_date)`: a boleto due on a weekend, a
   national holiday or a nationwide bank closing may be paid on the next business day without
   any charge (Lei 7.089/1983, art. 1º; FEBRABAN; see `calendar`).
2. Paid on or before the effective due date: no fine and no interest.
3. The discount applies only when paid on or before `discount_until` (until the effective due
   date when `discount_until` is None), and never on a late payment. `discount_until` is taken
   literally: it is not moved to a business day.
4. Paid after the effective due date:
   - fine = amount × fine_percent / 100, once, rounded to cents;
   - interest = amount × (monthly_interest_percent / 100 / 30) × days late, simple interest,
     where days late are calendar days counted from the ORIGINAL due date, as banks do (a
     boleto due on Saturday and paid on Tuesday is three days late); the product is rounded to
     cents once at the end, never per day.
5. The fee is added as given.
6. total = amount − discount + fine + interest + fee.

Money is Decimal with at most two places, never float; every rounding goes through
`round_cents` (ROUND_HALF_UP to 0.01). Impossible inputs raise `ChargeRuleError`, whose
`message` is Portuguese for the user.
"""

from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal, localcontext
from typing import Final

from atende.billing.rules.calendar import next_business_day

CENT: Final = Decimal("0.01")
HUNDRED: Final = Decimal(100)
# The largest amount a billing column holds (DecimalField(max_digits=14, decimal_places=2)).
MAX_MONEY: Final = Decimal("999999999999.99")
DAYS_PER_MONTH: Final = 30  # juros ao mês, pro rata die: 1/30 of the monthly rate per day


class ChargeRuleError(ValueError):
    """An input the charge rules refuse: `message` in Portuguese for the user, and `field`."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


@dataclass(frozen=True, slots=True)
class Charges:
    """The breakdown of what is owed; `total` = principal − discount + fine + interest + fee."""

    principal: Decimal
    discount: Decimal
    fine: Decimal
    interest: Decimal
    fee: Decimal
    total: Decimal
    days_late: int
    effective_due_date: date


def round_cents(value: Decimal) -> Decimal:
    """`value` rounded half up to whole cents: the one rounding of money in billing."""
    if not isinstance(value, Decimal) or not value.is_finite():
        raise ChargeRuleError("Valor inválido: use um número decimal.")
    with localcontext() as context:
        context.prec = max(context.prec, 60)  # quantize must hold every digit of the result
        return value.quantize(CENT, rounding=ROUND_HALF_UP)


def amount_due(
    *,
    amount: Decimal,
    due_date: date,
    paid_on: date,
    fine_percent: Decimal,
    monthly_interest_percent: Decimal,
    discount: Decimal = Decimal(0),
    discount_until: date | None = None,
    fee: Decimal = Decimal(0),
) -> Charges:
    """What is owed for `amount` due on `due_date` and paid on `paid_on` (module rules)."""
    _check_money(amount, field="amount", label="O valor")
    _check_money(discount, field="discount", label="O desconto")
    _check_money(fee, field="fee", label="O valor da tarifa")
    _check_percent(fine_percent, field="fine_percent", label="multa", limit="100%")
    _check_percent(
        monthly_interest_percent,
        field="monthly_interest_percent",
        label="juros",
        limit="100% ao mês",
    )
    _check_date(due_date, field="due_date", label="A data de vencimento")
    _check_date(paid_on, field="paid_on", label="A data de pagamento")
    if discount_until is not None:
        _check_date(discount_until, field="discount_until", label="A data limite do desconto")
    if discount > amount:
        raise ChargeRuleError("O desconto não pode ser maior que o valor.", field="discount")

    effective_due_date = next_business_day(due_date)
    is_late = paid_on > effective_due_date
    discount_limit = effective_due_date if discount_until is None else discount_until
    granted = Decimal("0.00") if is_late or paid_on > discount_limit else discount
    if is_late:
        days_late = (paid_on - due_date).days
        fine = _part(amount, fine_percent, HUNDRED)
        interest = _part(amount * days_late, monthly_interest_percent, HUNDRED * DAYS_PER_MONTH)
    else:
        days_late = 0
        fine = interest = Decimal("0.00")
    fee = round_cents(fee)
    return Charges(
        principal=round_cents(amount),
        discount=round_cents(granted),
        fine=fine,
        interest=interest,
        fee=fee,
        total=round_cents(amount - granted + fine + interest + fee),
        days_late=days_late,
        effective_due_date=effective_due_date,
    )


def _part(amount: Decimal, percent: Decimal, divisor: Decimal) -> Decimal:
    """amount × percent / divisor in cents, rounded once; the product is computed exactly."""
    with localcontext() as context:
        # Enough digits for the exact product, and 40 more for the quotient: dividing by
        # 100 or 3000 either ends or repeats one digit, so it never lands on a half cent by
        # truncation, and round_cents sees the true value.
        context.prec = len(amount.as_tuple().digits) + len(percent.as_tuple().digits) + 40
        return round_cents(amount * percent / divisor)


def _check_money(value: object, *, field: str, label: str) -> None:
    if not isinstance(value, Decimal) or not value.is_finite():
        raise ChargeRuleError(f"{label} deve ser um número decimal.", field=field)
    if value < 0:
        raise ChargeRuleError(f"{label} não pode ser negativo.", field=field)
    if value > MAX_MONEY:
        raise ChargeRuleError(f"{label} passa do máximo de R$ 999.999.999.999,99.", field=field)
    if value != round_cents(value):
        raise ChargeRuleError(f"{label} deve ter no máximo duas casas decimais.", field=field)


def _check_percent(value: object, *, field: str, label: str, limit: str) -> None:
    if not isinstance(value, Decimal) or not value.is_finite():
        raise ChargeRuleError(f"O percentual de {label} deve ser um número decimal.", field=field)
    if value < 0:
        raise ChargeRuleError(f"O percentual de {label} não pode ser negativo.", field=field)
    if value > HUNDRED:
        raise ChargeRuleError(f"O percentual de {label} não pode passar de {limit}.", field=field)


def _check_date(value: object, *, field: str, label: str) -> None:
    # datetime is a date subclass; a time of day here would hide a time-zone question.
    if not isinstance(value, date) or isinstance(value, datetime):
        raise ChargeRuleError(f"{label} deve ser uma data.", field=field)
