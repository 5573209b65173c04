"""Settlement at scale (B4): N invoices with their Bradesco boletos, a synthetic CNAB 400 return
paying all of them, and the time to receive and apply it (one transaction), then the same
occurrences again in another file (every one "já baixado"). On the given DATABASE_URL
(SQLite when unset), in a fresh organization per run:

    .venv/bin/python bench/settlement_scale.py                    # 1 000 and 10 000
    DATABASE_URL=postgres://owner:…@127.0.0.1:5432/db .venv/bin/python bench/settlement_scale.py

The banking core only reads returns, so the file comes from billing's test builder
(`billing/tests/return_files.py`, BRA-400 positions), read back by `parse_return`. Invoices and
boletos are written with bulk_create (their codes from the banking core): the bench measures
settlement, not issuing.
"""

import argparse
import os
import secrets
import sys
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "atende.settings")
os.environ.setdefault("DEBUG", "1")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from atende.accounts.tests.factories import MemberFactory  # noqa: E402
from atende.banking.boleto import boleto_codes  # noqa: E402
from atende.billing.boleto_data import bank_boleto  # noqa: E402
from atende.billing.models import Boleto, Invoice, Payment  # noqa: E402
from atende.billing.sample_return import Paid, bradesco_400_return  # noqa: E402
from atende.billing.services import settlement  # noqa: E402
from atende.billing.tests.factories import bank_account  # noqa: E402
from atende.customers.tests.factories import CustomerFactory  # noqa: E402
from atende.tenancy.context import activate, dangerously_unscoped  # noqa: E402
from atende.tenancy.models import Organization  # noqa: E402

AGREEMENT = "4540691"
DUE = date(2026, 3, 10)
PAID_ON = date(2026, 3, 9)


def _setup(count: int):
    with dangerously_unscoped():
        organization = Organization.objects.create(
            slug=f"bench-baixa-{secrets.token_hex(3)}", name="Bench baixa"
        )
    with activate(organization):
        admin = MemberFactory(organization=organization, is_admin=True)
        account = bank_account(organization, "237", agreement=AGREEMENT)
        customers = [CustomerFactory(organization=organization) for _ in range(20)]
        invoices = Invoice.objects.bulk_create(
            Invoice(
                number=n, customer=customers[n % 20], bank_account=account, description="Bench",
                issue_date=DUE - timedelta(days=20), due_date=DUE,
                amount=Decimal("99.90") + n % 50, organization=organization,
            )
            for n in range(1, count + 1)
        )  # fmt: skip
        boletos = []
        for invoice in invoices:
            bank = bank_boleto(account, nosso_numero=invoice.number, amount=invoice.amount,
                               due_date=DUE, issue_date=invoice.issue_date)  # fmt: skip
            codes = boleto_codes(bank)
            boletos.append(
                Boleto(
                    number=invoice.number,
                    invoice=invoice,
                    bank_account=account,
                    nosso_numero=invoice.number,
                    nosso_numero_printed=codes.nosso_numero,
                    amount=invoice.amount,
                    due_date=DUE,
                    barcode=codes.barcode,
                    linha_digitavel=codes.linha_digitavel,
                    organization=organization,
                )  # fmt: skip
            )
        Boleto.objects.bulk_create(boletos, batch_size=1000)
    occurrences = [
        Paid(boleto.nosso_numero, boleto.amount, boleto.amount, PAID_ON) for boleto in boletos
    ]
    return organization, admin, account, occurrences


def _file(account, occurrences, sequence: int) -> bytes:
    return bradesco_400_return(
        agreement=AGREEMENT, wallet=account.wallet, agency=account.agency,
        account=account.account, account_digit=account.account_digit,
        occurrences=occurrences, file_date=PAID_ON, sequence=sequence,
    )  # fmt: skip


def run(count: int) -> None:
    started = time.perf_counter()
    organization, admin, account, occurrences = _setup(count)
    setup = time.perf_counter() - started
    first, again = _file(account, occurrences, 1), _file(account, occurrences, 2)
    with activate(organization):
        started = time.perf_counter()
        settlement.return_file_parse(first)
        parse = time.perf_counter() - started
        queries = []
        with connection.execute_wrapper(
            lambda execute, sql, *args: queries.append(1) or execute(sql, *args)
        ):
            started = time.perf_counter()
            applied = settlement.return_file_receive(actor=admin, name="a.ret", content=first)
            elapsed = time.perf_counter() - started
        started = time.perf_counter()
        repeated = settlement.return_file_receive(actor=admin, name="b.ret", content=again)
        elapsed_again = time.perf_counter() - started
        assert applied.report["counts"]["settled"] == count, applied.report["counts"]
        assert repeated.report["counts"]["already_settled"] == count
        assert Payment.objects.count() == count
    size = len(first) / 1024 / 1024
    print(
        f"{connection.vendor:<10} {count:>6} occurrences ({size:4.1f} MB): "
        f"setup {setup:6.1f} s | parse {parse:5.2f} s | receive+apply {elapsed:6.1f} s "
        f"({count / elapsed:5.0f}/s, {len(queries)} queries) | "
        f"same occurrences again {elapsed_again:5.1f} s ({count / elapsed_again:5.0f}/s)"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("counts", nargs="*", type=int, default=[1_000, 10_000])
    options = parser.parse_args()
    call_command("migrate", verbosity=0)
    settlement.INLINE_LIMIT = 10**9  # apply inside receive: time both, here, in one process
    for count in options.counts:
        run(count)


if __name__ == "__main__":
    main()
