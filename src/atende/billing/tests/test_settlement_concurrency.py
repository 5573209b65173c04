"""The same boleto settled at the same instant by two uploads ends settled once (B4): two
threads, each with its own PostgreSQL connection, start together at a barrier. The invoice's
row lock makes the second wait for the first, and the occurrence key tells it the payment is
already there. SQLite has one writer at a time and no row locks, so the race cannot happen
there: these tests run on PostgreSQL only."""

from datetime import date
from decimal import Decimal

import pytest

from atende.billing.models import Invoice, InvoiceStatus, Payment, ReturnFile
from atende.billing.sample_return import Paid, bradesco_400_return
from atende.billing.services.settlement import return_file_receive
from atende.billing.tests.factories import bank_account
from atende.billing.tests.racing import race, require_postgresql
from atende.billing.tests.settlement_helpers import boleto_for
from atende.core.errors import DomainError

pytestmark = pytest.mark.django_db(transaction=True)
D = Decimal


@pytest.fixture(autouse=True)
def _postgresql_only():
    require_postgresql()


def _file(account, sequence):
    paid = Paid(41, D("99.90"), D("99.90"), date(2026, 3, 10))
    return bradesco_400_return(
        agreement=account.agreement, wallet=account.wallet, agency=account.agency,
        account=account.account, account_digit=account.account_digit,
        occurrences=[paid], file_date=date(2026, 3, 11), sequence=sequence,
    )  # fmt: skip


def test_two_files_with_the_same_payment_at_once_settle_it_once(organization, admin_member):
    account = bank_account(organization, "237", agreement="4540691")
    boleto = boleto_for(organization, actor=admin_member, account=account, nosso_numero=41,
                        amount=D("99.90"), due_date=date(2026, 3, 10))  # fmt: skip
    first, second = _file(account, 1), _file(account, 2)  # two files, one occurrence

    results = race(
        organization,
        lambda: return_file_receive(actor=admin_member, name="a.ret", content=first),
        lambda: return_file_receive(actor=admin_member, name="b.ret", content=second),
    )

    assert all(isinstance(result, ReturnFile) for result in results), results
    outcomes = sorted(
        next(k for k, v in result.report["counts"].items() if v) for result in results
    )
    assert outcomes == ["already_settled", "settled"]
    invoice = Invoice.objects.get(pk=boleto.invoice_id)
    assert (invoice.status, invoice.paid_amount, invoice.credit) == (
        InvoiceStatus.PAID, D("99.90"), 0
    )  # fmt: skip
    assert Payment.objects.count() == 1


def test_the_same_file_uploaded_twice_at_once_is_received_once(organization, admin_member):
    account = bank_account(organization, "237", agreement="4540691")
    boleto_for(organization, actor=admin_member, account=account, nosso_numero=41,
               amount=D("99.90"), due_date=date(2026, 3, 10))  # fmt: skip
    content = _file(account, 1)

    results = race(
        organization,
        lambda: return_file_receive(actor=admin_member, name="a.ret", content=content),
        lambda: return_file_receive(actor=admin_member, name="a.ret", content=content),
    )

    refused = [result for result in results if isinstance(result, DomainError)]
    assert len(refused) == 1, results
    assert refused[0].code == "duplicate_file"
    assert (ReturnFile.objects.count(), Payment.objects.count()) == (1, 1)


def test_a_partial_payment_in_two_files_at_once_is_recorded_once(organization, admin_member):
    # The invoice stays open after the first (partial) payment, so only the occurrence key's
    # unique constraint stops the second: its insert fails and is reported as "já baixado".
    account = bank_account(organization, "237", agreement="4540691")
    boleto = boleto_for(organization, actor=admin_member, account=account, nosso_numero=41,
                        amount=D("150.00"), due_date=date(2026, 3, 10))  # fmt: skip
    first, second = _file(account, 1), _file(account, 2)

    results = race(
        organization,
        lambda: return_file_receive(actor=admin_member, name="a.ret", content=first),
        lambda: return_file_receive(actor=admin_member, name="b.ret", content=second),
    )

    assert all(isinstance(result, ReturnFile) for result in results), results
    outcomes = sorted(
        next(k for k, v in result.report["counts"].items() if v) for result in results
    )
    assert outcomes == ["already_settled", "partial"]
    invoice = Invoice.objects.get(pk=boleto.invoice_id)
    assert (invoice.status, invoice.paid_amount) == (InvoiceStatus.PARTIALLY_PAID, D("99.90"))
    assert Payment.objects.count() == 1
