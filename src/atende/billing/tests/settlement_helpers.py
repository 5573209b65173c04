"""Test data for settlement: real return files from shared/banking-fixtures, and boletos
issued with the nosso números those files name (so the real file settles our boletos)."""

from datetime import date, timedelta
from decimal import Decimal

from atende.banking.cnab import Occurrence, parse_return
from atende.banking.tests.fixtures import require_fixtures
from atende.billing.models import BankAccount, Boleto
from atende.billing.services.boletos import boleto_issue
from atende.billing.services.invoices import InvoiceInput, ItemInput, invoice_create
from atende.billing.tests.factories import bank_account
from atende.customers.tests.factories import CustomerFactory
from atende.tenancy.context import activate


def real_file(name: str) -> bytes:
    """A real bank file (returns/ or returns-more-banks/); skips when the folder is absent."""
    folder = require_fixtures()
    for sub in ("returns", "returns-more-banks"):
        path = folder / sub / name
        if path.is_file():
            return path.read_bytes()
    raise FileNotFoundError(name)


# The accounts the real files belong to: the header's convênio / código da empresa.
BRADESCO_2 = {"agreement": "4466911", "wallet": "09"}
CAIXA_240_3 = {"agency": "1234", "agreement": "043210", "agreement_digit": "", "wallet": "24",
               "modality": "24"}  # fmt: skip


def account_for(organization, bank: str, **fields) -> BankAccount:
    return bank_account(organization, bank, **fields)


def boleto_for(
    organization,
    *,
    actor,
    account: BankAccount,
    nosso_numero: int,
    amount: Decimal,
    due_date: date,
    discount: Decimal = Decimal("0.00"),
    fines: bool = False,
) -> Boleto:
    """An invoice and its boleto issued with exactly this nosso número."""
    with activate(organization):
        BankAccount.objects.filter(pk=account.pk).update(next_nosso_numero=nosso_numero)
        account.refresh_from_db()
        customer = CustomerFactory(
            organization=organization, charge_boleto_fee=False, charge_fines_and_interest=fines
        )
        made = invoice_create(
            actor=actor,
            customer=customer,
            data=InvoiceInput(
                description="Mensalidade",
                due_date=due_date,
                issue_date=due_date - timedelta(days=20),
                items=[ItemInput("Mensalidade", Decimal(1), amount)],
                bank_account=account,
                discount=discount,
                discount_until=due_date if discount else None,
            ),
        )
        return boleto_issue(actor=actor, invoice=made)


def paid_occurrences(content: bytes) -> list[Occurrence]:
    return [o for o in parse_return(content).occurrences if o.is_payment]


def boletos_for_file(organization, *, actor, account, content: bytes, skip=()) -> list[Boleto]:
    """A boleto for every paid occurrence, for what the bank says the título was worth and
    with the discount the bank granted (so paying it settles it)."""
    made = []
    for occurrence in paid_occurrences(content):
        if occurrence.nosso_numero in skip:
            continue
        boleto = boleto_for(
            organization,
            actor=actor,
            account=account,
            nosso_numero=int(occurrence.nosso_numero[-15:]),
            amount=occurrence.amount,
            due_date=occurrence.due_date or occurrence.payment_date,
            discount=occurrence.discount,
        )
        assert boleto.nosso_numero_printed == occurrence.nosso_numero_printed  # noqa: S101
        made.append(boleto)
    return made
