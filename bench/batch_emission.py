"""Batch emission benchmark (B5), run by hand: N customers, one batch of N boletos issued the
way the Celery job does it (one transaction per customer), then the combined PDF; reports
boletos per second for the issue and for the PDF separately, and queries per boleto.

    .venv/bin/python bench/batch_emission.py --count 1000          # a fresh SQLite file
    DATABASE_URL=postgresql://postgres@127.0.0.1:5432/h_billbatch_bench \
        .venv/bin/python bench/batch_emission.py --count 10000

Without DATABASE_URL it uses a new SQLite file in the temporary folder (never var/).
"""

import argparse
import os
import platform
import sys
import tempfile
import time
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "atende.settings")
os.environ.setdefault("DEBUG", "1")
if not os.environ.get("DATABASE_URL"):
    _file = Path(tempfile.gettempdir()) / f"bench_batch_{os.getpid()}.sqlite3"
    os.environ["DATABASE_URL"] = f"sqlite:///{_file}"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.utils import timezone  # noqa: E402

from atende.accounts.models import User  # noqa: E402
from atende.billing.models import BankAccount, Boleto, BoletoBatch  # noqa: E402
from atende.billing.services.batches import batch_boletos, batch_check, batch_run  # noqa: E402
from atende.billing.services.boletos import write_boletos_pdf  # noqa: E402
from atende.core.documents import cpf_check_digits  # noqa: E402
from atende.customers.models import Customer  # noqa: E402
from atende.customers.selectors import CustomerFilters  # noqa: E402
from atende.customers.services.customers import customer_sort_keys  # noqa: E402
from atende.tenancy.context import activate, dangerously_unscoped  # noqa: E402
from atende.tenancy.models import Counter, Member, Organization  # noqa: E402

CITIES = ["Campinas", "São Paulo", "Curitiba", "Recife", "Salvador", "Goiânia", "Natal"]


def customers(count: int) -> None:
    rows = []
    for number in range(1, count + 1):
        base = f"{number:09d}"
        rows.append(
            Customer(
                number=number, name=f"Cliente Exemplo {number:06d}",
                document=base + cpf_check_digits(base), street="Rua das Flores",
                street_number=str(number), district="Centro", city=CITIES[number % 7],
                state="SP", postal_code="13015002",
            )
        )  # fmt: skip
        customer_sort_keys(rows[-1])
    Customer.objects.bulk_create(rows, batch_size=2000)
    Counter.objects.update_or_create(name="customer", defaults={"value": count})


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--profile", action="store_true")
    options = parser.parse_args()
    call_command("migrate", verbosity=0)
    slug = f"lote-{int(time.time())}"
    with dangerously_unscoped():
        organization = Organization.objects.create(slug=slug, name="Bench Lote")
    with activate(organization):
        user, _ = User.objects.get_or_create(email="bench-lote@atende.local", full_name="Bench")
        member = Member.objects.create(user=user, is_admin=True)
        account = BankAccount.objects.create(
            name="Bradesco", bank="237", agency="1172", account="0403005", account_digit="2",
            wallet="09", beneficiary_name="Alfa Provedor Ltda",
            beneficiary_document="11222333000181", beneficiary_city="Campinas",
            beneficiary_state="SP", pix_key="11222333000181", fine_percent=Decimal("2"),
            monthly_interest_percent=Decimal("1"),
        )  # fmt: skip
        started = time.perf_counter()
        customers(options.count)
        made = time.perf_counter() - started
        started = time.perf_counter()
        # batch_check + the row batch_create writes, without queueing the job (Celery runs
        # eagerly here and would issue the batch inside batch_create).
        terms, audience = batch_check(
            actor=member, bank_account=account, description="Mensalidade", amount="99.90",
            due_date=timezone.localdate() + timedelta(days=10),
            customers_queryset_or_numbers=CustomerFilters(),
        )  # fmt: skip
        batch = BoletoBatch.objects.create(
            number=1, bank_account=account, customer_ids=audience.customer_ids,
            total=audience.count, created_by=member, description=terms.description,
            amount=terms.amount, due_date=terms.due_date,
        )  # fmt: skip
        chosen = time.perf_counter() - started
        counted = [0]

        def count(execute, sql, params, many, context):
            counted[0] += 1
            return execute(sql, params, many, context)

        started, cpu = timezone.now(), time.process_time()
        with connection.execute_wrapper(count):
            if options.profile:
                import cProfile
                import pstats

                profile = cProfile.Profile()
                batch = profile.runcall(batch_run, batch=batch)
                pstats.Stats(profile).sort_stats("cumulative").print_stats(40)
            else:
                batch = batch_run(batch=batch)
        queries, cpu = counted[0], time.process_time() - cpu
        # The PDF again, alone, to split the CPU time between the issue and the PDF.
        pdf_cpu = time.process_time()
        with open(os.devnull, "wb") as devnull:
            write_boletos_pdf(batch_boletos(batch).iterator(chunk_size=500), devnull)
        pdf_cpu = time.process_time() - pdf_cpu
        last_boleto = Boleto.objects.order_by("-number").values_list("created_at", flat=True)[0]
        issue = (last_boleto - started).total_seconds()
        pdf = (batch.finished_at - last_boleto).total_seconds()
        size = batch.pdf.size
    machine = platform.processor() or platform.machine()
    print(f"{connection.vendor}; {os.cpu_count()} CPUs, {machine}; load {os.getloadavg()[0]:.1f}; "
          f"Python {platform.python_version()}")  # fmt: skip
    print(f"{options.count} customers created in {made:.1f} s; batch chosen in {chosen:.2f} s")
    print(f"status {batch.status}, {batch.done}/{batch.total} boletos, PDF {size / 1e6:.1f} MB")
    print("(CPU: this Python process only; the issue's is the run's minus the PDF's)")
    done = batch.done
    print(f"{queries / done:.1f} statements per boleto (savepoints and the PDF's reads included)")
    print(f"issue  wall {issue:7.1f} s = {done / issue:6.0f}/s; "
          f"CPU {cpu - pdf_cpu:7.1f} s = {done / (cpu - pdf_cpu):6.0f}/s")  # fmt: skip
    print(f"PDF    wall {pdf:7.1f} s = {done / pdf:6.0f}/s; "
          f"CPU {pdf_cpu:7.1f} s = {done / pdf_cpu:6.0f}/s")  # fmt: skip


if __name__ == "__main__":
    main()
