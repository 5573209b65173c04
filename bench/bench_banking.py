"""Banking benchmarks (run by hand): boletos per second (codes only, and PDF), peak memory of a
10 000-page PDF batch, and a 100 000-título CNAB 240 return parsed and written as JSON the way
`python -m atende.banking retorno` does (CPU and wall time, and the peak memory of that step).

    .venv/bin/python bench/bench_banking.py            # everything
    .venv/bin/python bench/bench_banking.py --returns  # only the return file
"""

import io
import os
import platform
import resource
import sys
import tempfile
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from atende.banking.boleto import boleto_codes  # noqa: E402
from atende.banking.cnab.cli import write_return  # noqa: E402
from atende.banking.cnab.returns import parse_return  # noqa: E402
from atende.banking.cnab.tests.builders import cnab240_return  # noqa: E402
from atende.banking.models import Beneficiary, Boleto, Payer  # noqa: E402
from atende.banking.pdf import boletos_pdf  # noqa: E402

BENEFICIARY = Beneficiary(name="Demo Telecom Ltda", agency="1234", account="123456", wallet="09")


def boletos(count: int):
    for number in range(count):
        yield Boleto(
            bank="237", amount=Decimal("99.90") + number % 100, nosso_numero=str(number),
            due_date=date(2026, 12, 1) + timedelta(days=number % 60), beneficiary=BENEFICIARY,
            payer=Payer(name=f"Cliente {number}"),
        )  # fmt: skip


def timed(label: str, count: int, action) -> None:
    started = time.perf_counter()
    action()
    elapsed = time.perf_counter() - started
    print(f"{label:<52} {count:>8} in {elapsed:7.2f} s = {count / elapsed:>10,.0f}/s")


def return_to_json(titles: int = 100_000) -> None:
    """The `retorno` command's work on a file of `titles` títulos: read it as a stream from
    disk, parse it, write the JSON (to /dev/null)."""
    with tempfile.NamedTemporaryFile(suffix=".ret") as handle:
        handle.write(cnab240_return(titles))
        handle.flush()
        size = handle.tell()
        started, cpu = time.perf_counter(), time.process_time()
        with open(handle.name, "rb") as source:
            result = parse_return(source)
        parsed, parsed_cpu = time.perf_counter(), time.process_time()
        with open(os.devnull, "w", encoding="utf-8") as out:
            write_return(result, out)
        done, done_cpu = time.perf_counter(), time.process_time()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"CNAB 240 return, {titles} títulos ({size / 1e6:.1f} MB, {2 * titles} T+U records)")
    print(f"  parse      {parsed - started:6.2f} s wall {parsed_cpu - cpu:6.2f} s CPU")
    print(f"  JSON out   {done - parsed:6.2f} s wall {done_cpu - parsed_cpu:6.2f} s CPU")
    print(f"  total      {done - started:6.2f} s wall {done_cpu - cpu:6.2f} s CPU; "
          f"process peak RSS {peak:.0f} MB; load average {os.getloadavg()[0]:.1f}")  # fmt: skip


def main() -> None:
    print(f"{os.cpu_count()} CPUs, {platform.processor() or platform.machine()}; "
          f"Python {platform.python_version()}")  # fmt: skip
    if "--returns" in sys.argv:
        return_to_json()
        return
    timed("boletos, barcode + linha + nosso número", 100_000,
          lambda: [boleto_codes(b) for b in boletos(100_000)])  # fmt: skip
    timed("boletos with PDF (one page each)", 1_000,
          lambda: boletos_pdf(boletos(1_000), io.BytesIO()))  # fmt: skip
    with tempfile.TemporaryFile() as output:
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        timed("PDF batch of 10 000 pages, written to a file", 10_000,
              lambda: boletos_pdf(boletos(10_000), output))  # fmt: skip
        grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
        print(f"  10 000-page PDF: {output.tell() / 1e6:.1f} MB file; "
              f"peak RSS grew by {grown / 1024:.0f} MB")  # fmt: skip
    return_to_json()


if __name__ == "__main__":
    main()
