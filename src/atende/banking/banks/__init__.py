"""Per-bank rules: the 25-digit campo livre and the nosso número as printed."""

from types import ModuleType

from atende.banking.banks import bb, bradesco, caixa
from atende.banking.errors import BankingError

BANKS = {"001": bb, "104": caixa, "237": bradesco}
BANK_NAMES = {"001": "Banco do Brasil", "104": "Caixa Econômica Federal", "237": "Bradesco"}


def bank_module(code: str) -> ModuleType:
    code = str(code).zfill(3)
    if code not in BANKS:
        raise BankingError(f"Banco {code} não suportado (use 001, 104 ou 237).", field="bank")
    return BANKS[code]
