"""Nosso números under concurrency (B6): eight boletos issued at the same instant on one
account, each by its own PostgreSQL connection, take eight consecutive numbers — no duplicate,
no gap — because the account's row is locked in the transaction that writes the boleto."""

from decimal import Decimal

import pytest

from atende.billing.models import BankAccount, Boleto
from atende.billing.services.boletos import boleto_issue
from atende.billing.tests.factories import bank_account, invoice
from atende.billing.tests.racing import race, require_postgresql

pytestmark = pytest.mark.django_db(transaction=True)
PARALLEL = 8


@pytest.fixture(autouse=True)
def _postgresql_only():
    require_postgresql()


def test_parallel_issues_take_consecutive_nosso_numeros(organization, admin_member):
    account = bank_account(organization, "341", next_nosso_numero=500)
    invoices = [
        invoice(organization, actor=admin_member, account=account, amount=Decimal(10 + n))
        for n in range(PARALLEL)
    ]

    def issue(made):
        return lambda: boleto_issue(actor=admin_member, invoice=made)

    results = race(organization, *(issue(made) for made in invoices))

    assert all(isinstance(result, Boleto) for result in results), results
    numbers = sorted(Boleto.objects.values_list("nosso_numero", flat=True))
    assert numbers == list(range(500, 500 + PARALLEL))
    assert len(set(Boleto.objects.values_list("number", flat=True))) == PARALLEL
    assert BankAccount.objects.get(pk=account.pk).next_nosso_numero == 500 + PARALLEL


def test_the_same_invoice_issued_twice_at_once_gets_one_boleto(organization, admin_member):
    account = bank_account(organization, "237", next_nosso_numero=7)
    made = invoice(organization, actor=admin_member, account=account)

    results = race(
        organization,
        lambda: boleto_issue(actor=admin_member, invoice=made),
        lambda: boleto_issue(actor=admin_member, invoice=made),
    )

    assert sorted(type(result).__name__ for result in results) == ["Boleto", "DomainError"]
    assert list(Boleto.objects.values_list("nosso_numero", flat=True)) == [7]
    assert BankAccount.objects.get(pk=account.pk).next_nosso_numero == 8
