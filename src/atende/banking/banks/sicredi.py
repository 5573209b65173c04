"""Sicredi (748): tipo de cobrança, nosso número AA/BXXXXX-D, cooperativa, posto, beneficiário.

FACTS-more-banks.md §4, from the Sicredi CNAB 400 manual of agosto/2019 (SCR-400): the campo
livre in §10.7.1 p.61-62 and the nosso número in §5.3-5.4 p.7-8. Both DVs are mod 11 with
weights 2..9, 11 − r, above 9 → 0 (the Caixa computation).
"""

from atende.banking.digits import modulo11_caixa, only_digits
from atende.banking.errors import BankingError
from atende.banking.models import Boleto

# Pos 20, tipo de cobrança: 1 com registro; 3 sem registro (2014 manual and kivanio/brcobranca).
# Sicredi's CNAB files write the carteira as a letter (A com registro, C sem registro, §10.2-3).
COLLECTION_TYPES = {"1": "1", "A": "1", "3": "3", "C": "3"}


def _collection_type(boleto: Boleto) -> str:
    wallet = str(boleto.beneficiary.wallet or "").strip().upper()
    if not wallet:
        raise BankingError("Carteira: campo obrigatório.", field="carteira")
    if wallet.lstrip("0") not in COLLECTION_TYPES:
        raise BankingError("Carteira do Sicredi deve ser 1 (com registro) ou 3 (sem registro).",
                           field="carteira")  # fmt: skip
    return COLLECTION_TYPES[wallet.lstrip("0")]


def _beneficiary(boleto: Boleto) -> tuple[str, str, str]:
    beneficiary = boleto.beneficiary
    agency = only_digits(beneficiary.agency, field="agencia", length=4)
    posto = only_digits(beneficiary.posto, field="posto", length=2)
    code = only_digits(beneficiary.agreement, field="codigo_beneficiario", length=5)
    return agency, posto, code


def _year(boleto: Boleto) -> str:
    """AA: the year the nosso número was generated (`ano`, else the document date's year).

    Libraries take it from the processing, document or issue date, or from today, which makes
    the same inputs give other codes next year (FACTS-more-banks §4.2): we never use today.
    """
    explicit = str(boleto.options.get("ano") or "").strip()
    if explicit:
        return only_digits(explicit, field="ano", length=2)[-2:]
    if boleto.issue_date is None:
        raise BankingError("Ano do nosso número: informe `ano` ou a data do documento.",
                           field="ano")  # fmt: skip
    return f"{boleto.issue_date.year % 100:02d}"


def _sequence(boleto: Boleto) -> str:
    """AA + B + XXXXX: typed whole (8 digits, or 9 with the DV), B + XXXXX, or XXXXX alone
    with `ano` and `byte` (2 when absent: the first byte a beneficiário's system uses)."""
    number = only_digits(boleto.nosso_numero, field="nosso_numero")
    if len(number) == 9:  # typed with its DV: checked by the caller against the computed one
        number = number[:8]
    if len(number) == 8:
        year, byte, sequence = number[:2], number[2], number[3:]
    elif len(number) == 6 and number[0] != "0":
        year, byte, sequence = _year(boleto), number[0], number[1:]
    else:
        sequence = only_digits(number, field="nosso_numero", length=5)
        year = _year(boleto)
        byte = only_digits(str(boleto.options.get("byte") or "2").strip(), field="byte", length=1)
    # B = 2-9 when the beneficiário generates the number, 1 only on the cooperativa's forms.
    if byte == "0":
        raise BankingError("Byte de geração do Sicredi deve ser de 1 a 9.", field="byte")
    return f"{year}{byte}{sequence}"


def nosso_numero_digits(boleto: Boleto) -> str:
    """The 9 digits AA + B + XXXXX + DV (DV over cooperativa + posto + beneficiário + those)."""
    agency, posto, code = _beneficiary(boleto)
    sequence = _sequence(boleto)
    dv = str(modulo11_caixa(agency + posto + code + sequence))
    typed = str(boleto.nosso_numero or "").strip()
    if len(typed) == 9 and typed.isdigit() and typed[8] != dv:
        raise BankingError(f"DV do nosso número não confere: informado {typed[8]}, calculado "
                           f"{dv}.", field="nosso_numero_dv")  # fmt: skip
    return sequence + dv


def free_field(boleto: Boleto) -> str:
    """Barcode pos 20-44 (SCR-400 §10.7.1 p.61): pos 42 is 1 when the boleto has a valor."""
    agency, posto, code = _beneficiary(boleto)
    has_amount = "1" if boleto.amount > 0 else "0"
    body = (
        f"{_collection_type(boleto)}1{nosso_numero_digits(boleto)}"
        f"{agency}{posto}{code}{has_amount}0"
    )
    return body + str(modulo11_caixa(body))


def nosso_numero(boleto: Boleto) -> str:
    """`AA/BXXXXX-D` (SCR-400 §5.3 p.7)."""
    digits = nosso_numero_digits(boleto)
    return f"{digits[:2]}/{digits[2:8]}-{digits[8]}"


def beneficiary_code(boleto: Boleto) -> str:
    """Cooperativa.posto.código, as Sicredi's boletos print it (`0165.02.00623`)."""
    return ".".join(_beneficiary(boleto))
