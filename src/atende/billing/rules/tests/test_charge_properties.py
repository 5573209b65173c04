"""Properties of amount_due over random inputs: what always holds, whatever the numbers."""

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from atende.billing.rules.calendar import is_business_day, next_business_day
from atende.billing.rules.charges import amount_due, round_cents

amounts = st.decimals(min_value=Decimal("0.00"), max_value=Decimal("999999999.99"), places=2)
percents = st.decimals(min_value=Decimal(0), max_value=Decimal(100), places=3)
dues = st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31))


@st.composite
def charge_inputs(draw: st.DrawFn) -> dict[str, object]:
    amount = draw(amounts)
    due_date = draw(dues)
    discount_until = draw(
        st.none() | st.dates(due_date - timedelta(days=30), due_date + timedelta(days=10))
    )
    return {
        "amount": amount,
        "due_date": due_date,
        "paid_on": due_date + timedelta(days=draw(st.integers(-60, 400))),
        "fine_percent": draw(percents),
        "monthly_interest_percent": draw(percents),
        "discount": draw(st.decimals(min_value=Decimal(0), max_value=amount, places=2)),
        "discount_until": discount_until,
        "fee": draw(st.decimals(min_value=Decimal(0), max_value=Decimal("50.00"), places=2)),
    }


@given(charge_inputs())
def test_total_is_the_sum_of_its_parts_and_never_below_principal_less_discount(inputs):
    charges = amount_due(**inputs)
    assert charges.total == (
        charges.principal - charges.discount + charges.fine + charges.interest + charges.fee
    )
    assert charges.total >= charges.principal - charges.discount
    for part in (charges.principal, charges.discount, charges.fine, charges.interest):
        assert part == round_cents(part) >= 0
        assert part.as_tuple().exponent == -2


@given(charge_inputs())
def test_nothing_is_charged_up_to_the_effective_due_date(inputs):
    charges = amount_due(**inputs)
    assert charges.effective_due_date == next_business_day(inputs["due_date"])
    assert is_business_day(charges.effective_due_date) is True
    if inputs["paid_on"] <= charges.effective_due_date:
        assert (charges.fine, charges.interest, charges.days_late) == (0, 0, 0)
        assert charges.total == inputs["amount"] - charges.discount + inputs["fee"]
    else:
        assert charges.discount == 0
        assert charges.days_late == (inputs["paid_on"] - inputs["due_date"]).days > 0
        assert charges.fine == round_cents(inputs["amount"] * inputs["fine_percent"] / 100)


@given(charge_inputs(), st.integers(min_value=1, max_value=400))
def test_interest_grows_with_every_day_late(inputs, more_days):
    earlier = amount_due(**inputs)
    later = amount_due(**{**inputs, "paid_on": inputs["paid_on"] + timedelta(days=more_days)})
    assert later.interest >= earlier.interest
    assert later.fine >= earlier.fine
    assert later.days_late >= earlier.days_late


@given(charge_inputs())
def test_interest_is_the_daily_rate_times_days_rounded_once(inputs):
    charges = amount_due(**inputs)
    exact = inputs["amount"] * inputs["monthly_interest_percent"] * charges.days_late / 3000
    assert abs(charges.interest - exact) <= Decimal("0.005")
