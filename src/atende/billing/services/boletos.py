"""Issue the boleto of an invoice (B2, B6): the nosso número is taken from the bank account
under a row lock, in the same transaction that writes the boleto, so two issues at the same
instant never share a number and a failed issue gives its number back (no gaps)."""

from collections.abc import Iterable, Iterator
from typing import BinaryIO

from django.db import transaction

from atende.accounts.permissions import require
from atende.banking.boleto import boleto_codes
from atende.banking.errors import BankingError
from atende.banking.models import Boleto as BankBoleto
from atende.banking.pdf import boletos_pdf, printable
from atende.billing.boleto_data import bank_boleto, boleto_pix
from atende.billing.errors import BillingError
from atende.billing.models import (
    OPEN_STATUSES,
    BankAccount,
    Boleto,
    BoletoStatus,
    Invoice,
)
from atende.billing.permissions import BillingPerm
from atende.core.errors import DomainError
from atende.tenancy.models import Member
from atende.tenancy.sequences import next_number


def payer_of(invoice: Invoice) -> dict[str, str]:
    """The customer as printed on the slip: the billing address when it has one."""
    customer = invoice.customer
    prefix = "billing_" if customer.has_billing_address else ""

    def get(name: str) -> str:
        return str(getattr(customer, f"{prefix}{name}", "") or "")

    street = ", ".join(part for part in (get("street"), get("street_number")) if part)
    if get("complement"):
        street = f"{street} – {get('complement')}"
    return {
        "name": customer.name,
        "document": customer.document,
        "address": street,
        "district": get("district"),
        "city": get("city"),
        "state": get("state"),
        "postal_code": get("postal_code"),
    }


def boleto_issue(*, actor: Member | None, invoice: Invoice) -> Boleto:
    """The invoice's boleto for what it still owes; refused when it has a live one."""
    if actor is not None:
        require(actor, BillingPerm.ADD, invoice)
    with transaction.atomic():
        invoice = Invoice.objects.select_for_update().select_related("customer").get(pk=invoice.pk)
        if invoice.status not in OPEN_STATUSES:
            raise DomainError("Este título não está em aberto.", code=BillingError.NOT_OPEN)
        if invoice.boletos.filter(status=BoletoStatus.ISSUED).exists():
            raise DomainError(
                "Este título já tem um boleto emitido.", code=BillingError.ALREADY_HAS_BOLETO
            )
        if invoice.bank_account_id is None:
            raise DomainError(
                "Escolha a conta bancária do título antes de emitir o boleto.",
                code=BillingError.NO_BANK_ACCOUNT,
                field="bank_account",
            )
        account = BankAccount.objects.select_for_update().get(pk=invoice.bank_account_id)
        if not account.is_active:
            raise DomainError(
                "A conta bancária deste título está inativa.", code=BillingError.NO_BANK_ACCOUNT
            )
        number = next_number("boleto")
        amount = invoice.balance
        try:
            pix = boleto_pix(account, amount=amount, txid=f"BOLETO{number}")
            bank = bank_boleto(
                account,
                nosso_numero=account.next_nosso_numero,
                amount=amount,
                due_date=invoice.due_date,
                issue_date=invoice.issue_date,
                document_number=str(invoice.number),
                payer=payer_of(invoice),
                pix=pix,
            )
            codes = printable(bank)  # what the PDF will need, checked before any write
        except BankingError as refused:
            raise DomainError(refused.message, code=BillingError.BANK_RULES) from refused
        boleto = Boleto.objects.create(
            number=number,
            invoice=invoice,
            bank_account=account,
            nosso_numero=account.next_nosso_numero,
            nosso_numero_printed=codes.nosso_numero,
            amount=amount,
            due_date=invoice.due_date,
            barcode=codes.barcode,
            linha_digitavel=codes.linha_digitavel,
            pix_payload=pix,
            created_by=actor,
        )
        account.next_nosso_numero += 1
        account.save(update_fields=["next_nosso_numero"])
    return boleto


def write_boletos_pdf(boletos: Iterable[Boleto], output: BinaryIO) -> int:
    """One page per boleto, drawn by the banking core from what was stored at issue; a page
    whose codes would differ from the stored ones is refused (the account changed since)."""

    def pages() -> Iterator[BankBoleto]:
        for boleto in boletos:
            invoice = boleto.invoice
            bank = bank_boleto(
                boleto.bank_account,
                nosso_numero=boleto.nosso_numero,
                amount=boleto.amount,
                due_date=boleto.due_date,
                issue_date=invoice.issue_date,
                document_number=str(invoice.number),
                payer=payer_of(invoice),
                pix=boleto.pix_payload,
            )
            if boleto_codes(bank).barcode != boleto.barcode:
                raise DomainError(
                    f"O boleto {boleto.number} não confere com a conta bancária atual "
                    "(agência, conta ou convênio mudaram depois da emissão).",
                    code=BillingError.BANK_RULES,
                )
            yield bank

    return boletos_pdf(pages(), output)
