"""Per-bank rules: the 25-digit campo livre, the nosso número and the beneficiary as printed."""

from typing import Protocol

from atende.banking.banks import bb, bradesco, caixa, itau, santander, sicoob, sicredi
from atende.banking.errors import BankingError
from atende.banking.models import Boleto


class BankRules(Protocol):
    """What each bank module provides (the modules themselves satisfy it)."""

    def free_field(self, boleto: Boleto) -> str: ...

    def nosso_numero(self, boleto: Boleto) -> str: ...

    def beneficiary_code(self, boleto: Boleto) -> str: ...


BANKS: dict[str, BankRules] = {
    "001": bb,
    "033": santander,
    "104": caixa,
    "237": bradesco,
    "341": itau,
    "748": sicredi,
    "756": sicoob,
}
BANK_NAMES = {
    "001": "Banco do Brasil",
    "033": "Santander",
    "104": "Caixa Econômica Federal",
    "237": "Bradesco",
    "341": "Itaú Unibanco",
    "748": "Sicredi",
    "756": "Sicoob",
}
SUPPORTED = ", ".join(list(BANKS)[:-1]) + " ou " + list(BANKS)[-1]


def bank_module(code: str) -> BankRules:
    """The rules of a supported bank (`free_field`, `nosso_numero`, …), or a BankingError."""
    code = str(code).zfill(3)
    if code not in BANKS:
        raise BankingError(f"Banco {code} não suportado (use {SUPPORTED}).", field="bank")
    return BANKS[code]
