"""Read a linha digitável or barcode typed by a person (manual settlement)."""

import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from atende.banking.banks import BANK_NAMES
from atende.banking.barcode import barcode_from_linha, linha_from_barcode
from atende.banking.digits import barcode_dv, modulo10
from atende.banking.errors import BankingError
from atende.banking.factor import factor_to_date


@dataclass(frozen=True)
class ParsedCode:
    barcode: str
    linha_digitavel: str  # 47 digits, unformatted
    bank: str
    bank_name: str
    amount: Decimal
    factor: int
    due_date: date | None
    free_field: str
    field_dvs_valid: tuple[bool, bool, bool]  # the three mod-10 DVs (all True for a barcode)
    barcode_dv_valid: bool

    @property
    def is_valid(self) -> bool:
        return self.barcode_dv_valid and all(self.field_dvs_valid)


def _brazil_today() -> date:
    return datetime.now(ZoneInfo("America/Sao_Paulo")).date()


def parse_code(text: str, *, today: date | None = None) -> ParsedCode:
    """Accept 47 digits (linha) or 44 (barcode), with any dots and spaces."""
    if not isinstance(text, str):
        raise BankingError("Informe a linha digitável ou o código de barras.", field="linha")
    digits = re.sub(r"[\s.\-]", "", text)
    if not digits.isdigit():
        raise BankingError("Use apenas dígitos, pontos e espaços.", field="linha")
    if len(digits) == 47:
        linha, barcode = digits, barcode_from_linha(digits)
        fields = (digits[0:9], digits[10:20], digits[21:31])
        dvs = (digits[9], digits[20], digits[31])
        checks = [modulo10(f) == int(dv) for f, dv in zip(fields, dvs, strict=True)]
        field_ok = (checks[0], checks[1], checks[2])
    elif len(digits) == 44:
        barcode, linha = digits, linha_from_barcode(digits)
        field_ok = (True, True, True)
    else:
        raise BankingError(
            f"A linha digitável tem 47 dígitos e o código de barras 44 (recebidos {len(digits)}).",
            field="linha",
        )
    if barcode[3] != "9":
        raise BankingError("Moeda diferente de Real (9) no código.", field="linha")
    factor = int(barcode[5:9])
    return ParsedCode(
        barcode=barcode,
        linha_digitavel=linha,
        bank=barcode[0:3],
        bank_name=BANK_NAMES.get(barcode[0:3], "Banco não suportado"),
        amount=(Decimal(int(barcode[9:19])) / 100).quantize(Decimal("0.01")),
        factor=factor,
        due_date=factor_to_date(factor, today=today or _brazil_today()) if factor else None,
        free_field=barcode[19:44],
        field_dvs_valid=field_ok,
        barcode_dv_valid=barcode_dv(barcode[:4] + barcode[5:]) == int(barcode[4]),
    )
