"""Reading money, percentages and dates from forms and the API: Decimal only, two places,
bounded; every refusal in Portuguese and naming its field."""

from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from atende.billing.errors import BillingError
from atende.core.errors import DomainError, ErrorCode
from atende.core.templatetags.atende import brl

CENT = Decimal("0.01")
ZERO = Decimal("0.00")
MAX_MONEY = Decimal("99999999.99")  # the largest amount a boleto can carry (banking core)
MAX_PERCENT = Decimal("100")


def cents(value: Decimal) -> Decimal:
    """The one rounding point: half-up to cents."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def _number(value: object, field: str, label: str) -> Decimal:
    if isinstance(value, float):  # a float has already lost cents; never accept one
        value = repr(value)
    try:
        number = value if isinstance(value, Decimal) else Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        number = None
    if number is None or not number.is_finite():
        raise DomainError(
            f"{label}: informe um número.", code=BillingError.INVALID_AMOUNT, field=field
        )
    return number


def parse_money(
    value: object, *, field: str, label: str, positive: bool = False, maximum: Decimal = MAX_MONEY
) -> Decimal:
    """A Decimal with at most two decimal places, zero or more (more than zero if positive)."""
    number = _number(value, field, label)
    if number != number.quantize(CENT):
        raise DomainError(
            f"{label}: use no máximo duas casas decimais.",
            code=BillingError.INVALID_AMOUNT,
            field=field,
        )
    if number < 0 or (positive and number == 0):
        rule = "maior que zero" if positive else "zero ou mais"
        raise DomainError(
            f"{label}: deve ser {rule}.", code=BillingError.INVALID_AMOUNT, field=field
        )
    if number > maximum:
        raise DomainError(
            f"{label}: valor grande demais (máximo {brl(maximum)}).",
            code=BillingError.INVALID_AMOUNT,
            field=field,
        )
    return number.quantize(CENT)


def parse_percent(value: object, *, field: str, label: str) -> Decimal:
    number = _number(value, field, label)
    if number < 0 or number > MAX_PERCENT:
        raise DomainError(
            f"{label}: informe um percentual entre 0 e 100.",
            code=BillingError.INVALID_AMOUNT,
            field=field,
        )
    if number != number.quantize(Decimal("0.001")):
        raise DomainError(
            f"{label}: use no máximo três casas decimais.",
            code=BillingError.INVALID_AMOUNT,
            field=field,
        )
    return number


def require_date(value: object, *, field: str, label: str) -> date:
    if isinstance(value, date):
        if not date(2000, 7, 3) <= value <= date(2099, 12, 31):
            raise DomainError(f"{label}: data fora do intervalo aceito.", field=field)
        return value
    raise DomainError(f"{label}: informe a data.", code=ErrorCode.REQUIRED, field=field)
