"""The 44-digit barcode and the 47-digit linha digitável (FACTS.md §1–§2), for every bank."""

from datetime import date
from decimal import Decimal, InvalidOperation

from atende.banking.digits import barcode_dv, is_ascii_digits, modulo10
from atende.banking.errors import BankingError
from atende.banking.factor import due_factor

CURRENCY_REAL = "9"
CENT = Decimal("0.01")
MAX_AMOUNT = Decimal("99999999.99")  # 10 digits, 8 + 2 decimals (barcode pos 10-19)


def format_brl(amount: Decimal) -> str:
    """`Decimal("1234.5")` → "R$ 1.234,50"."""
    text = f"{amount:,.2f}"
    return "R$ " + text.replace(",", "X").replace(".", ",").replace("X", ".")


def parse_amount(amount: object) -> Decimal:
    """A boleto amount as Decimal: finite, not negative, at most two decimal places."""
    try:
        value = Decimal(str(amount).strip())
    except InvalidOperation:
        raise BankingError(f"Valor inválido: “{amount}”.", field="valor") from None
    if isinstance(amount, bool) or not value.is_finite():
        raise BankingError(f"Valor inválido: “{amount}”.", field="valor")
    if value < 0:
        raise BankingError("O valor não pode ser negativo.", field="valor")
    if value > MAX_AMOUNT:
        raise BankingError(
            f"Valor acima do limite do boleto ({format_brl(MAX_AMOUNT)}).", field="valor"
        )
    if value != value.quantize(CENT):
        raise BankingError("O valor deve ter no máximo duas casas decimais.", field="valor")
    return value.quantize(CENT)


def amount_field(amount: object, *, limit: Decimal = MAX_AMOUNT) -> str:
    """`Decimal("135.00")` → "0000013500"; refuses what a boleto cannot carry."""
    value = parse_amount(amount)
    if value > limit:
        # FACTS.md §1: 10 positions 9(08)v99; Caixa's own ceiling is lower (CX-BOL Anexo V).
        raise BankingError(f"Valor acima do limite do boleto ({format_brl(limit)}).", field="valor")
    return f"{int(value * 100):010d}"


def build_barcode(
    *, bank: str, amount: object, due: date | None, free_field: str, limit: Decimal = MAX_AMOUNT
) -> str:
    """bank(3) + 9 + DV + fator(4) + valor(10) + campo livre(25)."""
    if len(free_field) != 25 or not is_ascii_digits(free_field):
        raise BankingError("Campo livre deve ter 25 dígitos.", field="campo_livre")
    body = f"{bank}{CURRENCY_REAL}{due_factor(due):04d}{amount_field(amount, limit=limit)}"
    without_dv = body + free_field
    dv = barcode_dv(without_dv)
    return f"{without_dv[:4]}{dv}{without_dv[4:]}"


def linha_from_barcode(barcode: str) -> str:
    """47 digits: three fields with their mod-10 DVs, the DV geral, fator + valor."""
    field1 = barcode[0:4] + barcode[19:24]
    field2 = barcode[24:34]
    field3 = barcode[34:44]
    return (
        f"{field1}{modulo10(field1)}{field2}{modulo10(field2)}{field3}{modulo10(field3)}"
        f"{barcode[4]}{barcode[5:19]}"
    )


def barcode_from_linha(linha: str) -> str:
    """The inverse of `linha_from_barcode` (check digits are not verified here)."""
    return linha[0:4] + linha[32] + linha[33:47] + linha[4:9] + linha[10:20] + linha[21:31]


def format_linha(linha: str) -> str:
    """`AAAAA.AAAAA BBBBB.BBBBBB CCCCC.CCCCCC D EEEEEEEEEEEEEE`."""
    return (
        f"{linha[0:5]}.{linha[5:10]} {linha[10:15]}.{linha[15:21]} "
        f"{linha[21:26]}.{linha[26:32]} {linha[32]} {linha[33:47]}"
    )
