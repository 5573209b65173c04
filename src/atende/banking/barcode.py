"""The 44-digit barcode and the 47-digit linha digitável (FACTS.md §1–§2), for every bank."""

from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from atende.banking.digits import barcode_dv, modulo10
from atende.banking.errors import BankingError
from atende.banking.factor import due_factor

CURRENCY_REAL = "9"
MAX_AMOUNT = Decimal("99999999.99")  # 10 digits, 8 + 2 decimals (barcode pos 10-19)


def amount_field(amount: object, *, limit: Decimal = MAX_AMOUNT) -> str:
    """`Decimal("135.00")` → "0000013500"."""
    try:
        value = Decimal(str(amount)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    except (InvalidOperation, ValueError):
        raise BankingError(f"Valor inválido: “{amount}”.", field="valor") from None
    if not value.is_finite() or value < 0:
        raise BankingError("O valor não pode ser negativo.", field="valor")
    if value > limit:
        raise BankingError(
            f"Valor acima do limite do boleto (R$ {limit:,.2f})".replace(",", "X")
            .replace(".", ",")
            .replace("X", ".")
            + ".",
            field="valor",
        )
    return f"{int(value * 100):010d}"


def build_barcode(
    *, bank: str, amount: object, due: date | None, free_field: str, limit: Decimal = MAX_AMOUNT
) -> str:
    """bank(3) + 9 + DV + fator(4) + valor(10) + campo livre(25)."""
    if len(free_field) != 25 or not free_field.isdigit():
        raise BankingError("Campo livre deve ter 25 dígitos.", field="campo_livre")
    body = f"{bank}{CURRENCY_REAL}{due_factor(due):04d}{amount_field(amount, limit=limit)}"
    without_dv = body[:4] + body[4:] + free_field
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
