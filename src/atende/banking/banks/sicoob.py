"""Sicoob (756): carteira, cooperativa, modalidade, cliente, nosso número + DV, parcela.

FACTS-more-banks.md §3, from the Sicoob spreadsheet "LEIAUTE COBRANCA SICOOB SISTEMAS DE
TERCEIRO" (SIC-XLS), sheet "02.Especificações do Boleto", items 3.13 and 3.29. The legacy
"sistema próprio" layout without registration (SIC-2015) is not supported.
"""

from atende.banking.digits import modulo11_sicoob, only_digits
from atende.banking.errors import BankingError
from atende.banking.models import Boleto

WALLETS = {"1", "3"}  # 1 simples, 3 caucionada (item 3.15)
# 01 simples com registro, 03 garantida caucionada (sheet "04.Retorno - CNAB400" row 50);
# 02 and 05 appear in brcobranca and br_boleto [lib].
MODALITIES = {"01", "02", "03", "05"}


def client_code(boleto: Boleto) -> str:
    """The código do cliente with its DV, 7 digits ("17227-8" → 0172278, item 3.29)."""
    beneficiary = boleto.beneficiary
    code = str(beneficiary.agreement or "").strip() + str(beneficiary.agreement_dv or "").strip()
    return only_digits(code, field="codigo_beneficiario", length=7)


def _parts(boleto: Boleto) -> tuple[str, str, str, str, str]:
    wallet = only_digits(boleto.beneficiary.wallet, field="carteira", length=1)
    if wallet not in WALLETS:
        raise BankingError("Carteira do Sicoob deve ser 1 (simples) ou 3 (caucionada).",
                           field="carteira")  # fmt: skip
    agency = only_digits(boleto.beneficiary.agency, field="agencia", length=4)
    modality = only_digits(boleto.options.get("modalidade") or "01", field="modalidade", length=2)
    if modality not in MODALITIES:
        raise BankingError("Modalidade do Sicoob deve ser 01, 02, 03 ou 05.", field="modalidade")
    number = only_digits(boleto.nosso_numero, field="nosso_numero", length=7)
    return wallet, agency, modality, number, client_code(boleto)


def nosso_numero_dv(boleto: Boleto) -> int:
    """Cooperativa(4) + cliente(10, with its DV) + NN(7), weights 3,1,9,7 (item 3.13)."""
    _, agency, _, number, client = _parts(boleto)
    return modulo11_sicoob(f"{agency}{client.zfill(10)}{number}")


def _installment(boleto: Boleto) -> str:
    text = str(boleto.options.get("parcela") or "1").strip()
    installment = only_digits(text, field="parcela", length=3)
    if installment == "000":
        raise BankingError("Parcela: use 001 para boleto de parcela única.", field="parcela")
    return installment


def free_field(boleto: Boleto) -> str:
    """Barcode pos 20-44: carteira(1) + cooperativa(4) + modalidade(2) + cliente(7) +
    NN(7) + DV + parcela(3) (item 3.29; the sheet's "34 a 41" / "41 a 44" overlap is read as
    34-41 and 42-44, the only reading with 25 positions)."""
    wallet, agency, modality, number, client = _parts(boleto)
    dv = nosso_numero_dv(boleto)
    return f"{wallet}{agency}{modality}{client}{number}{dv}{_installment(boleto)}"


def nosso_numero(boleto: Boleto) -> str:
    """`NNNNNNN-D` (item 3.13's example prints "21-8"; we keep the 7 digits)."""
    _, _, _, number, _ = _parts(boleto)
    return f"{number}-{nosso_numero_dv(boleto)}"


def beneficiary_code(boleto: Boleto) -> str:
    """Cooperativa / código do cliente-DV, as Sicoob writes the code ("17227-8")."""
    _, agency, _, _, client = _parts(boleto)
    return f"{agency} / {client[:-1].lstrip('0') or '0'}-{client[-1]}"
