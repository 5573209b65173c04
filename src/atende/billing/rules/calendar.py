"""Brazil's national banking calendar: the days on which banks settle boletos everywhere.

A business day (dia útil bancário) is a weekday that is neither a national holiday nor one of
the days banks close nationally without a holiday law: Carnaval Monday and Tuesday, Sexta-feira
da Paixão, Corpus Christi (all dated from Easter) and the last business day of the year.
State and municipal holidays are not here: they differ per branch and the payer may always pay
in another town or online, so the national calendar is the one a charge is judged by.

Why the calendar matters for money: Lei 7.089/1983, art. 1º, forbids banks from charging
interest on a title whose due date falls on a Saturday, Sunday or holiday when it is paid on the
first business day after it, and FEBRABAN repeats at every national holiday that boletos due on
a day without bank clearing ("compensação") may be paid on the next business day without fine
or interest (e.g. its notes for Sexta-feira da Paixão 29/03/2024 and for 31/12/2025–01/01/2026).
"""

# Sources, read on 02/12/2026 (FEBRABAN's notes as the press reported them):
# - Lei 7.089/1983, art. 1º: https://www.planalto.gov.br/ccivil_03/leis/L7089.htm
# - the rule for boletos: https://fdr.com.br/2024/03/28/boletos-vencimento-sexta-feira-santa-pagamento/
#   and https://fdr.com.br/2026/01/14/13-datas-de-2026-em-que-voce-nao-precisa-pagar-boleto
#   (the 2026 list the tests check);
# - the year's last business day: http://economia.estadao.com.br/noticias/geral,bancos-nao-abrem-hoje,20051230p10448
#   (Resolução 2.932/2002, art. 2º), https://www.jornaldocomercio.com/economia/2022/12/879092-bancos-fecham-nesta-sexta-feira-e-so-reabrem-em-2-de-janeiro-de-2023.html
#   (30/12/2022) and https://www.praticacontabil.cnt.br/noticias/empresariais/2025/12/30/bancos-nao-abrem-em-31-de-dezembro-e-1o-de-janeiro.html

from datetime import date, datetime, timedelta
from functools import lru_cache
from types import MappingProxyType
from typing import Final

# Fixed-date national holidays: Lei 662/1949 (with Lei 10.607/2002), Lei 6.802/1980
# (Nossa Senhora Aparecida) and Lei 14.759/2023 (Zumbi e Consciência Negra, from 2024).
_FIXED: Final = (
    (1, 1, "Confraternização Universal", None),
    (4, 21, "Tiradentes", None),
    (5, 1, "Dia do Trabalho", None),
    (9, 7, "Independência do Brasil", None),
    (10, 12, "Nossa Senhora Aparecida", 1980),
    (11, 2, "Finados", None),
    (11, 15, "Proclamação da República", None),
    (11, 20, "Dia Nacional de Zumbi e da Consciência Negra", 2024),
    (12, 25, "Natal", None),
)

# Days banks do not open although no national law makes them holidays, as offsets from Easter.
_FROM_EASTER: Final = (
    (-48, "Carnaval (segunda-feira)"),
    (-47, "Carnaval (terça-feira)"),
    (-2, "Sexta-feira da Paixão"),
    (60, "Corpus Christi"),
)

# Resolução 2.932/2002, art. 2º: no service to the public on the last business day of the
# year. Resolução CMN 4.880/2020 replaced it and FEBRABAN still announces each December that
# banks close and do not clear that day, and that bills due on it may be paid on the next
# business day without charges. When 31/12 falls on a weekend the closing moves back to the
# last weekday (Friday 30/12/2022, Friday 29/12/2023).
LAST_DAY_NAME: Final = "Último dia útil do ano (sem expediente bancário)"

FIRST_YEAR: Final = 1583  # the first full year of the Gregorian calendar


def easter(year: int) -> date:
    """Easter Sunday of `year` by the anonymous Gregorian algorithm (Meeus/Jones/Butcher)."""
    _check_year(year)
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741 - the algorithm's published letters
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return date(year, month, day + 1)


def national_holidays(year: int) -> dict[date, str]:
    """National holidays and nationwide bank closings tied to Easter, by date, with their names."""
    return dict(_national_holidays(year))


def bank_closures(year: int) -> dict[date, str]:
    """The national holidays plus the year's last business day: every closing besides weekends."""
    return dict(_bank_closures(year))


def is_business_day(day: date) -> bool:
    """Whether banks clear boletos nationally on `day`."""
    _check_day(day)
    return day.weekday() < 5 and day not in _bank_closures(day.year)


def next_business_day(day: date) -> date:
    """`day` itself when it is a business day, otherwise the first business day after it."""
    _check_day(day)
    while not is_business_day(day):
        day += timedelta(days=1)
    return day


def business_days_between(start: date, end: date) -> int:
    """Business days `d` with start < d <= end (a D+n count); 0 when end is not after start."""
    _check_day(start)
    _check_day(end)
    if end <= start:
        return 0
    weeks, remainder = divmod((end - start).days, 7)
    count = weeks * 5  # every full week holds five weekdays
    tail = start + timedelta(days=weeks * 7)
    count += sum(1 for n in range(1, remainder + 1) if (tail + timedelta(days=n)).weekday() < 5)
    for year in range(start.year, end.year + 1):
        count -= sum(1 for d in _bank_closures(year) if start < d <= end and d.weekday() < 5)
    return count


@lru_cache(maxsize=256)
def _national_holidays(year: int) -> MappingProxyType[date, str]:
    _check_year(year)
    found = {
        date(year, month, day): name
        for month, day, name, since in _FIXED
        if since is None or year >= since
    }
    sunday = easter(year)
    for offset, name in _FROM_EASTER:
        found[sunday + timedelta(days=offset)] = name
    return MappingProxyType(dict(sorted(found.items())))


@lru_cache(maxsize=256)
def _bank_closures(year: int) -> MappingProxyType[date, str]:
    found = dict(_national_holidays(year))
    last = date(year, 12, 31)
    while last.weekday() >= 5 or last in found:
        last -= timedelta(days=1)
    found[last] = LAST_DAY_NAME
    return MappingProxyType(dict(sorted(found.items())))


def _check_year(year: int) -> None:
    if isinstance(year, bool) or not isinstance(year, int) or not FIRST_YEAR <= year <= 9999:
        raise ValueError(f"Ano fora do calendário gregoriano: {year!r}.")


def _check_day(day: date) -> None:
    # A datetime is a date that never equals one, so it would slip past every holiday; which
    # calendar day it falls on is a time-zone question for the caller.
    if not isinstance(day, date) or isinstance(day, datetime):
        raise TypeError(f"Esperava uma data (date), não {type(day).__name__}.")
