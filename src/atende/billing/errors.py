"""Error codes billing's services answer with (DomainError.code)."""

from enum import StrEnum


class BillingError(StrEnum):
    INVALID_AMOUNT = "invalid_amount"
    BANK_RULES = "bank_rules"  # the banking core refused the account or the boleto
    NO_BANK_ACCOUNT = "no_bank_account"
    NOT_OPEN = "not_open"
    ALREADY_HAS_BOLETO = "already_has_boleto"
    DUPLICATE_FILE = "duplicate_file"
    DAMAGED_FILE = "damaged_file"
    NOT_FOUND = "not_found"
