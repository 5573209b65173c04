"""The national banking calendar against the published one: Easter, holidays, business days."""

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from atende.billing.rules.calendar import (
    LAST_DAY_NAME,
    bank_closures,
    business_days_between,
    easter,
    is_business_day,
    national_holidays,
    next_business_day,
)


@pytest.mark.parametrize(
    ("year", "sunday"),
    [
        (1818, date(1818, 3, 22)),  # the earliest possible Easter
        (1943, date(1943, 4, 25)),  # the latest possible Easter
        (2000, date(2000, 4, 23)),
        (2008, date(2008, 3, 23)),
        (2011, date(2011, 4, 24)),
        (2019, date(2019, 4, 21)),
        (2024, date(2024, 3, 31)),
        (2025, date(2025, 4, 20)),
        (2026, date(2026, 4, 5)),
        (2027, date(2027, 3, 28)),
        (2038, date(2038, 4, 25)),
        (2285, date(2285, 3, 22)),
    ],
)
def test_easter_sunday(year, sunday):
    assert easter(year) == sunday
    assert sunday.weekday() == 6


def _calendar(year, *days):
    return {date(year, month, day): name for month, day, name in days}


def test_holidays_of_2024():
    assert national_holidays(2024) == _calendar(
        2024,
        (1, 1, "Confraternização Universal"),
        (2, 12, "Carnaval (segunda-feira)"),
        (2, 13, "Carnaval (terça-feira)"),
        (3, 29, "Sexta-feira da Paixão"),
        (4, 21, "Tiradentes"),
        (5, 1, "Dia do Trabalho"),
        (5, 30, "Corpus Christi"),
        (9, 7, "Independência do Brasil"),
        (10, 12, "Nossa Senhora Aparecida"),
        (11, 2, "Finados"),
        (11, 15, "Proclamação da República"),
        (11, 20, "Dia Nacional de Zumbi e da Consciência Negra"),
        (12, 25, "Natal"),
    )


def test_holidays_of_2025():
    assert national_holidays(2025) == _calendar(
        2025,
        (1, 1, "Confraternização Universal"),
        (3, 3, "Carnaval (segunda-feira)"),
        (3, 4, "Carnaval (terça-feira)"),
        (4, 18, "Sexta-feira da Paixão"),
        (4, 21, "Tiradentes"),
        (5, 1, "Dia do Trabalho"),
        (6, 19, "Corpus Christi"),
        (9, 7, "Independência do Brasil"),
        (10, 12, "Nossa Senhora Aparecida"),
        (11, 2, "Finados"),
        (11, 15, "Proclamação da República"),
        (11, 20, "Dia Nacional de Zumbi e da Consciência Negra"),
        (12, 25, "Natal"),
    )


def test_holidays_of_2026():
    assert national_holidays(2026) == _calendar(
        2026,
        (1, 1, "Confraternização Universal"),
        (2, 16, "Carnaval (segunda-feira)"),
        (2, 17, "Carnaval (terça-feira)"),
        (4, 3, "Sexta-feira da Paixão"),
        (4, 21, "Tiradentes"),
        (5, 1, "Dia do Trabalho"),
        (6, 4, "Corpus Christi"),
        (9, 7, "Independência do Brasil"),
        (10, 12, "Nossa Senhora Aparecida"),
        (11, 2, "Finados"),
        (11, 15, "Proclamação da República"),
        (11, 20, "Dia Nacional de Zumbi e da Consciência Negra"),
        (12, 25, "Natal"),
    )


def test_consciencia_negra_is_national_only_from_2024():
    # Lei 14.759/2023: Monday 20/11/2023 was still an ordinary banking day.
    assert date(2023, 11, 20) not in national_holidays(2023)
    assert is_business_day(date(2023, 11, 20)) is True
    assert is_business_day(date(2024, 11, 20)) is False
    assert len(national_holidays(2023)) == 12


def test_nossa_senhora_aparecida_is_national_only_from_1980():
    assert date(1979, 10, 12) not in national_holidays(1979)
    assert national_holidays(1980)[date(1980, 10, 12)] == "Nossa Senhora Aparecida"


@pytest.mark.parametrize(
    ("year", "closed"),
    [
        (2022, date(2022, 12, 30)),  # 31/12 a Saturday: banks closed on Friday 30/12
        (2023, date(2023, 12, 29)),  # 30 and 31/12 a weekend: Friday 29/12
        (2024, date(2024, 12, 31)),
        (2025, date(2025, 12, 31)),
        (2026, date(2026, 12, 31)),
    ],
)
def test_the_last_business_day_of_the_year_is_a_bank_closing(year, closed):
    closures = bank_closures(year)
    assert closures[closed] == LAST_DAY_NAME
    assert closures == {**national_holidays(year), closed: LAST_DAY_NAME}
    assert is_business_day(closed) is False


def test_the_cached_calendar_cannot_be_changed_through_a_returned_dict():
    holidays = national_holidays(2026)
    holidays[date(2026, 3, 10)] = "invented"
    del holidays[date(2026, 12, 25)]
    assert date(2026, 3, 10) not in national_holidays(2026)
    assert is_business_day(date(2026, 3, 10)) is True
    assert is_business_day(date(2026, 12, 25)) is False


@pytest.mark.parametrize("year", [1582, 10000, True, 2026.0, "2026"])
def test_years_outside_the_gregorian_calendar_are_refused(year):
    with pytest.raises(ValueError, match="Ano fora do calendário gregoriano"):
        national_holidays(year)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 3, 10), True),  # an ordinary Tuesday
        (date(2026, 3, 7), False),  # Saturday
        (date(2026, 3, 8), False),  # Sunday
        (date(2026, 2, 16), False),  # Carnaval Monday
        (date(2026, 2, 18), True),  # Quarta-feira de Cinzas: banks open at noon, they clear
        (date(2026, 12, 24), True),  # Christmas Eve: short hours, still a business day
        (date(2026, 11, 15), False),  # a holiday on a Sunday is closed all the same
    ],
)
def test_is_business_day(day, expected):
    assert is_business_day(day) is expected


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 3, 10), date(2026, 3, 10)),  # already one: itself
        (date(2026, 3, 7), date(2026, 3, 9)),  # Saturday → Monday
        (date(2026, 3, 8), date(2026, 3, 9)),  # Sunday → Monday
        (date(2026, 2, 14), date(2026, 2, 18)),  # Saturday before Carnaval → Ash Wednesday
        (date(2026, 2, 17), date(2026, 2, 18)),
        (date(2026, 4, 3), date(2026, 4, 6)),  # Sexta-feira da Paixão → Monday
        (date(2026, 4, 21), date(2026, 4, 22)),  # Tiradentes on a Tuesday
        (date(2026, 6, 4), date(2026, 6, 5)),  # Corpus Christi → Friday
        (date(2026, 12, 25), date(2026, 12, 28)),  # Christmas on a Friday → Monday
        (date(2026, 12, 31), date(2027, 1, 4)),  # 31/12 closed, 01/01 Friday, weekend
        (date(2025, 12, 31), date(2026, 1, 2)),
        (date(2023, 12, 29), date(2024, 1, 2)),  # Friday 29/12/2023 closed, then 01/01
    ],
)
def test_next_business_day(day, expected):
    assert next_business_day(day) == expected


@pytest.mark.parametrize(
    ("start", "end", "count"),
    [
        (date(2026, 3, 10), date(2026, 3, 10), 0),
        (date(2026, 3, 10), date(2026, 3, 9), 0),
        (date(2026, 3, 6), date(2026, 3, 9), 1),  # Friday → Monday: D+1
        (date(2026, 2, 13), date(2026, 2, 18), 1),  # over Carnaval
        (date(2026, 2, 13), date(2026, 2, 20), 3),
        (date(2026, 12, 23), date(2027, 1, 5), 6),  # 24, 28, 29, 30/12, 04 and 05/01
        (date(2026, 1, 1), date(2027, 1, 1), 248),  # 261 weekdays less 01/01 and 12 closings
    ],
)
def test_business_days_between(start, end, count):
    assert business_days_between(start, end) == count


days = st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31))


@given(days)
def test_next_business_day_is_the_first_business_day_from_the_day_on(day):
    found = next_business_day(day)
    assert is_business_day(found) is True
    assert day <= found <= day + timedelta(days=10)
    assert all(not is_business_day(day + timedelta(days=n)) for n in range((found - day).days))


@given(days, st.integers(min_value=0, max_value=800))
def test_business_days_between_counts_day_by_day(start, length):
    end = start + timedelta(days=length)
    by_hand = sum(1 for n in range(1, length + 1) if is_business_day(start + timedelta(days=n)))
    assert business_days_between(start, end) == by_hand


@pytest.mark.parametrize(
    "call",
    [
        lambda moment: is_business_day(moment),
        lambda moment: next_business_day(moment),
        lambda moment: business_days_between(date(2026, 12, 1), moment),
    ],
)
def test_a_datetime_is_refused_not_compared_with_the_holidays(call):
    # datetime(2026, 12, 25) != date(2026, 12, 25): it would pass Christmas as a business day.
    with pytest.raises(TypeError, match="Esperava uma data"):
        call(datetime(2026, 12, 25))  # noqa: DTZ001
