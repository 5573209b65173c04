"""The `remessa` command's JSON, read strictly: every key known, every value of the right type.

An unknown key is refused rather than ignored: "juros" typed for "juros_dia" would otherwise
drop the interest from the file without a word.
"""

import re
from decimal import Decimal
from typing import Any

from atende.banking.cnab.remessa import Remessa, RemessaTitle
from atende.banking.errors import BankingError
from atende.banking.models import Beneficiary

ACCOUNT_KEYS = {
    "agencia": "agency", "agencia_dv": "agency_dv", "conta": "account",
    "conta_dv": "account_dv", "convenio": "agreement", "carteira": "wallet",
    "variacao": "wallet_variation",
}  # fmt: skip
OTHER_KEYS = {"bank", "layout", "empresa", "documento_empresa", "sequencial", "titulos",
              "modalidade", "posto"}  # fmt: skip
TITLE_TEXT = {
    "nosso_numero": "nosso_numero", "numero_documento": "document_number",
    "pagador": "payer_name", "documento_pagador": "payer_document",
    "endereco": "payer_address", "bairro": "payer_district", "cidade": "payer_city",
    "uf": "payer_state", "cep": "payer_postal_code", "referencia": "company_reference",
}  # fmt: skip
TITLE_MONEY = {"valor": "amount", "multa": "fine_percent", "juros_dia": "interest_per_day",
               "desconto": "discount_amount"}  # fmt: skip
TITLE_DATES = {"vencimento": "due_date", "data_emissao": "issue_date",
               "desconto_ate": "discount_until"}  # fmt: skip
BANK_CODE = re.compile(r"(\d{1,3})(?:-\d)?")


def _scalar(data: dict[str, Any], key: str, field: str, *, numbers: bool = True) -> Any:
    """The value of `key`: text, or a number where numbers are allowed; None when absent."""
    value = data.get(key)
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if numbers and isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        return value
    kind = "um texto ou um número" if numbers else "um texto"
    raise BankingError(f"{field}: deve ser {kind}.", field=field)


def _title(item: object, index: int) -> RemessaTitle:
    at = f"titulos[{index}]"
    if not isinstance(item, dict):
        raise BankingError(f"{at}: cada título deve ser um objeto JSON.", field=at)
    known = set(TITLE_TEXT) | set(TITLE_MONEY) | set(TITLE_DATES)
    for key in item:
        if key not in known:
            raise BankingError(f"{at}: campo desconhecido “{str(key)[:40]}”.",
                               field=f"{at}.{str(key)[:40]}")  # fmt: skip
    values: dict[str, Any] = {}
    for key, name in TITLE_TEXT.items():
        value = _scalar(item, key, f"{at}.{key}")
        values[name] = "" if value is None else value
    for key, name in TITLE_MONEY.items():
        value = _scalar(item, key, f"{at}.{key}")
        if value is not None:
            values[name] = value
    for key, name in TITLE_DATES.items():
        values[name] = _scalar(item, key, f"{at}.{key}", numbers=False)
    if "amount" not in values:
        raise BankingError(f"{at}.valor: campo obrigatório.", field=f"{at}.valor")
    return RemessaTitle(**values)


def _bank(data: dict[str, Any]) -> str:
    value = _scalar(data, "bank", "bank")
    text = "" if value is None else str(value).strip()
    if not text:
        raise BankingError("bank: campo obrigatório (001, 104, 237, 341, 756 ou 748).",
                           field="bank")  # fmt: skip
    match = BANK_CODE.fullmatch(text)
    if not match:
        raise BankingError(f"bank: código de banco inválido “{text[:20]}”.", field="bank")
    return match[1].zfill(3)


def _sequence(data: dict[str, Any]) -> int:
    value = _scalar(data, "sequencial", "sequencial")
    if value is None:
        return 1
    text = str(value).strip() if not isinstance(value, Decimal) else "x"
    if not (text.isascii() and text.isdigit()) or len(text) > 9:
        raise BankingError("sequencial: um número inteiro de 1 a 999999.", field="sequencial")
    return int(text)


def remessa_from_json(data: object) -> Remessa:
    """A Remessa from the command's JSON, or a BankingError naming the bad key."""
    if not isinstance(data, dict):
        raise BankingError("Envie um objeto JSON com bank, layout, os dados da conta e titulos.",
                           field="remessa")  # fmt: skip
    for key in data:
        if key not in OTHER_KEYS and key not in ACCOUNT_KEYS:
            raise BankingError(f"Campo desconhecido “{str(key)[:40]}”.", field=str(key)[:40])
    bank = _bank(data)
    layout = _scalar(data, "layout", "layout")
    if layout is None or str(layout).strip() not in ("240", "400"):
        raise BankingError("layout: use 240 ou 400.", field="layout")
    account = {name: _scalar(data, key, key) for key, name in ACCOUNT_KEYS.items()}
    titles = data.get("titulos")
    if not isinstance(titles, list):
        raise BankingError("titulos: envie uma lista de títulos.", field="titulos")
    return Remessa(
        bank=bank,
        layout=str(layout).strip(),
        beneficiary=Beneficiary(**{k: "" if v is None else v for k, v in account.items()}),
        company_name=_scalar(data, "empresa", "empresa", numbers=False) or "",
        company_document=_scalar(data, "documento_empresa", "documento_empresa") or "",
        sequence=_sequence(data),
        titles=[_title(item, index) for index, item in enumerate(titles)],
        modality=str(_scalar(data, "modalidade", "modalidade") or ""),
        post=str(_scalar(data, "posto", "posto") or ""),
    )
