"""Read a linha digitável or barcode typed by a person (manual settlement, FACTS.md §1–§2, §4)."""

import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from atende.banking.banks import BANK_NAMES
from atende.banking.barcode import barcode_from_linha, linha_from_barcode
from atende.banking.digits import barcode_dv, is_ascii_digits, modulo10
from atende.banking.errors import BankingError
from atende.banking.factor import factor_to_date

# People paste codes with dots, spaces, tabs, line breaks and sometimes hyphens.
SEPARATORS = re.compile(r"[\s.\-]")
FIELD_NAMES = ("campo 1", "campo 2", "campo 3")


@dataclass(frozen=True)
class CheckDigit:
    """One check digit of a typed code: where it is, what was typed, what it should be."""

    name: str
    typed: str
    expected: str

    @property
    def is_valid(self) -> bool:
        return self.typed == self.expected


@dataclass(frozen=True)
class ParsedCode:
    """What a typed linha digitável (47 digits) or barcode (44 digits) says."""

    kind: str  # "linha" or "barcode"
    barcode: str
    linha_digitavel: str  # 47 digits, unformatted
    bank: str
    bank_name: str
    amount: Decimal
    factor: int
    due_date: date | None
    free_field: str
    field_dvs: tuple[CheckDigit, ...]  # the three mod-10 DVs; empty for a barcode
    general_dv: CheckDigit  # the DV geral (barcode pos 5, linha field 4)

    @property
    def field_dvs_valid(self) -> tuple[bool, ...]:
        return tuple(check.is_valid for check in self.field_dvs)

    @property
    def barcode_dv_valid(self) -> bool:
        return self.general_dv.is_valid

    @property
    def is_valid(self) -> bool:
        return self.barcode_dv_valid and all(self.field_dvs_valid)


def _brazil_today() -> date:
    return datetime.now(ZoneInfo("America/Sao_Paulo")).date()


def _field_dvs(linha: str) -> tuple[CheckDigit, ...]:
    spans = ((0, 9), (10, 20), (21, 31))  # each field's digits; its DV follows them
    return tuple(
        CheckDigit(name=name, typed=linha[end], expected=str(modulo10(linha[start:end])))
        for name, (start, end) in zip(FIELD_NAMES, spans, strict=True)
    )


def parse_code(text: object, *, today: date | None = None) -> ParsedCode:
    """Accept 47 digits (linha) or 44 (barcode), with any dots, spaces or hyphens."""
    if not isinstance(text, str) or not text.strip():
        raise BankingError("Informe a linha digitável ou o código de barras.", field="linha")
    digits = SEPARATORS.sub("", text)
    if not is_ascii_digits(digits):
        raise BankingError("Use apenas dígitos, pontos e espaços.", field="linha")
    if digits.startswith("8") and (len(digits) == 48 or (len(digits) == 44 and digits[3] != "9")):
        # Utility and tax slips (arrecadação, FEBRABAN) start with 8 and follow other rules.
        raise BankingError("Este é um código de arrecadação (contas de consumo e tributos), "
                           "não um boleto bancário.", field="linha")  # fmt: skip
    if len(digits) == 47:
        kind, linha, barcode = "linha", digits, barcode_from_linha(digits)
        field_dvs = _field_dvs(digits)
    elif len(digits) == 44:
        kind, barcode, linha = "barcode", digits, linha_from_barcode(digits)
        field_dvs = ()
    else:
        raise BankingError(
            f"A linha digitável tem 47 dígitos e o código de barras 44 (recebidos {len(digits)}).",
            field="linha",
        )
    if barcode[3] != "9":
        raise BankingError("Moeda diferente de Real (9) no código.", field="linha")
    factor = int(barcode[5:9])
    return ParsedCode(
        kind=kind,
        barcode=barcode,
        linha_digitavel=linha,
        bank=barcode[0:3],
        bank_name=BANK_NAMES.get(barcode[0:3], "Banco não suportado"),
        amount=(Decimal(int(barcode[9:19])) / 100).quantize(Decimal("0.01")),
        factor=factor,
        due_date=factor_to_date(factor, today=today or _brazil_today()),
        free_field=barcode[19:44],
        field_dvs=field_dvs,
        general_dv=CheckDigit(
            name="DV geral", typed=barcode[4], expected=str(barcode_dv(barcode[:4] + barcode[5:]))
        ),
    )
