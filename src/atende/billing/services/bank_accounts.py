"""Create and change the organization's bank accounts (B1).

An account is saved only when the banking core can issue a boleto with it: the service builds
one for the next nosso número and a PIX code for the key, so a wrong agreement length, a
carteira the bank does not have or an invalid PIX key is refused here, not at the first boleto.
"""

from dataclasses import dataclass, fields
from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from atende.accounts.permissions import require
from atende.banking.errors import BankingError
from atende.banking.pdf import printable
from atende.billing.boleto_data import bank_boleto, boleto_pix
from atende.billing.errors import BillingError
from atende.billing.models import BankAccount, Boleto
from atende.billing.money import parse_money, parse_percent
from atende.billing.permissions import BillingPerm
from atende.core.documents import clean, is_valid_cnpj, is_valid_cpf
from atende.core.errors import DomainError, ErrorCollector, InvalidFields
from atende.core.validation import validate_model_fields
from atende.tenancy.models import Member

# Banking-core field names → our form fields, so its refusals show beside the right input.
BANK_FIELDS = {
    "agencia": "agency",
    "conta": "account",
    "convenio": "agreement",
    "codigo_beneficiario": "agreement",
    "codigo_beneficiario_dv": "agreement_digit",
    "carteira": "wallet",
    "modalidade": "modality",
    "posto": "posto",
    "nosso_numero": "next_nosso_numero",
    "pix": "pix_key",
    "documento_beneficiario": "beneficiary_document",
}


@dataclass(frozen=True)
class BankAccountInput:
    name: str
    bank: str
    agency: str
    account: str
    wallet: str
    beneficiary_name: str
    beneficiary_document: str
    agency_digit: str = ""
    account_digit: str = ""
    agreement: str = ""
    agreement_digit: str = ""
    wallet_variation: str = ""
    modality: str = ""
    posto: str = ""
    next_nosso_numero: int = 1
    beneficiary_address: str = ""
    beneficiary_city: str = ""
    beneficiary_state: str = ""
    beneficiary_postal_code: str = ""
    boleto_fee: object = Decimal("0.00")
    fine_percent: object = Decimal("0")
    monthly_interest_percent: object = Decimal("0")
    instructions: str = ""
    pix_key: str = ""
    is_active: bool = True


def _apply(account: BankAccount, data: BankAccountInput) -> None:
    errors = ErrorCollector()
    for item in fields(data):
        value = getattr(data, item.name)
        if isinstance(value, str):
            value = value.strip()
        setattr(account, item.name, value)
    account.beneficiary_document = clean(data.beneficiary_document)
    account.beneficiary_postal_code = clean(data.beneficiary_postal_code)
    with errors.check():
        account.boleto_fee = parse_money(data.boleto_fee, field="boleto_fee", label="Tarifa")
    with errors.check():
        account.fine_percent = parse_percent(data.fine_percent, field="fine_percent", label="Multa")
    with errors.check():
        account.monthly_interest_percent = parse_percent(
            data.monthly_interest_percent, field="monthly_interest_percent", label="Juros ao mês"
        )
    document = account.beneficiary_document
    with errors.check():
        if not (is_valid_cpf(document) or is_valid_cnpj(document)):
            raise DomainError("CPF ou CNPJ do beneficiário inválido.", field="beneficiary_document")
    with errors.check():
        validate_model_fields(account)
    errors.raise_any()
    _check_with_banking_core(account)


def _check_with_banking_core(account: BankAccount) -> None:
    """Refuse what the bank rules refuse, with the message of the banking core."""
    today = timezone.localdate()
    try:
        printable(
            bank_boleto(
                account,
                nosso_numero=account.next_nosso_numero,
                amount=Decimal("1.00"),
                due_date=max(today, date(2025, 2, 22)),
                issue_date=today,
            )
        )
    except BankingError as refused:
        field = BANK_FIELDS.get(refused.field or "")
        raise InvalidFields({field or "__all__": [refused.message]}) from refused
    try:
        boleto_pix(account, amount=Decimal("1.00"), txid="TESTE")
    except BankingError as refused:
        raise InvalidFields({"pix_key": [refused.message]}) from refused


def bank_account_save(
    *, actor: Member, data: BankAccountInput, account: BankAccount | None = None
) -> BankAccount:
    require(actor, BillingPerm.MANAGE_ACCOUNTS)
    with transaction.atomic():
        if account is None:
            account = BankAccount()
        else:
            # Locked like an issue locks it: a boleto being issued keeps its nosso número.
            account = BankAccount.objects.select_for_update().get(pk=account.pk)
        _apply(account, data)
        used = account.pk and (
            Boleto.objects.filter(bank_account=account, nosso_numero__gte=account.next_nosso_numero)
            .order_by("-nosso_numero")
            .values_list("nosso_numero", flat=True)
            .first()
        )
        if used:
            raise DomainError(
                f"O nosso número {used} já foi usado nesta conta: o próximo deve ser maior.",
                code=BillingError.BANK_RULES,
                field="next_nosso_numero",
            )
        account.save()
    return account
