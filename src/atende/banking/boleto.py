"""Compute a boleto's barcode, linha digitável and printed nosso número; read CLI inputs."""

from datetime import date
from decimal import Decimal
from typing import Any

from atende.banking.banks import bank_module
from atende.banking.barcode import (
    MAX_AMOUNT,
    build_barcode,
    format_linha,
    linha_from_barcode,
)
from atende.banking.errors import BankingError
from atende.banking.models import Beneficiary, Boleto, BoletoCodes, Payer

# CX-BOL Anexo V: a Caixa boleto "não poderá exceder R$ 9.999.999,99".
AMOUNT_LIMITS = {"104": Decimal("9999999.99")}


def boleto_codes(boleto: Boleto) -> BoletoCodes:
    """Barcode (44), formatted linha digitável (47 digits) and the printed nosso número."""
    bank = bank_module(boleto.bank)
    free = bank.free_field(boleto)
    barcode = build_barcode(
        bank=boleto.bank,
        amount=boleto.amount,
        due=boleto.due_date,
        free_field=free,
        limit=AMOUNT_LIMITS.get(boleto.bank, MAX_AMOUNT),
    )
    return BoletoCodes(
        barcode=barcode,
        linha_digitavel=format_linha(linha_from_barcode(barcode)),
        nosso_numero=bank.nosso_numero(boleto),
        free_field=free,
    )


def _date(value: object, field: str) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise BankingError(f"{field}: use a data no formato AAAA-MM-DD.", field=field) from None


def _truthy(value: object) -> bool:
    return str(value).strip().lower() in {"1", "true", "sim", "yes", "s"}


def boleto_from_inputs(data: dict[str, Any]) -> Boleto:
    """A Boleto from the flat keys of `vectors.json` inputs (and the CLI's JSON)."""
    if not isinstance(data, dict):
        raise BankingError("Cada boleto deve ser um objeto JSON.")
    bank = str(data.get("bank") or data.get("banco") or "").zfill(3)
    bank_module(bank)
    wallet = str(data.get("carteira") or "").strip()
    number = data.get("nosso_numero") or data.get("sequencial") or ""
    options: dict[str, object] = {}
    if bank == "001" and (_truthy(data.get("codigo_servico", "")) or wallet == "21"):
        options["free_nosso_numero"] = True
    if data.get("modalidade"):
        options["modalidade"] = str(data["modalidade"])
    beneficiary = Beneficiary(
        name=str(data.get("beneficiario") or data.get("cedente") or ""),
        document=str(data.get("documento_beneficiario") or ""),
        agency=str(data.get("agencia") or ""),
        agency_dv=str(data.get("agencia_dv") or ""),
        account=str(data.get("conta") or ""),
        account_dv=str(data.get("conta_dv") or ""),
        agreement=str(data.get("convenio") or data.get("codigo_beneficiario") or ""),
        agreement_dv=str(data.get("codigo_beneficiario_dv") or ""),
        wallet=wallet.split(" ")[0],
        wallet_variation=str(data.get("variacao") or ""),
    )
    payer = Payer(
        name=str(data.get("pagador") or data.get("sacado") or ""),
        document=str(data.get("documento_pagador") or ""),
        address=str(data.get("endereco_pagador") or ""),
    )
    if data.get("valor") in (None, ""):
        raise BankingError("Informe o valor.", field="valor")
    return Boleto(
        bank=bank,
        amount=Decimal(str(data["valor"])) if _is_number(data["valor"]) else data["valor"],
        due_date=_date(data.get("vencimento"), "vencimento"),
        nosso_numero=str(number),
        beneficiary=beneficiary,
        payer=payer,
        document_number=str(data.get("numero_documento") or ""),
        issue_date=_date(data.get("data_documento"), "data_documento"),
        instructions=tuple(data.get("instrucoes") or ()),
        pix_payload=str(data.get("pix") or ""),
        options=options,
    )


def _is_number(value: object) -> bool:
    try:
        Decimal(str(value))
    except ArithmeticError:
        return False
    return True
