"""Per-bank rules: the 25-digit campo livre and the nosso número as printed."""

from typing import Protocol

from atende.banking.banks import bb, bradesco, caixa
from atende.banking.errors import BankingError
from atende.banking.models import Boleto


class BankRules(Protocol):
    """What each bank module provides (the modules themselves satisfy it)."""

    def free_field(self, boleto: Boleto) -> str: ...

    def nosso_numero(self, boleto: Boleto) -> str: ...


BANKS: dict[str, BankRules] = {"001": bb, "104": caixa, "237": bradesco}
BANK_NAMES = {"001": "Banco do Brasil", "104": "Caixa Econômica Federal", "237": "Bradesco"}


def bank_module(code: str) -> BankRules:
    """The rules of a supported bank (`free_field`, `nosso_numero`), or a BankingError."""
    code = str(code).zfill(3)
    if code not in BANKS:
        raise BankingError(f"Banco {code} não suportado (use 001, 104 ou 237).", field="bank")
    return BANKS[code]
