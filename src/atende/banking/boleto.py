"""Compute a boleto's barcode, linha digitável and printed nosso número; read CLI inputs."""

import re
from datetime import date
from decimal import Decimal
from typing import Any

from atende.banking.banks import bank_module
from atende.banking.barcode import (
    MAX_AMOUNT,
    build_barcode,
    format_linha,
    linha_from_barcode,
    parse_amount,
)
from atende.banking.errors import BankingError
from atende.banking.models import Beneficiary, Boleto, BoletoCodes, Payer
from atende.banking.pix import boleto_pix

BANK_CODE = re.compile(r"(\d{1,3})(?:-\d)?")
FIRST_WORD = re.compile(r"[A-Za-z0-9]+")
NUMBER_WITH_DV = re.compile(r"(\S+?)\s*-\s*([0-9XxPp])")
PRINTED_WALLET_NN = re.compile(r"(\d{1,3})/(\d+)")
SICREDI_CODE = re.compile(r"(\d{4})\.(\d{2})\.(\d{5})")
BRAZILIAN_DATE = re.compile(r"\d{1,2}/\d{1,2}/\d{4}")
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
    printed = bank.nosso_numero(boleto)
    typed_dv = str(boleto.options.get("nosso_numero_dv") or "").strip().upper()
    if typed_dv and "-" in printed and printed.rsplit("-", 1)[1] != typed_dv:
        raise BankingError(
            f"DV do nosso número não confere: informado {typed_dv}, "
            f"calculado {printed.rsplit('-', 1)[1]}.",
            field="nosso_numero_dv",
        )
    return BoletoCodes(
        barcode=barcode,
        linha_digitavel=format_linha(linha_from_barcode(barcode)),
        nosso_numero=printed,
        free_field=free,
    )


def _date(value: object, field: str) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        if BRAZILIAN_DATE.fullmatch(text):  # DD/MM/AAAA, as people in Brazil write it
            day, month, year = text.split("/")
            return date(int(year), int(month), int(day))
        return date.fromisoformat(text)
    except ValueError:
        raise BankingError(f"{field}: use uma data válida no formato AAAA-MM-DD.",
                           field=field) from None  # fmt: skip


def _with_dv(text: str) -> tuple[str, str]:
    """ "1234-5" → ("1234", "5"); text without a DV suffix is returned as it is."""
    match = NUMBER_WITH_DV.fullmatch(text)
    return (match[1], match[2].upper()) if match else (text, "")


def _text(data: dict[str, Any], *keys: str) -> str:
    """The first of `keys` present and not empty, as text (0 is a value, None is not)."""
    for key in keys:
        value = data.get(key)
        if value is not None and value != "":
            return str(value).strip()
    return ""


def _truthy(value: object) -> bool:
    return str(value).strip().lower() in {"1", "true", "sim", "yes", "s"}


def _instructions(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        return tuple(line for line in value.splitlines() if line.strip())
    if isinstance(value, list | tuple):
        return tuple(str(line) for line in value)
    if value in (None, ""):
        return ()
    raise BankingError("instrucoes: use um texto ou uma lista de textos.", field="instrucoes")


def _printed_nosso_numero(bank: str, wallet: str, number: str) -> tuple[str, str]:
    """Carteira and nosso número from a printed "carteira/número" (the DV is already off).

    Bradesco prints `09/00000000456-4` and Itaú `110/12345678-8` (carteira first); Sicredi's
    `07/200003-1` starts with the year instead, which stays part of the number.
    """
    printed = PRINTED_WALLET_NN.fullmatch(number)
    if not printed:
        return wallet, number
    if bank == "748":
        return wallet, printed[1].zfill(2) + printed[2]
    if wallet and wallet.isdigit() and int(wallet) != int(printed[1]):
        raise BankingError(f"Carteira {wallet} diferente da carteira do nosso número "
                           f"({printed[1]}).", field="carteira")  # fmt: skip
    return wallet or printed[1], printed[2]


def boleto_from_inputs(data: dict[str, Any]) -> Boleto:
    """A Boleto from the flat keys of `vectors.json` inputs (and the CLI's JSON)."""
    if not isinstance(data, dict):
        raise BankingError("Cada boleto deve ser um objeto JSON.")
    bank_text = _text(data, "bank", "banco")
    bank_match = BANK_CODE.fullmatch(bank_text)  # "1", "001" or "001-9"
    bank = bank_match[1].zfill(3) if bank_match else bank_text
    bank_module(bank)
    # Sources write the carteira with a description ("RG (1=registrada)", "17-019"): its first
    # run of letters and digits counts.
    wallet_match = FIRST_WORD.match(_text(data, "carteira"))
    wallet = wallet_match[0] if wallet_match else ""
    agency, agency_dv = _with_dv(_text(data, "agencia"))
    account, account_dv = _with_dv(_text(data, "conta"))
    code, code_dv = _with_dv(_text(data, "convenio", "codigo_beneficiario", "codigo_cliente"))
    posto = _text(data, "posto")
    sicredi = SICREDI_CODE.fullmatch(code)
    if bank == "748" and sicredi:  # "0165.02.00623" as Sicredi prints it
        agency, posto, code = agency or sicredi[1], posto or sicredi[2], sicredi[3]
    number, number_dv = _with_dv(_text(data, "nosso_numero", "sequencial"))
    wallet, number = _printed_nosso_numero(bank, wallet, number)
    extras = {
        "modalidade": _text(data, "modalidade"),
        "emissao": _text(data, "emissao"),
        "nosso_numero_dv": _text(data, "nosso_numero_dv") or number_dv,
        "parcela": _text(data, "parcela"),
        "iof": _text(data, "iof"),
        "ano": _text(data, "ano"),
        "byte": _text(data, "byte", "byte_idt"),
    }
    options: dict[str, object] = {key: value for key, value in extras.items() if value}
    # BB-BOL Anexo X: the free 17-digit nosso número is marked by service code 21 in pos 43-44;
    # openboleto spells it "carteira 21" (vector bb-31).
    if bank == "001" and (_truthy(data.get("codigo_servico", "")) or wallet == "21"):
        options["free_nosso_numero"] = True
    beneficiary = Beneficiary(
        name=_text(data, "beneficiario", "cedente"),
        document=_text(data, "documento_beneficiario"),
        agency=agency,
        agency_dv=_text(data, "agencia_dv") or agency_dv,
        account=account,
        account_dv=_text(data, "conta_dv") or account_dv,
        agreement=code,
        agreement_dv=_text(data, "codigo_beneficiario_dv") or code_dv,
        wallet=wallet,
        wallet_variation=_text(data, "variacao"),
        address=_text(data, "endereco_beneficiario"),
        district=_text(data, "bairro_beneficiario"),
        city=_text(data, "cidade_beneficiario"),
        state=_text(data, "uf_beneficiario"),
        postal_code=_text(data, "cep_beneficiario"),
        posto=posto,
    )
    payer = Payer(
        name=_text(data, "pagador", "sacado"),
        document=_text(data, "documento_pagador"),
        address=_text(data, "endereco_pagador"),
        district=_text(data, "bairro_pagador"),
        city=_text(data, "cidade_pagador"),
        state=_text(data, "uf_pagador"),
        postal_code=_text(data, "cep_pagador"),
    )
    if not _text(data, "valor"):
        raise BankingError("Informe o valor.", field="valor")
    amount = parse_amount(data["valor"])
    pix = _text(data, "pix")
    if pix:  # refused here, so a batch is checked before any page of its PDF is written
        boleto_pix(pix, amount)
    return Boleto(
        bank=bank,
        amount=amount,
        due_date=_date(data.get("vencimento"), "vencimento"),
        nosso_numero=number,
        beneficiary=beneficiary,
        payer=payer,
        document_number=_text(data, "numero_documento", "seu_numero"),
        issue_date=_date(data.get("data_documento"), "data_documento"),
        instructions=_instructions(data.get("instrucoes")),
        pix_payload=pix,
        options=options,
        guarantor_name=_text(data, "sacador_avalista"),
        guarantor_document=_text(data, "documento_sacador_avalista"),
    )
