"""Brazilian taxpayer numbers: CPF (people) and CNPJ (companies, numeric or alphanumeric).

From July 2026 the Receita Federal issues alphanumeric CNPJs: the 12 base characters may be
digits or capital letters, each worth `ord(char) - 48` in the same modulo-11 check digits
(Nota Técnica COCAD/SUARA/RFB nº 49/2024); the two check digits stay numeric.
"""

import re

CPF_LENGTH = 11
CNPJ_LENGTH = 14
_CNPJ_WEIGHTS_1 = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]
_CNPJ_WEIGHTS_2 = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]


def clean(document: str) -> str:
    """Strip punctuation and spaces; uppercase letters (alphanumeric CNPJ)."""
    return re.sub(r"[^0-9A-Za-z]", "", document or "").upper()


def _modulo_11(values: list[int], weights: list[int]) -> int:
    remainder = sum(v * w for v, w in zip(values, weights, strict=True)) % 11
    return 0 if remainder < 2 else 11 - remainder


def is_valid_cpf(document: str) -> bool:
    digits = clean(document)
    if len(digits) != CPF_LENGTH or not digits.isdigit() or digits == digits[0] * CPF_LENGTH:
        return False
    numbers = [int(d) for d in digits]
    first = _modulo_11(numbers[:9], list(range(10, 1, -1)))
    second = _modulo_11(numbers[:10], list(range(11, 1, -1)))
    return numbers[9] == first and numbers[10] == second


def is_valid_cnpj(document: str) -> bool:
    """Numeric and alphanumeric CNPJ."""
    chars = clean(document)
    if len(chars) != CNPJ_LENGTH or not chars[12:].isdigit():
        return False
    if not re.fullmatch(r"[0-9A-Z]{12}", chars[:12]) or chars == chars[0] * CNPJ_LENGTH:
        return False
    values = [ord(char) - 48 for char in chars]
    first = _modulo_11(values[:12], _CNPJ_WEIGHTS_1)
    second = _modulo_11(values[:13], _CNPJ_WEIGHTS_2)
    return values[12] == first and values[13] == second


def cnpj_check_digits(base: str) -> str:
    """The two check digits for a 12-character CNPJ base (used by the demo data and tests)."""
    values = [ord(char) - 48 for char in clean(base)]
    first = _modulo_11(values, _CNPJ_WEIGHTS_1)
    second = _modulo_11([*values, first], _CNPJ_WEIGHTS_2)
    return f"{first}{second}"


def cpf_check_digits(base: str) -> str:
    numbers = [int(d) for d in clean(base)]
    first = _modulo_11(numbers, list(range(10, 1, -1)))
    second = _modulo_11([*numbers, first], list(range(11, 1, -1)))
    return f"{first}{second}"


def format_document(document: str) -> str:
    """`12345678909` → `123.456.789-09`; `12ABC34501DE35` → `12.ABC.345/01DE-35`."""
    chars = clean(document)
    if len(chars) == CPF_LENGTH:
        return f"{chars[:3]}.{chars[3:6]}.{chars[6:9]}-{chars[9:]}"
    if len(chars) == CNPJ_LENGTH:
        return f"{chars[:2]}.{chars[2:5]}.{chars[5:8]}/{chars[8:12]}-{chars[12:]}"
    return document or ""
