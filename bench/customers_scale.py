"""Scale benchmark of the customer registry: generate N customers in one organization, then
time the list and the search (p50/p95) and count queries per page.

Run by hand, on PostgreSQL for meaningful figures:
    DATABASE_URL=postgres://user:pass@127.0.0.1:5432/atende_bench \
        .venv/bin/python bench/customers_scale.py --count 100000
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "atende.settings")
os.environ.setdefault("DEBUG", "1")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from atende.accounts.models import User  # noqa: E402
from atende.core.documents import cpf_check_digits  # noqa: E402
from atende.core.text import digits, fold  # noqa: E402
from atende.customers.models import Customer  # noqa: E402
from atende.customers.selectors import CustomerFilters, customer_list, customer_search  # noqa: E402
from atende.customers.services.customers import customer_sort_keys  # noqa: E402
from atende.tenancy.context import activate, dangerously_unscoped  # noqa: E402
from atende.tenancy.models import Counter, Member, Organization  # noqa: E402

FIRST = ["Ana", "Bruno", "Carla", "Daniel", "Eduarda", "Felipe", "Gabriela", "João", "Lucas"]
LAST = ["Silva", "Santos", "Oliveira", "Souza", "Rodrigues", "Ferreira", "Alves", "Lima"]
CITIES = ["Campinas", "São Paulo", "Curitiba", "Recife", "Salvador", "Goiânia", "Natal"]


def generate(count: int) -> None:
    rng = random.Random(7)
    existing = Customer.objects.count()
    batch: list[Customer] = []
    started = time.perf_counter()
    for number in range(existing + 1, count + 1):
        base = f"{number:09d}"
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)} {rng.choice(LAST)} {number}"
        phone = f"(19) 9{number % 10000:04d}-{rng.randrange(1000, 9999)}"
        email = f"cliente{number}@dominio{number % 500}.com.br"
        document = base + cpf_check_digits(base)
        batch.append(
            Customer(
                number=number,
                name=name,
                document=document,
                email=email,
                phone=phone,
                city=rng.choice(CITIES),
                state="SP",
                search_text=fold(f"{number} | {name} | {email} | {document} | {digits(phone)}"),
            )  # fmt: skip
        )
        customer_sort_keys(batch[-1])
        if len(batch) == 5000:
            Customer.objects.bulk_create(batch)
            batch = []
    if batch:
        Customer.objects.bulk_create(batch)
    Counter.objects.update_or_create(name="customer", defaults={"value": count})
    if count > existing:
        elapsed = time.perf_counter() - started
        print(f"generated {count - existing} customers in {elapsed:.1f}s")


def timed(function, runs: int) -> tuple[float, float, int]:
    durations, queries = [], 0
    for _ in range(runs):
        # Like a request on PostgreSQL (ATOMIC_REQUESTS): one transaction around the reads.
        with CaptureQueriesContext(connection) as captured, transaction.atomic():
            started = time.perf_counter()
            function()
            durations.append((time.perf_counter() - started) * 1000)
        queries = len(captured)
    durations.sort()
    p95 = durations[max(0, int(len(durations) * 0.95) - 1)]
    return statistics.median(durations), p95, queries


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=50)
    options = parser.parse_args()
    call_command("migrate", verbosity=0)
    with dangerously_unscoped():
        organization, _ = Organization.objects.get_or_create(slug="bench", defaults={"name": "B"})
    with activate(organization), transaction.atomic():
        generate(options.count)
    with activate(organization):
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE customers_customer")
        user = User.objects.get_or_create(email="bench@atende.local", full_name="Bench")[0]
        member = Member.objects.get_or_create(user=user, defaults={"is_admin": True})[0]
        first = customer_list(actor=member, filters=CustomerFilters())
        deep_cursor = first.next_cursor
        for _ in range(200):  # walk 200 pages in to time a deep page
            deep_cursor = customer_list(
                actor=member, filters=CustomerFilters(), cursor=deep_cursor
            ).next_cursor
        cases = {
            "list, first page (50 rows, by name)": lambda: customer_list(
                actor=member, filters=CustomerFilters()
            ),
            "list, page 201 (keyset cursor)": lambda: customer_list(
                actor=member, filters=CustomerFilters(), cursor=deep_cursor
            ),
            "list filtered by city, by code desc": lambda: customer_list(
                actor=member, filters=CustomerFilters(city="Recife", sort="-number")
            ),
            "search name 'joao silva'": lambda: customer_search(actor=member, term="joao silva"),
            "search CPF with mask": lambda: customer_search(
                actor=member, term="000.054.321-" + cpf_check_digits("000054321")
            ),
            "search phone '9123-'": lambda: customer_search(actor=member, term="9123-"),
            "search e-mail domain": lambda: customer_search(actor=member, term="dominio321.com.br"),
            "search, no match": lambda: customer_search(actor=member, term="zzzz inexistente"),
        }
        print(f"{connection.vendor}, {Customer.objects.count()} customers, {options.runs} runs")
        print(f"{'case':<40} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8}")
        for label, function in cases.items():
            p50, p95, queries = timed(function, options.runs)
            print(f"{label:<40} {p50:>8.1f} {p95:>8.1f} {queries:>8}")


if __name__ == "__main__":
    main()
