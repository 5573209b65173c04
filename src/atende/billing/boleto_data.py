"""Our records → the banking core's Boleto: one place that knows which account field is which
input of `atende.banking` (the same keys its CLI and public vectors use)."""

from datetime import date
from decimal import Decimal

from atende.banking.boleto import boleto_from_inputs
from atende.banking.models import Boleto as BankBoleto
from atende.banking.pix import pix_payload
from atende.billing.models import BankAccount

# Sicredi's nosso número carries the year and a "byte" (2 = issued by the beneficiary).
SICREDI_BYTE = "2"


def _with_digit(number: str, digit: str) -> str:
    return f"{number}-{digit}" if digit else number


def bank_boleto(
    account: BankAccount,
    *,
    nosso_numero: int,
    amount: Decimal,
    due_date: date,
    issue_date: date,
    document_number: str = "",
    payer: dict[str, str] | None = None,
    pix: str = "",
) -> BankBoleto:
    """The banking core's Boleto for one of our boletos (raises BankingError when refused)."""
    payer = payer or {}
    data: dict[str, object] = {
        "bank": account.bank,
        "agencia": _with_digit(account.agency, account.agency_digit),
        "conta": _with_digit(account.account, account.account_digit),
        "carteira": account.wallet,
        "variacao": account.wallet_variation,
        "nosso_numero": str(nosso_numero),
        "valor": f"{amount:.2f}",
        "vencimento": due_date.isoformat(),
        "data_documento": issue_date.isoformat(),
        "numero_documento": document_number,
        "beneficiario": account.beneficiary_name,
        "documento_beneficiario": account.beneficiary_document,
        "endereco_beneficiario": account.beneficiary_address,
        "cidade_beneficiario": account.beneficiary_city,
        "uf_beneficiario": account.beneficiary_state,
        "cep_beneficiario": account.beneficiary_postal_code,
        "instrucoes": account.instructions,
        "pix": pix,
        "pagador": payer.get("name", ""),
        "documento_pagador": payer.get("document", ""),
        "endereco_pagador": payer.get("address", ""),
        "bairro_pagador": payer.get("district", ""),
        "cidade_pagador": payer.get("city", ""),
        "uf_pagador": payer.get("state", ""),
        "cep_pagador": payer.get("postal_code", ""),
    }
    if account.agreement:
        data["convenio"] = account.agreement
        data["codigo_beneficiario_dv"] = account.agreement_digit
    if account.modality:
        data["modalidade"] = account.modality
    if account.bank == "748":
        data.update(posto=account.posto, ano=issue_date.strftime("%y"), byte=SICREDI_BYTE)
    if account.bank == "756":
        data["parcela"] = "001"
    return boleto_from_inputs(data)


def boleto_pix(account: BankAccount, *, amount: Decimal, txid: str) -> str:
    """The static PIX BR Code printed beside the boleto (same amount), or "" without a key."""
    if not account.pix_key:
        return ""
    return pix_payload(
        key=account.pix_key,
        name=account.beneficiary_name,
        city=account.beneficiary_city or "BRASIL",
        amount=amount,
        txid=txid,
    )
