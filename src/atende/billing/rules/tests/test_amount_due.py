"""amount_due by example: on time, moved past a weekend, late, discounts, rounding, refusals."""

from datetime import date, datetime
from decimal import Decimal

import pytest

from atende.billing.rules.charges import ChargeRuleError, Charges, amount_due, round_cents

TUESDAY = date(2026, 3, 10)
SATURDAY = date(2026, 3, 7)


def _due(**overrides):
    arguments = {
        "amount": Decimal("1500.00"),
        "due_date": TUESDAY,
        "paid_on": TUESDAY,
        "fine_percent": Decimal("2"),
        "monthly_interest_percent": Decimal("1"),
    }
    return amount_due(**{**arguments, **overrides})


def test_paid_on_the_due_date_owes_the_amount():
    assert _due() == Charges(
        principal=Decimal("1500.00"),
        discount=Decimal("0.00"),
        fine=Decimal("0.00"),
        interest=Decimal("0.00"),
        fee=Decimal("0.00"),
        total=Decimal("1500.00"),
        days_late=0,
        effective_due_date=TUESDAY,
    )


def test_due_on_saturday_and_paid_on_monday_is_on_time():
    charges = _due(due_date=SATURDAY, paid_on=date(2026, 3, 9))
    assert charges.effective_due_date == date(2026, 3, 9)
    assert (charges.fine, charges.interest, charges.days_late) == (Decimal("0.00"),) * 2 + (0,)
    assert charges.total == Decimal("1500.00")


def test_due_before_carnaval_and_paid_on_ash_wednesday_is_on_time():
    charges = _due(due_date=date(2026, 2, 14), paid_on=date(2026, 2, 18))
    assert charges.effective_due_date == date(2026, 2, 18)
    assert charges.total == Decimal("1500.00")


def test_due_on_saturday_and_paid_on_tuesday_counts_interest_from_saturday():
    charges = _due(due_date=SATURDAY, paid_on=date(2026, 3, 10))
    # 1500.00 × 2 % = 30.00; 1500.00 × 1 %/30 × 3 days = 1.50 (one day from Monday would be 0.50)
    assert charges.days_late == 3
    assert charges.fine == Decimal("30.00")
    assert charges.interest == Decimal("1.50")
    assert charges.total == Decimal("1531.50")


def test_one_day_late_on_a_weekday():
    charges = _due(paid_on=date(2026, 3, 11))
    assert (charges.days_late, charges.fine, charges.interest) == (
        1,
        Decimal("30.00"),
        Decimal("0.50"),
    )
    assert charges.total == Decimal("1530.50")


def test_paid_before_the_due_date_owes_no_charge():
    assert _due(paid_on=date(2026, 2, 1)).total == Decimal("1500.00")


@pytest.mark.parametrize(
    ("paid_on", "discount", "total"),
    [
        (date(2026, 3, 4), Decimal("10.00"), Decimal("190.00")),  # before the limit
        (date(2026, 3, 5), Decimal("10.00"), Decimal("190.00")),  # on the limit
        (date(2026, 3, 6), Decimal("0.00"), Decimal("200.00")),  # after it, still on time
        (date(2026, 3, 11), Decimal("0.00"), Decimal("204.07")),  # late: 4.00 fine, 0.07 interest
    ],
)
def test_discount_only_until_its_limit(paid_on, discount, total):
    charges = _due(
        amount=Decimal("200.00"), discount=Decimal("10.00"), discount_until=date(2026, 3, 5),
        paid_on=paid_on,
    )  # fmt: skip
    assert (charges.discount, charges.total) == (discount, total)


def test_discount_is_never_granted_on_a_late_payment_even_within_its_limit():
    charges = _due(
        amount=Decimal("200.00"), discount=Decimal("10.00"), discount_until=date(2026, 3, 31),
        paid_on=date(2026, 3, 11),
    )  # fmt: skip
    assert charges.discount == Decimal("0.00")
    assert charges.total == Decimal("204.07")  # 200.00 + 4.00 + 200 × 1 %/30 = 0.0666… → 0.07


def test_discount_without_a_limit_lasts_until_the_effective_due_date():
    on_monday = _due(discount=Decimal("15.00"), due_date=SATURDAY, paid_on=date(2026, 3, 9))
    on_tuesday = _due(discount=Decimal("15.00"), due_date=SATURDAY, paid_on=date(2026, 3, 10))
    assert (on_monday.discount, on_monday.total) == (Decimal("15.00"), Decimal("1485.00"))
    assert (on_tuesday.discount, on_tuesday.total) == (Decimal("0.00"), Decimal("1531.50"))


def test_the_fee_is_added_on_time_and_late():
    assert _due(fee=Decimal("2.50")).total == Decimal("1502.50")
    assert _due(fee=Decimal("2.50"), paid_on=date(2026, 3, 11)).total == Decimal("1533.00")


def test_fine_of_half_a_cent_rounds_up():
    # 100.25 × 2 % = 2.005: half up gives 2.01 (half even would give 2.00)
    charges = _due(amount=Decimal("100.25"), paid_on=date(2026, 3, 11))
    assert charges.fine == Decimal("2.01")


def test_interest_of_half_a_cent_rounds_up():
    # 125.00 × 1 %/30 × 3 days = 0.125: half up gives 0.13 (half even would give 0.12)
    charges = _due(amount=Decimal("125.00"), fine_percent=Decimal(0), paid_on=date(2026, 3, 13))
    assert charges.interest == Decimal("0.13")
    assert charges.total == Decimal("125.13")


def test_interest_is_rounded_once_not_per_day():
    # 100.00 × 1 %/30 = 0.0333… a day; 31 days = 1.0333… → 1.03 (0.03 a day would give 0.93)
    charges = _due(amount=Decimal("100.00"), fine_percent=Decimal(0), paid_on=date(2026, 4, 10))
    assert (charges.days_late, charges.interest) == (31, Decimal("1.03"))


def test_fractional_rates_are_exact():
    # 2345.67 × 2.5 %/30 × 45 days = 87.962625: no float and no rate rounded on the way
    charges = _due(
        amount=Decimal("2345.67"), fine_percent=Decimal("2.5"),
        monthly_interest_percent=Decimal("2.5"), paid_on=date(2026, 4, 24),
    )  # fmt: skip
    assert charges.days_late == 45
    assert charges.fine == Decimal("58.64")  # 58.64175
    assert charges.interest == Decimal("87.96")
    assert charges.total == Decimal("2492.27")


def test_limits_are_accepted():
    charges = _due(
        amount=Decimal("999999999999.99"), fine_percent=Decimal(100),
        monthly_interest_percent=Decimal(100), discount=Decimal("999999999999.99"),
        paid_on=date(2026, 4, 9),
    )  # fmt: skip
    assert charges.fine == Decimal("999999999999.99")
    assert charges.interest == Decimal("999999999999.99")  # 30 days at 100 % a month
    assert charges.total == Decimal("2999999999999.97")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Decimal("2.005"), Decimal("2.01")),
        (Decimal("2.0049999999"), Decimal("2.00")),
        (Decimal("2.675"), Decimal("2.68")),  # the float 2.675 is below it and rounds to 2.67
        (Decimal("0.125"), Decimal("0.13")),
        (Decimal("0.135"), Decimal("0.14")),
        (Decimal("7"), Decimal("7.00")),
        (Decimal("-0.005"), Decimal("-0.01")),  # half away from zero
    ],
)
def test_round_cents_is_half_up(value, expected):
    rounded = round_cents(value)
    assert rounded == expected
    assert rounded.as_tuple().exponent == -2


@pytest.mark.parametrize("value", [2.005, 2, Decimal("NaN"), Decimal("Infinity"), "2.00"])
def test_round_cents_refuses_what_is_not_a_finite_decimal(value):
    with pytest.raises(ChargeRuleError, match="Valor inválido"):
        round_cents(value)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("amount", Decimal("-0.01"), "O valor não pode ser negativo."),
        ("amount", Decimal("10.005"), "O valor deve ter no máximo duas casas decimais."),
        ("amount", Decimal("1E+12"), "O valor passa do máximo de R$ 999.999.999.999,99."),
        ("amount", 1500.0, "O valor deve ser um número decimal."),
        ("amount", 1500, "O valor deve ser um número decimal."),
        ("amount", "1500.00", "O valor deve ser um número decimal."),
        ("amount", Decimal("NaN"), "O valor deve ser um número decimal."),
        ("discount", Decimal("1500.01"), "O desconto não pode ser maior que o valor."),
        ("discount", Decimal("-1"), "O desconto não pode ser negativo."),
        ("discount", Decimal("0.001"), "O desconto deve ter no máximo duas casas decimais."),
        ("fee", Decimal("-2.50"), "O valor da tarifa não pode ser negativo."),
        ("fee", 2.5, "O valor da tarifa deve ser um número decimal."),
        ("fine_percent", Decimal("100.01"), "O percentual de multa não pode passar de 100%."),
        ("fine_percent", Decimal("-2"), "O percentual de multa não pode ser negativo."),
        ("fine_percent", 2.0, "O percentual de multa deve ser um número decimal."),
        (
            "monthly_interest_percent",
            Decimal("100.5"),
            "O percentual de juros não pode passar de 100% ao mês.",
        ),
        ("monthly_interest_percent", 1.0, "O percentual de juros deve ser um número decimal."),
        ("due_date", datetime(2026, 3, 10, 12), "A data de vencimento deve ser uma data."),  # noqa: DTZ001
        ("paid_on", "2026-03-10", "A data de pagamento deve ser uma data."),
        ("discount_until", "2026-03-05", "A data limite do desconto deve ser uma data."),
    ],
)
def test_impossible_inputs_are_refused_in_portuguese(field, value, message):
    with pytest.raises(ChargeRuleError) as refused:
        _due(**{field: value})
    assert isinstance(refused.value, ValueError)
    assert (refused.value.field, refused.value.message) == (field, message)
    assert str(refused.value) == message


def test_charges_are_frozen():
    charges = _due()
    with pytest.raises(AttributeError):
        charges.total = Decimal(0)
