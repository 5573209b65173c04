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


def dv_of(wallet: str, number: str) -> str:
    """The nosso número's DV: mod 11 base 7 over carteira(2) + NN(11) (BRA-400 p.17-19); 1 → P.

    The one implementation: the boleto, the remessas (400 pos 82, 240 P 57) and the tests use
    it. A carteira written with 3 digits ("009") counts its last two.
    """
    return modulo11_bradesco(wallet[-2:].zfill(2) + number.zfill(11))


def printed(wallet: str, number: str, dv: str) -> str:
    """`CC/NNNNNNNNNNN-D` (BRA-400 p.17-19), as the boleto and the return files print it."""
    return f"{wallet[-2:].zfill(2)}/{number}-{dv}"


def nosso_numero(boleto: Boleto) -> str:
    """`CC/NNNNNNNNNNN-D`: DV mod 11 base 7 over carteira + nosso número (BRA-400 p.17-19)."""
    _, wallet, number, _ = _parts(boleto)
    return printed(wallet, number, dv_of(wallet, number))


def beneficiary_code(boleto: Boleto) -> str:
    """Agência-DV / conta-DV; missing DVs computed as brcobranca does (mod 11 bases 5 and 7,
    10 → P) [lib, vectors dv-26..48]."""
    agency, _, _, account = _parts(boleto)
    beneficiary = boleto.beneficiary
    agency_dv = beneficiary.agency_dv.strip() or modulo11_bradesco(agency, base=5)
    account_dv = beneficiary.account_dv.strip() or modulo11_bradesco(account, base=7)
    return f"{agency}-{agency_dv} / {account}-{account_dv}"
