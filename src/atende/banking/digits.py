"""Check-digit arithmetic shared by the banks (FACTS.md §2, §5–§7)."""

from atende.banking.errors import BankingError


def is_ascii_digits(text: str) -> bool:
    """True for a non-empty run of 0-9 (str.isdigit also accepts "²" and other scripts)."""
    return text.isascii() and text.isdigit()


# How each field is named in messages (the `field` itself stays the input key).
LABELS = {
    "agencia": "Agência",
    "conta": "Conta",
    "carteira": "Carteira",
    "convenio": "Convênio",
    "codigo_beneficiario": "Código do beneficiário",
    "nosso_numero": "Nosso número",
    "documento": "CPF/CNPJ",
    "posto": "Posto",
    "parcela": "Parcela",
    "seu_numero": "Seu número",
    "codigo_cliente": "Código do cliente",
    "iof": "IOF",
    "modalidade": "Modalidade",
    "ano": "Ano do nosso número",
    "byte": "Byte de geração",
}


def only_digits(value: object, *, field: str, length: int | None = None) -> str:
    """`value` as a string of digits (left-padded to `length`), or a BankingError."""
    label = LABELS.get(field, field)
    text = str(value if value is not None else "").strip()
    if not text:
        raise BankingError(f"{label}: campo obrigatório.", field=field)
    if not is_ascii_digits(text):
        raise BankingError(f"{label}: use apenas dígitos (recebido “{text}”).", field=field)
    if length is not None:
        excess = len(text) - length
        if excess > 0 and text[:excess].strip("0"):
            raise BankingError(
                f"{label}: no máximo {length} dígitos (recebido {len(text)}).", field=field
            )
        # Zeros beyond the field's width change nothing ("009" is carteira 09).
        text = text[max(excess, 0) :].zfill(length)
    return text


def modulo10(number: str) -> int:
    """Field DV of the linha digitável: weights 2,1,2,1… from the right, digits of products."""
    total = 0
    for position, char in enumerate(reversed(number)):
        product = int(char) * (2 if position % 2 == 0 else 1)
        total += product // 10 + product % 10
    return (10 - total % 10) % 10


def weighted_sum(number: str, weights: list[int]) -> int:
    """Sum of digits times weights applied from the right, cycling the weights."""
    return sum(
        int(char) * weights[position % len(weights)]
        for position, char in enumerate(reversed(number))
    )


WEIGHTS_2_TO_9 = [2, 3, 4, 5, 6, 7, 8, 9]
WEIGHTS_9_TO_2 = [9, 8, 7, 6, 5, 4, 3, 2]


def barcode_dv(digits43: str) -> int:
    """DV geral (barcode pos 5): 11 − (sum mod 11) with weights 2..9; 0, 10, 11 → 1."""
    result = 11 - weighted_sum(digits43, WEIGHTS_2_TO_9) % 11
    return 1 if result in (0, 10, 11) else result


def modulo11_caixa(number: str) -> int:
    """Caixa DVs (nosso número, beneficiário, campo livre): 11 − r, above 9 → 0.

    Sicredi's two DVs (nosso número and campo livre, SCR-400 p.7-8 and p.61-62) are the same
    computation, so its module uses this one too.
    """
    result = 11 - weighted_sum(number, WEIGHTS_2_TO_9) % 11
    return 0 if result > 9 else result


def modulo11_santander(number: str) -> int:
    """Santander nosso número (SAN-BOL p.15-16): weights 2..9; r 0 or 1 → 0, r 10 → 1."""
    remainder = weighted_sum(number, WEIGHTS_2_TO_9) % 11
    if remainder in (0, 1):
        return 0
    return 1 if remainder == 10 else 11 - remainder


def modulo11_sicoob(number: str) -> int:
    """Sicoob nosso número ("constante 3197", SIC-XLS item 3.13): weights 3,1,9,7 from the left.

    r 0 or 1 → 0, else 11 − r. The weights start on the first digit, as the worked example
    shows (the sheet's text says "de trás para frente"; FACTS-more-banks §3.2).
    """
    remainder = sum(int(char) * (3, 1, 9, 7)[index % 4] for index, char in enumerate(number)) % 11
    return 0 if remainder in (0, 1) else 11 - remainder


def modulo11_bb(number: str) -> str:
    """BB (Anexo XI): weights 9..2 from the right, DV = sum mod 11, 10 → "X"."""
    remainder = weighted_sum(number, WEIGHTS_9_TO_2) % 11
    return "X" if remainder == 10 else str(remainder)


def modulo11_bradesco(number: str, *, base: int = 7) -> str:
    """Bradesco (BRA-400 p.17-19): weights 2..base from the right, 11 − r; r=1 → "P", r=0 → 0."""
    remainder = weighted_sum(number, list(range(2, base + 1))) % 11
    if remainder == 0:
        return "0"
    if remainder == 1:
        return "P"
    return str(11 - remainder)
