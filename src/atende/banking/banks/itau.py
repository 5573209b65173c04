"""Itaú (341): carteira + nosso número 8 + DACs (ITAU-BOL §8.3 and Anexos 2-5).

FACTS-more-banks.md §1. Two campo-livre layouts: the carteiras comuns (agência and conta in
the barcode) and the "15 posições" carteiras (seu número and código do cliente instead).
"""

from atende.banking.digits import modulo10, only_digits
from atende.banking.errors import BankingError
from atende.banking.models import Boleto

# Anexo 5 p.58: the carteiras whose campo livre carries seu número + código do cliente. The
# 2021 table (ITAU-400-2021 p.29-30) no longer lists 122; libraries add 106 and 195 [lib] and
# Brunomm/br_boleto treats 106 as comum: we follow the manual.
FIFTEEN_POSITION_WALLETS = {"107", "122", "142", "143", "196", "198"}
# Anexo 4 p.57: the nosso número DAC of these carteiras covers carteira + NN only. Nota 23
# (p.34) also excludes the escriturais and writes 145 for 146; libraries split the same way
# (FACTS-more-banks §1.2). We follow Anexo 4, the page dedicated to the calculation.
WALLET_ONLY_DAC = {"126", "131", "146", "150", "168"}


def _wallet(boleto: Boleto) -> str:
    return only_digits(boleto.beneficiary.wallet, field="carteira", length=3)


def _number(boleto: Boleto) -> str:
    return only_digits(boleto.nosso_numero, field="nosso_numero", length=8)


def _agency_account(boleto: Boleto) -> tuple[str, str]:
    agency = only_digits(boleto.beneficiary.agency, field="agencia", length=4)
    account = only_digits(boleto.beneficiary.account, field="conta", length=5)
    return agency, account


def account_dac(boleto: Boleto) -> str:
    """The conta's "dígito": mod 10 of agência + conta (Anexo 3; 0057/12345 → 7).

    Some libraries take it as an input and their vectors contradict the manual (FACTS-more-banks
    §1.2), so a typed DV is only checked, never used.
    """
    agency, account = _agency_account(boleto)
    dac = str(modulo10(agency + account))
    typed = boleto.beneficiary.account_dv.strip()
    if typed and typed != dac:
        raise BankingError(f"DV da conta Itaú não confere: informado {typed}, calculado {dac} "
                           "(agência + conta, módulo 10).", field="conta_dv")  # fmt: skip
    return dac


def nosso_numero_dac(boleto: Boleto) -> str:
    """Mod 10 over agência + conta + carteira + NN, or carteira + NN (Anexo 4 p.57)."""
    wallet, number = _wallet(boleto), _number(boleto)
    if wallet in WALLET_ONLY_DAC:
        return str(modulo10(wallet + number))
    agency, account = _agency_account(boleto)
    return str(modulo10(agency + account + wallet + number))


def free_field(boleto: Boleto) -> str:
    """Barcode pos 20-44 (§8.3.2 p.49 for carteiras comuns, Anexo 5 p.58-59 for the others)."""
    wallet, number = _wallet(boleto), _number(boleto)
    if wallet in FIFTEEN_POSITION_WALLETS:
        document = only_digits(boleto.document_number, field="seu_numero", length=7)
        client = only_digits(boleto.beneficiary.agreement, field="codigo_cliente", length=5)
        body = f"{wallet}{number}{document}{client}"
        return f"{body}{modulo10(body)}0"
    agency, account = _agency_account(boleto)
    return f"{wallet}{number}{nosso_numero_dac(boleto)}{agency}{account}{account_dac(boleto)}000"


def nosso_numero(boleto: Boleto) -> str:
    """`CCC/NNNNNNNN-D` (nota 23 p.34): carteira, nosso número and its DAC."""
    return f"{_wallet(boleto)}/{_number(boleto)}-{nosso_numero_dac(boleto)}"


def beneficiary_code(boleto: Boleto) -> str:
    """ "Agência/Código do beneficiário" as Itaú prints it: `0057 / 12345-7` (Anexo 2)."""
    beneficiary = boleto.beneficiary
    if _wallet(boleto) in FIFTEEN_POSITION_WALLETS and not (
        beneficiary.agency and beneficiary.account
    ):
        return only_digits(beneficiary.agreement, field="codigo_cliente", length=5)
    agency, account = _agency_account(boleto)
    return f"{agency} / {account}-{account_dac(boleto)}"
