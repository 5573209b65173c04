"""Banco do Brasil (001): campo livre per convênio size (BB-BOL Anexos VII–XI, FACTS.md §5)."""

from atende.banking.digits import modulo11_bb, only_digits
from atende.banking.errors import BankingError
from atende.banking.models import Boleto

# convênio length → sequence length inside the nosso número
SEQUENCE_LENGTH = {4: 7, 6: 5, 7: 10, 8: 9}
FREE_NN_LENGTH = 17  # Anexo X: convênio 6 with a free 17-digit nosso número (service code 21)


def _convenio(boleto: Boleto) -> str:
    convenio = only_digits(boleto.beneficiary.agreement, field="convenio")
    if len(convenio) not in SEQUENCE_LENGTH:
        raise BankingError("Convênio do BB deve ter 4, 6, 7 ou 8 dígitos.", field="convenio")
    return convenio


def _uses_free_nn(boleto: Boleto, convenio: str) -> bool:
    return len(convenio) == 6 and bool(boleto.options.get("free_nosso_numero"))


def _sequence(boleto: Boleto, convenio: str) -> str:
    length = FREE_NN_LENGTH if _uses_free_nn(boleto, convenio) else SEQUENCE_LENGTH[len(convenio)]
    number = only_digits(boleto.nosso_numero, field="nosso_numero")
    # People often type the whole printed number (convênio + sequence): accept it.
    if len(number) == len(convenio) + length and number.startswith(convenio):
        number = number[len(convenio) :]
    if len(number) > length:
        raise BankingError(
            f"Nosso número longo demais para convênio de {len(convenio)} dígitos "
            f"(máximo {length}).",
            field="nosso_numero",
        )
    return number.zfill(length)


def free_field(boleto: Boleto) -> str:
    """Barcode pos 20-44 for the convênio's size (Anexos VII-X)."""
    convenio = _convenio(boleto)
    sequence = _sequence(boleto, convenio)
    wallet = only_digits(boleto.beneficiary.wallet, field="carteira", length=2)
    if _uses_free_nn(boleto, convenio):
        return f"{convenio}{sequence}21"
    if len(convenio) in (7, 8):
        return f"000000{convenio}{sequence}{wallet}"
    agency = only_digits(boleto.beneficiary.agency, field="agencia", length=4)
    account = only_digits(boleto.beneficiary.account, field="conta", length=8)
    return f"{convenio}{sequence}{agency}{account}{wallet}"


def nosso_numero(boleto: Boleto) -> str:
    """Convênio 7: 17 digits, no DV (Anexo IX); 4, 6 and 8: number-DV (Anexo XI)."""
    convenio = _convenio(boleto)
    number = f"{convenio}{_sequence(boleto, convenio)}"
    if len(convenio) == 7 or _uses_free_nn(boleto, convenio):
        return number[-17:] if _uses_free_nn(boleto, convenio) else number
    return f"{number}-{modulo11_bb(number)}"


def beneficiary_code(boleto: Boleto) -> str:
    """Agência-DV / conta-DV (BB-BOL prints "4042-8 / 00061900-0"; FACTS.md §5).

    A DV typed with the agência or conta is printed as it is; a missing one is computed with
    the BB module 11 (weights 9..2, 10 → X), as brcobranca's spec does [lib]. Without
    agência and conta (convênios 7 and 8 do not need them) the convênio is printed.
    """
    beneficiary = boleto.beneficiary
    if not (beneficiary.agency and beneficiary.account):  # convênios 7 and 8 do not need them
        return _convenio(boleto)
    agency = only_digits(beneficiary.agency, field="agencia", length=4)
    account = only_digits(beneficiary.account, field="conta", length=8)
    agency_dv = beneficiary.agency_dv.strip() or modulo11_bb(agency)
    account_dv = beneficiary.account_dv.strip() or modulo11_bb(account)
    return f"{agency}-{agency_dv} / {account}-{account_dv}"
