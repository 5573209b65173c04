"""Santander (033): 9 + código do beneficiário + NN 12 + DV + IOF + carteira (SAN-BOL p.6).

FACTS-more-banks.md §2. Agência and conta do not enter the barcode; the código do beneficiário
(the bank's "código do cliente", 7 digits) does. CNAB 400 users have 7-digit nosso números
(5 leading zeros in the 12, SAN-BOL p.7): the same barcode, so no switch is needed.
"""

from atende.banking.digits import modulo11_santander, only_digits
from atende.banking.errors import BankingError
from atende.banking.models import Boleto

# SAN-BOL p.6 (101 rápida com registro) and SAN-BOL-2012 p.6-7 (102 sem registro, 201 penhor);
# 121 only in Brunomm/br_boleto [lib], whose vectors use it.
WALLETS = {"101", "102", "121", "201"}


def _parts(boleto: Boleto) -> tuple[str, str, str]:
    code = only_digits(boleto.beneficiary.agreement, field="codigo_beneficiario", length=7)
    number = only_digits(boleto.nosso_numero, field="nosso_numero", length=12)
    wallet = only_digits(boleto.beneficiary.wallet, field="carteira", length=3)
    if wallet not in WALLETS:
        raise BankingError("Carteira do Santander deve ser 101, 102, 121 ou 201.",
                           field="carteira")  # fmt: skip
    return code, number, wallet


def _iof(boleto: Boleto) -> str:
    """Pos 41: the IOF rate of insurers (7 for 7 %, at most 9); everyone else 0 (SAN-BOL p.6)."""
    text = str(boleto.options.get("iof") or "0").strip()
    return only_digits(text, field="iof", length=1)


def free_field(boleto: Boleto) -> str:
    """Barcode pos 20-44: 9 + código(7) + NN(12) + DV + IOF(1) + carteira(3) (SAN-BOL p.6)."""
    code, number, wallet = _parts(boleto)
    return f"9{code}{number}{modulo11_santander(number)}{_iof(boleto)}{wallet}"


def nosso_numero(boleto: Boleto) -> str:
    """`NNNNNNNNNNNN-D`, DV mod 11 with weights 2..9 (SAN-BOL p.15-16)."""
    _, number, _ = _parts(boleto)
    return f"{number}-{modulo11_santander(number)}"


def beneficiary_code(boleto: Boleto) -> str:
    """Agência (with its DV when given) / código do beneficiário."""
    code, _, _ = _parts(boleto)
    beneficiary = boleto.beneficiary
    if not beneficiary.agency:
        return code
    agency = only_digits(beneficiary.agency, field="agencia", length=4)
    dv = f"-{beneficiary.agency_dv}" if beneficiary.agency_dv else ""
    return f"{agency}{dv} / {code}"
