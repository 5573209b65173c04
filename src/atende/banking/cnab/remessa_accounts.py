"""Each bank's rules for the beneficiary's account and the nosso número in a remessa.

The check digits are the boleto rules' own (banks/: Itaú's DACs, the Sicoob and Sicredi
nosso-número DVs, FACTS-more-banks.md §1.2, §3.2, §4.2), so a remessa registers the number the
boleto prints. Every value is checked; a typed DV that disagrees with the computed one is
refused.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from atende.banking.banks import itau, sicoob, sicredi
from atende.banking.cnab import validation as v
from atende.banking.digits import modulo11_bb
from atende.banking.errors import BankingError

if TYPE_CHECKING:
    from atende.banking.cnab.remessa import Remessa


@dataclass(frozen=True)
class Account:
    agency: str
    agency_dv: str
    account: str
    account_dv: str
    agreement: str
    wallet: str
    variation: str  # BB
    modality: str  # Caixa 11/14, Sicoob 01/02…
    post: str = ""  # Sicredi posto


NumberRule = Callable[[object, Account, int, str], str]


def _check(typed: str, expected: str, field: str) -> None:
    if typed and typed != expected:
        raise BankingError(f"DV não confere: informado {typed}, calculado {expected}.",
                           field=field)  # fmt: skip


def _base(
    remessa: "Remessa", agency_width: int, account_width: int, agreement_width: int
) -> Account:
    b = remessa.beneficiary
    typed_agency, agency_dv = v.split_dv(b.agency, b.agency_dv, field="agencia", label="Agência")
    agency = v.digits(typed_agency, field="agencia", label="Agência", width=agency_width)
    agency_dv = v.check_dv(agency_dv, field="agencia_dv", label="Agência", allowed="0123456789X")
    account, account_dv = "", ""
    if account_width:
        typed, account_dv = v.split_dv(b.account, b.account_dv, field="conta", label="Conta")
        account = v.digits(typed, field="conta", label="Conta", width=account_width)
        account_dv = v.check_dv(account_dv, field="conta_dv", label="Conta",
                                allowed="0123456789XP")  # fmt: skip
    agreement = ""
    if agreement_width:
        agreement = v.digits(b.agreement, field="convenio", label="Convênio",
                             width=agreement_width)  # fmt: skip
    return Account(agency, agency_dv, account, account_dv, agreement, "", "", "")


def _wallet(remessa: "Remessa", width: int) -> str:
    return v.digits(remessa.beneficiary.wallet, field="carteira", label="Carteira",
                    width=width).zfill(width)  # fmt: skip


def _bb(remessa: "Remessa", agency_w: int, account_w: int, agreement_w: int) -> Account:
    base = _base(remessa, agency_w, account_w, agreement_w)
    # BB-BOL Anexo XI: agência and conta DVs are mod 11 with weights 9..2, 10 → X.
    _check(base.agency_dv, modulo11_bb(base.agency), "agencia_dv")
    _check(base.account_dv, modulo11_bb(base.account), "conta_dv")
    if len(base.agreement.lstrip("0")) != 7:
        raise BankingError("Convênio do BB: a remessa CBR641/CNAB 240 é para convênios de "
                           "7 dígitos.", field="convenio")  # fmt: skip
    wallet = _wallet(remessa, 2)
    if wallet not in ("11", "12", "17"):
        raise BankingError("Carteira do BB: 11, 12 ou 17 (cobrança simples).", field="carteira")
    variation = v.digits(remessa.beneficiary.wallet_variation, field="variacao",
                         label="Variação", width=3)  # fmt: skip
    return Account(base.agency, modulo11_bb(base.agency), base.account,
                   modulo11_bb(base.account), base.agreement, wallet, variation, "")  # fmt: skip


def _caixa_modality(remessa: "Remessa") -> str:
    """11 (registrada, a Caixa emite) or 14 (registrada, o beneficiário emite), from the
    modalidade or the carteira; sem registro (21/24, SR) does not go in a remessa."""
    explicit = str(remessa.modality or "").strip()
    wallet = str(remessa.beneficiary.wallet or "").strip().upper()
    if explicit:
        chosen, field = explicit, "modalidade"
    elif wallet in ("", "1", "RG"):
        chosen, field = "14", "carteira"
    else:
        chosen, field = wallet, "carteira"
    if chosen in ("21", "24", "2", "SR"):
        raise BankingError("Sem registro (21/24, SR) não vai em remessa: use 11 ou 14.",
                           field=field)  # fmt: skip
    if chosen not in ("11", "14"):
        raise BankingError(f"Modalidade da Caixa inválida “{chosen[:10]}”: use 11 ou 14.",
                           field=field)  # fmt: skip
    return chosen


def _caixa(remessa: "Remessa", agency_w: int, account_w: int, agreement_w: int) -> Account:
    base = _base(remessa, agency_w, account_w, agreement_w)
    modality = _caixa_modality(remessa)
    if len(base.agreement.lstrip("0")) > 6:
        raise BankingError("Código do beneficiário de 7 dígitos pede o leiaute 107 da Caixa, "
                           "que esta remessa não gera.", field="convenio")  # fmt: skip
    if not base.agency_dv:
        raise BankingError("Agência: informe o DV.", field="agencia_dv")
    return Account(base.agency, base.agency_dv, "", "", base.agreement, "", "", modality)


def _bradesco(remessa: "Remessa", agency_w: int, account_w: int, agreement_w: int) -> Account:
    base = _base(remessa, agency_w, account_w, agreement_w)
    if remessa.layout == "400" and not base.account_dv:
        raise BankingError("Conta: informe o DV.", field="conta_dv")
    if remessa.layout == "240" and not (base.agency_dv and base.account_dv):
        raise BankingError("Informe os DVs da agência e da conta.",
                           field="conta_dv" if base.agency_dv else "agencia_dv")  # fmt: skip
    return Account(base.agency, base.agency_dv, base.account, base.account_dv,
                   base.agreement, _wallet(remessa, 2), "", "")  # fmt: skip


# Itaú carteiras with registration whose code at 108 is "I" (direta); escriturais ("E") and
# the 15-position sem-registro carteiras are not generated.
ITAU_WALLETS = {"109", "110", "111", "121", "157"}


def _itau(remessa: "Remessa", agency_w: int, account_w: int, agreement_w: int) -> Account:
    base = _base(remessa, agency_w, account_w, agreement_w)
    # ITAU-BOL Anexo 2-3: the account's digit is the DAC, mod 10 of agência(4) + conta(5).
    expected = itau.account_dac_of(base.agency, base.account)
    _check(base.account_dv, expected, "conta_dv")
    wallet = _wallet(remessa, 3)
    if wallet not in ITAU_WALLETS:
        raise BankingError(f"Carteira do Itaú: {', '.join(sorted(ITAU_WALLETS))}.",
                           field="carteira")  # fmt: skip
    return Account(base.agency, "", base.account, expected, "", wallet, "", "")


def _sicoob(remessa: "Remessa", agency_w: int, account_w: int, agreement_w: int) -> Account:
    base = _base(remessa, agency_w, account_w, agreement_w)
    if not (base.agency_dv and base.account_dv):
        raise BankingError("Informe os DVs da cooperativa (agência) e da conta.",
                           field="conta_dv" if base.agency_dv else "agencia_dv")  # fmt: skip
    modality = str(remessa.modality or "01").strip().zfill(2)
    if modality not in sicoob.MODALITIES:  # FACTS-more-banks §3.1 (02 and 05 [lib])
        raise BankingError(f"Modalidade do Sicoob inválida “{modality[:10]}”.", field="modalidade")
    return Account(base.agency, base.agency_dv, base.account, base.account_dv,
                   base.agreement, "1", "", modality)  # fmt: skip


def _sicredi(remessa: "Remessa", agency_w: int, account_w: int, agreement_w: int) -> Account:
    # The código do beneficiário (5 digits) is usually the conta itself (brcobranca uses the
    # conta for the NN's DV): `convenio` may be left out when it is.
    if not str(remessa.beneficiary.agreement or "").strip():
        agreement_w = 0
    base = _base(remessa, agency_w, account_w, agreement_w)
    agreement = base.agreement
    if not agreement:
        agreement = v.digits(base.account, field="conta", label="Código do beneficiário (conta)",
                             width=5)  # fmt: skip
    post = v.digits(remessa.post or "", field="posto", label="Posto", width=2).zfill(2)
    if not base.account_dv:
        raise BankingError("Conta: informe o DV.", field="conta_dv")
    return Account(base.agency, "", base.account, base.account_dv, agreement, "1", "", "",
                   post)  # fmt: skip


def plain_number(value: object, account: Account, width: int, at: str) -> str:
    """The sequence as typed (digits, not zero, at most `width`); the writer adds the rest."""
    number = v.digits(value, field=at + "nosso_numero", label="Nosso número", width=width)
    if not number.strip("0"):
        raise BankingError("Nosso número: não pode ser zero.", field=at + "nosso_numero")
    return number


def _typed_dv(value: object, at: str) -> tuple[object, str]:
    return v.split_dv(value, "", field=at + "nosso_numero", label="Nosso número")


def sicoob_number(value: object, account: Account, width: int, at: str) -> str:
    """NN of up to 7 digits (or "NNNNNNN-D", DV checked) → NN + DV (FACTS-more-banks §3.2)."""
    typed, dv = _typed_dv(value, at)
    number = plain_number(typed, account, 7, at)
    expected = sicoob.dv_of(account.agency, account.agreement, number)
    _check(dv, expected, at + "nosso_numero")
    return number.zfill(7) + expected


def sicredi_number(value: object, account: Account, width: int, at: str) -> str:
    """`AAByyyyy` (year, byte de geração 2-9, sequence) or with its DV, `AA/Byyyyy-D`."""
    field = at + "nosso_numero"
    text = str(value or "").replace("/", "") if isinstance(value, (str, int)) else value
    typed, dv = _typed_dv(text, at)
    number = v.digits(typed, field=field, label="Nosso número", width=8)
    if len(number) != 8 or number[2] not in "23456789":
        raise BankingError("Nosso número do Sicredi: AA (ano) + byte de geração (2 a 9) + "
                           "sequencial de 5 dígitos, como 26/200001.", field=field)  # fmt: skip
    expected = sicredi.dv_of(account.agency, account.post, account.agreement, number)
    _check(dv, expected, field)
    return number + expected


@dataclass(frozen=True)
class BankRules:
    account: Callable[["Remessa", int, int, int], Account]
    nosso_numero: NumberRule = plain_number


ACCOUNTS: dict[str, BankRules] = {
    "001": BankRules(_bb), "104": BankRules(_caixa), "237": BankRules(_bradesco),
    "341": BankRules(_itau), "756": BankRules(_sicoob, sicoob_number),
    "748": BankRules(_sicredi, sicredi_number),
}  # fmt: skip
