"""Billing's pure-Python rules: the national banking calendar and what a payer owes on a day.

No Django here (like `atende.banking`), so the rules can move into the banking core later.
"""

from atende.billing.rules.calendar import (
    bank_closures,
    business_days_between,
    easter,
    is_business_day,
    national_holidays,
    next_business_day,
)
from atende.billing.rules.charges import ChargeRuleError, Charges, amount_due, round_cents

__all__ = [
    "ChargeRuleError",
    "Charges",
    "amount_due",
    "bank_closures",
    "business_days_between",
    "easter",
    "is_business_day",
    "national_holidays",
    "next_business_day",
    "round_cents",
]
