"""Caixa (104), SIGCB: nosso número XY + 15 digits, campo livre with its own DV (FACTS.md §6).

Beneficiary codes of 7 digits (issued from 1100000 on) fill barcode pos 20-26 with no DV; the
rest of the campo livre is unchanged [unverified in a Caixa manual: openboleto PR #216, the
vector caixa-17 and the 2021 return file agree]. The legacy SICOB layout (NN of 10 digits and an
11-digit código do cedente) is supported for reading old boletos.
"""

from atende.banking.digits import modulo11_caixa, only_digits
from atende.banking.errors import BankingError
from atende.banking.models import Boleto

MODALITIES = {"11", "14", "21", "24"}


def modality(boleto: Boleto) -> str:
    """The NN's first two digits: explicit, from a "SIG14"-style carteira, RG → 14, SR → 24."""
    explicit = str(boleto.options.get("modalidade") or "").strip()
    if explicit:
        if explicit not in MODALITIES:
            raise BankingError("Modalidade da Caixa deve ser 11, 14, 21 ou 24.",
                               field="modalidade")  # fmt: skip
        return explicit
    wallet = str(boleto.beneficiary.wallet or "").strip().upper()
    if wallet.startswith("SIG") and wallet[3:5].isdigit():
        return wallet[3:5]
    if wallet[:2] in MODALITIES:
        return wallet[:2]
    # X = 1 registrada (RG) or 2 sem registro (SR); Y = emissão, 4 beneficiário or 1 Caixa.
    registration = "2" if wallet.startswith(("SR", "2")) else "1"
    emission = str(boleto.options.get("emissao") or "4").strip()[:1]
    if emission not in ("1", "4"):
        raise BankingError("Emissão da Caixa deve ser 1 (Caixa) ou 4 (beneficiário).",
                           field="emissao")  # fmt: skip
    return registration + emission


def is_sicob(boleto: Boleto) -> bool:
    """Legacy SICOB: no beneficiary code and an 11-digit código do cedente in `account`."""
    beneficiary = boleto.beneficiary
    return not beneficiary.agreement and len(str(beneficiary.account or "")) == 11


def full_nosso_numero(boleto: Boleto) -> str:
    """The 17 digits XY + 15 (a 17-digit input is taken as already complete)."""
    number = only_digits(boleto.nosso_numero, field="nosso_numero")
    if len(number) == 17:
        if number[:2] not in MODALITIES:
            raise BankingError("Nosso número da Caixa deve começar por 11, 14, 21 ou 24.",
                               field="nosso_numero")  # fmt: skip
        return number
    if len(number) > 15:
        raise BankingError("Nosso número da Caixa: no máximo 15 dígitos.", field="nosso_numero")
    return modality(boleto) + number.zfill(15)


def _is_seven_digit_code(boleto: Boleto) -> bool:
    code = only_digits(boleto.beneficiary.agreement, field="codigo_beneficiario")
    return len(code) == 7 and code[0] != "0"


def _beneficiary_code(boleto: Boleto) -> str:
    """Barcode pos 20-26: a 6-digit code + its DV (Anexo VI), or a 7-digit code alone (§6)."""
    code = only_digits(boleto.beneficiary.agreement, field="codigo_beneficiario")
    if _is_seven_digit_code(boleto):
        return code  # codes from 1100000 on carry no DV in the campo livre [unverified, §6]
    code = code.lstrip("0").zfill(6)
    if len(code) != 6:
        raise BankingError("Código do beneficiário deve ter 6 ou 7 dígitos.",
                           field="codigo_beneficiario")  # fmt: skip
    dv = str(modulo11_caixa(code))
    typed = boleto.beneficiary.agreement_dv.strip()
    if typed and typed != dv:
        raise BankingError(f"DV do código do beneficiário não confere: informado {typed}, "
                           f"calculado {dv}.", field="codigo_beneficiario_dv")  # fmt: skip
    return code + dv


def free_field(boleto: Boleto) -> str:
    """Barcode pos 20-44: beneficiário, NN interleaved with its constants, DV (Anexo III)."""
    if is_sicob(boleto):
        number = only_digits(boleto.nosso_numero, field="nosso_numero", length=10)
        agency = only_digits(boleto.beneficiary.agency, field="agencia", length=4)
        account = only_digits(boleto.beneficiary.account, field="conta", length=11)
        return f"{number}{agency}{account}"
    nn = full_nosso_numero(boleto)
    body = f"{_beneficiary_code(boleto)}{nn[2:5]}{nn[0]}{nn[5:8]}{nn[1]}{nn[8:17]}"
    return body + str(modulo11_caixa(body))


def nosso_numero(boleto: Boleto) -> str:
    """`XYNNNNNNNNNNNNNNN-D` (SIGCB) or `NNNNNNNNNN-D` (SICOB), DV mod 11 (FACTS.md §6)."""
    if is_sicob(boleto):
        number = only_digits(boleto.nosso_numero, field="nosso_numero", length=10)
        return f"{number}-{modulo11_caixa(number)}"
    nn = full_nosso_numero(boleto)
    return f"{nn}-{modulo11_caixa(nn)}"


def beneficiary_code(boleto: Boleto) -> str:
    """Agência / código do beneficiário-DV (CX-BOL: "1234 / 005507-7"); 7-digit codes carry
    no DV in the barcode and are printed as they are [unverified, §6]; SICOB: the cedente."""
    beneficiary = boleto.beneficiary
    if is_sicob(boleto):
        code = only_digits(beneficiary.account, field="conta", length=11)
    else:
        code = _beneficiary_code(boleto)
        code = code if _is_seven_digit_code(boleto) else f"{code[:6]}-{code[6]}"
    if not beneficiary.agency:  # not part of the barcode: printed when known
        return code
    return f"{only_digits(beneficiary.agency, field='agencia', length=4)} / {code}"
