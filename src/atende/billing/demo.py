"""Demo billing: bank accounts at three banks, four months of monthly invoices with their
boletos — paid, paid late, partly paid, overdue and open —, plans with discounts and
subscriptions, and a sample return file that settles some of the open boletos, so every screen
has something real to show (idempotent: runs again without duplicating)."""

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from atende.billing.models import (
    BankAccount,
    Boleto,
    BoletoStatus,
    DiscountKind,
    Invoice,
    InvoiceStatus,
    PaymentSource,
    Period,
)
from atende.billing.sample_return import Paid, bradesco_400_return
from atende.billing.services.boletos import boleto_issue
from atende.billing.services.invoices import InvoiceInput, ItemInput, invoice_create
from atende.billing.services.payments import payment_record
from atende.billing.services.plans import (
    DiscountInput,
    PlanInput,
    SubscriptionInput,
    plan_save,
    subscription_create,
)
from atende.billing.services.subscriptions import subscriptions_charge_due
from atende.customers.models import Customer

BENEFICIARY = {
    "beneficiary_document": "11222333000181",
    "beneficiary_address": "Av. Francisco Glicério, 1000",
    "beneficiary_city": "Campinas",
    "beneficiary_state": "SP",
    "beneficiary_postal_code": "13012000",
    "fine_percent": Decimal("2"),
    "monthly_interest_percent": Decimal("1"),
    "instructions": (
        "Após o vencimento, multa de 2% e juros de 1% ao mês.\nNão receber após 60 dias."
    ),
}
ACCOUNTS = [
    # (name, fields): the inputs the banking core's public vectors use for each bank.
    ("Bradesco – cobrança", {"bank": "237", "agency": "1172", "account": "0403005",
     "account_digit": "2", "wallet": "09", "agreement": "4540691", "boleto_fee": Decimal("2.50"),
     "pix_key": "11222333000181"}),
    ("Banco do Brasil – convênio 7", {"bank": "001", "agency": "4042", "agency_digit": "8",
     "account": "61900", "account_digit": "1", "agreement": "1234567", "wallet": "17"}),
    ("Sicoob – cooperativa", {"bank": "756", "agency": "4327", "account": "417270",
     "agreement": "0229385", "wallet": "1", "modality": "01"}),
]  # fmt: skip
PRICES = [Decimal("89.90"), Decimal("119.90"), Decimal("149.90"), Decimal("249.00")]
MONTHS = 4
CUSTOMERS = 30


def _accounts(organization) -> list[BankAccount]:
    accounts = []
    for name, fields in ACCOUNTS:
        account = BankAccount.objects.filter(name=name).first()
        if account is None:
            account = BankAccount.objects.create(
                name=name, beneficiary_name=organization.name, **BENEFICIARY, **fields
            )
        accounts.append(account)
    return accounts


def _month_start(today: date, back: int) -> date:
    month = today.month - back
    year = today.year + (month - 1) // 12
    return date(year, (month - 1) % 12 + 1, 1)


def load(*, organization, members, stdout, **_options) -> list[str]:
    admin = next(member for member in members if member.is_admin)
    accounts = _accounts(organization)
    if not Invoice.objects.exists():
        _invoices(admin, accounts)
        _plans(admin, accounts)
    return _sample_return(organization, accounts[0])


def _invoices(admin, accounts: list[BankAccount]) -> None:
    today = timezone.localdate()
    customers = list(Customer.objects.filter(is_active=True).order_by("number")[:CUSTOMERS])
    for back in range(MONTHS - 1, -1, -1):
        start = _month_start(today, back)
        due = start + timedelta(days=9)
        label = f"Mensalidade {start:%m/%Y}"
        for index, customer in enumerate(customers):
            invoice = invoice_create(
                actor=admin,
                customer=customer,
                data=InvoiceInput(
                    description=label,
                    due_date=due,
                    issue_date=min(start, today),
                    items=[ItemInput("Plano de internet", 1, PRICES[index % len(PRICES)])],
                    bank_account=accounts[index % len(accounts)],
                ),
            )
            boleto = boleto_issue(actor=admin, invoice=invoice)
            _pay(admin, invoice, boleto, index=index, back=back, today=today)
    return []


def _paid(*, index: int, back: int, due_passed: bool) -> bool:
    """Past months mostly paid, but one customer in seven stopped paying; this month a third
    paid when the due date has passed (the rest is overdue), a fifth paid early otherwise."""
    if back > 0:
        return index % 7 != 3
    return index % 3 == 0 if due_passed else index % 5 == 0


def _pay(admin, invoice, boleto, *, index: int, back: int, today: date) -> None:
    if not _paid(index=index, back=back, due_passed=invoice.due_date < today):
        return
    late = back > 0 and index % 4 == 1
    paid_on = min(invoice.due_date + timedelta(days=6 if late else -2), today)
    amount = invoice.amount + (Decimal("3.00") if late else 0)
    if back > 0 and index % 11 == 5:
        amount = (invoice.amount / 2).quantize(Decimal("0.01"))  # paid in part
    payment_record(
        actor=admin, invoice=invoice, amount_paid=amount, paid_on=paid_on,
        credited_on=paid_on + timedelta(days=1), interest=Decimal("3.00") if late else 0,
        source=PaymentSource.MANUAL if index % 2 else PaymentSource.RETURN_FILE,
        boleto=boleto, note="Demonstração",
    )  # fmt: skip


PLANS = [
    # (name, amount, period, discounts)
    ("Internet 100 Mb", Decimal("99.90"), Period.MONTHLY,
     [DiscountInput(DiscountKind.PROGRESSIVE, Decimal("50"), 1, 3)]),
    ("Internet 300 Mb", Decimal("149.90"), Period.MONTHLY,
     [DiscountInput(DiscountKind.EARLY_PAYMENT, Decimal("5"), days_before_due=5)]),
    ("Link dedicado empresarial", Decimal("1200.00"), Period.QUARTERLY, []),
    ("Hospedagem anual", Decimal("480.00"), Period.YEARLY, []),
]  # fmt: skip


def _plans(admin, accounts: list[BankAccount]) -> None:
    """Four plans and a subscription for a dozen customers, charged up to today."""
    plans = [
        plan_save(actor=admin, plan=None, data=PlanInput(name, amount, period, discounts=discounts))
        for name, amount, period, discounts in PLANS
    ]
    today = timezone.localdate()
    customers = Customer.objects.filter(is_active=True).order_by("number")[
        CUSTOMERS : CUSTOMERS + 12
    ]
    for index, customer in enumerate(customers):
        subscription_create(
            actor=admin,
            customer=customer,
            data=SubscriptionInput(
                plan=plans[index % len(plans)],
                bank_account=accounts[index % len(accounts)],
                start_date=_month_start(today, 2 - index % 3),
                billing_day=10,
            ),
        )
    subscriptions_charge_due(today=today)


def _sample_return(organization, account: BankAccount) -> list[str]:
    """A Bradesco return file paying up to five open boletos of the account, written beside
    the database: upload it in Financeiro → Retornos to see them settled."""
    open_boletos = list(
        Boleto.objects.filter(
            bank_account=account,
            status=BoletoStatus.ISSUED,
            invoice__status=InvoiceStatus.OPEN,
        ).order_by("-due_date", "number")[:5]
    )
    if not open_boletos:
        return []
    paid_on = min(timezone.localdate(), max(boleto.due_date for boleto in open_boletos))
    content = bradesco_400_return(
        agreement=account.agreement,
        wallet=account.wallet,
        agency=account.agency,
        account=account.account,
        account_digit=account.account_digit,
        occurrences=[
            Paid(
                boleto.nosso_numero, boleto.amount, boleto.amount, paid_on, due_date=boleto.due_date
            )
            for boleto in open_boletos
        ],  # fmt: skip
        file_date=paid_on,
        company_name=organization.name,
    )
    path = Path(settings.VAR_DIR) / f"retorno-exemplo-{organization.slug}.RET"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return [
        f"Arquivo de retorno de exemplo ({organization.name}): {path} — envie em Financeiro → "
        f"Retornos para dar baixa em {len(open_boletos)} boletos em aberto."
    ]
