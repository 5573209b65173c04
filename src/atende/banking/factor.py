"""Fator de vencimento (FACTS.md §4): days since 07/10/1997, restarting at 1000 on 22/02/2025."""

from datetime import date, timedelta

from atende.banking.errors import BankingError

BASE_DATE = date(1997, 10, 7)
FIRST_DATE = date(2000, 7, 3)  # fator 1000
CYCLE = 9000
# The second cycle ends on 13/10/2049 (fator 9999); FEBRABAN has not published what follows.
LAST_DUE = date(2049, 10, 13)


def due_factor(due: date | None) -> int:
    """The 4-digit fator of a due date; 0 when the boleto has no due date."""
    if due is None:
        return 0
    if due < FIRST_DATE:
        raise BankingError("Vencimento anterior a 03/07/2000 não tem fator.", field="vencimento")
    if due > LAST_DUE:
        raise BankingError(
            "Vencimento depois de 13/10/2049: a FEBRABAN ainda não publicou o fator dessas datas.",
            field="vencimento",
        )
    days = (due - BASE_DATE).days
    return days if days <= 9999 else (days - 10000) % CYCLE + 1000


def factor_dates(factor: int) -> list[date]:
    """Every due date that prints as `factor` (one per 9000-day cycle) up to 2100."""
    if factor == 0:
        return []
    if not 1000 <= factor <= 9999:
        raise BankingError("Fator de vencimento inválido.", field="fator")
    found = [BASE_DATE + timedelta(days=factor)]  # the first cycle: fator = days
    candidate = BASE_DATE + timedelta(days=10000 + (factor - 1000))  # from 22/02/2025 on
    while candidate.year < 2100:
        found.append(candidate)
        candidate += timedelta(days=CYCLE)
    return found


def factor_to_date(factor: int, *, today: date) -> date | None:
    """Decode a fator near `today` (3000 days back to 5500 ahead, FACTS.md §4); None if none."""
    if not 1000 <= factor <= 9999:  # 0000: no due date; 0001-0999 never printed since 2000
        return None
    for candidate in factor_dates(factor):
        if -3000 <= (candidate - today).days <= 5500:
            return candidate
    return None
