"""Bradesco (237): agência + carteira + nosso número + conta + 0 (BRA-400 p.28, FACTS.md §7)."""

from atende.banking.digits import modulo11_bradesco, only_digits
from atende.banking.models import Boleto


def _parts(boleto: Boleto) -> tuple[str, str, str, str]:
    beneficiary = boleto.beneficiary
    agency = only_digits(beneficiary.agency, field="agencia", length=4)
    wallet = only_digits(beneficiary.wallet, field="carteira", length=2)
    number = only_digits(boleto.nosso_numero, field="nosso_numero", length=11)
    account = only_digits(beneficiary.account, field="conta", length=7)
    return agency, wallet, number, account


def free_field(boleto: Boleto) -> str:
    """Barcode pos 20-44: agência(4) + carteira(2) + NN(11) + conta(7) + 0 (BRA-400 p.28)."""
    agency, wallet, number, account = _parts(boleto)
    return f"{agency}{wallet}{number}{account}0"


def nosso_numero(boleto: Boleto) -> str:
    """`CC/NNNNNNNNNNN-D`: DV mod 11 base 7 over carteira + nosso número (BRA-400 p.17-19)."""
    _, wallet, number, _ = _parts(boleto)
    return f"{wallet}/{number}-{modulo11_bradesco(wallet + number)}"


def beneficiary_code(boleto: Boleto) -> str:
    """Agência-DV / conta-DV; missing DVs computed as brcobranca does (mod 11 bases 5 and 7,
    10 → P) [lib, vectors dv-26..48]."""
    agency, _, _, account = _parts(boleto)
    beneficiary = boleto.beneficiary
    agency_dv = beneficiary.agency_dv.strip() or modulo11_bradesco(agency, base=5)
    account_dv = beneficiary.account_dv.strip() or modulo11_bradesco(account, base=7)
    return f"{agency}-{agency_dv} / {account}-{account_dv}"
