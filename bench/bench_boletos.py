"""Boleto benchmark (run by hand, not a test): codes per second, typed codes read per second,
PDF pages per second, and the Python memory peak of PDF batches of 1 000 and 10 000 boletos.

    .venv/bin/python bench/bench_boletos.py [--count 100000] [--pdf-count 2000]
"""

import argparse
import io
import os
import platform
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from atende.banking.boleto import boleto_codes, boleto_from_inputs  # noqa: E402
from atende.banking.linha import parse_code  # noqa: E402
from atende.banking.models import Beneficiary, Boleto, Payer  # noqa: E402
from atende.banking.pdf import boletos_pdf  # noqa: E402
from atende.banking.pix import pix_payload  # noqa: E402

ADDRESS = {"address": "Av. Paulista, 1000", "district": "Bela Vista", "city": "São Paulo",
           "state": "SP", "postal_code": "01310100", "name": "Demo Telecom Ltda",
           "document": "11222333000181"}  # fmt: skip
BENEFICIARIES = {
    "001": Beneficiary(agency="1234", account="12345", agreement="1234567", wallet="17",
                       **ADDRESS),
    "033": Beneficiary(agency="1234", agreement="1234567", wallet="101", **ADDRESS),
    "104": Beneficiary(agency="1234", agreement="1242119", wallet="RG", **ADDRESS),
    "237": Beneficiary(agency="1234", account="123456", wallet="09", **ADDRESS),
    "341": Beneficiary(agency="0057", account="12345", wallet="109", **ADDRESS),
    "748": Beneficiary(agency="0165", posto="02", agreement="00623", wallet="1", **ADDRESS),
    "756": Beneficiary(agency="4277", agreement="0172278", wallet="1", **ADDRESS),
}  # fmt: skip
BANKS = list(BENEFICIARIES)
OPTIONS: dict[str, dict[str, object]] = {"748": {"ano": "26"}}


def boletos(count: int, *, pix: bool = False) -> Iterator[Boleto]:
    """`count` boletos spread over the seven banks, generated one at a time."""
    for number in range(count):
        bank = BANKS[number % len(BANKS)]
        amount = Decimal("99.90") + number % 1000
        # A boleto's PIX must carry its amount (pdf.py refuses any other), so one per boleto.
        payload = pix_payload(key="pix@demo.com.br", name="Demo", city="Campinas",
                              amount=amount) if pix else ""  # fmt: skip
        yield Boleto(
            bank=bank, amount=amount, due_date=date(2026, 12, 1) + timedelta(days=number % 90),
            nosso_numero=str(number % 10_000), beneficiary=BENEFICIARIES[bank],
            payer=Payer(name=f"Cliente {number} Łukasz Nguyễn", document="52998224725",
                        address="Rua A, 10", city="Campinas", state="SP", postal_code="13010000"),
            instructions=("Não receber após 30 dias do vencimento.",), pix_payload=payload,
            options=OPTIONS.get(bank, {}),
        )  # fmt: skip


def timed(label: str, count: int, action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    elapsed = time.perf_counter() - started
    print(f"{label:<50} {count:>8} in {elapsed:7.2f} s = {count / elapsed:>10,.0f}/s")
    return elapsed


def machine() -> str:
    model = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return f"{os.cpu_count()} CPUs (nproc), {model}; Python {platform.python_version()}"


def pdf_peak(count: int) -> tuple[float, float]:
    """Python memory peak (MB, tracemalloc) and file size (MB) of a `count`-page PDF batch."""
    with tempfile.TemporaryFile() as output:
        tracemalloc.start()
        boletos_pdf(boletos(count), output)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        return peak / 1e6, output.tell() / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--pdf-count", type=int, default=2_000)
    args = parser.parse_args()
    print(machine())
    items = list(boletos(args.count))
    timed("boleto codes (barcode + linha + nosso número)", args.count,
          lambda: [boleto_codes(item) for item in items])  # fmt: skip
    inputs = [{"bank": "237", "agencia": "1234", "conta": "123456", "carteira": "09",
               "nosso_numero": str(n), "valor": "99.90", "vencimento": "2026-12-01"}
              for n in range(args.count)]  # fmt: skip
    timed("boleto codes from CLI-style JSON inputs", args.count,
          lambda: [boleto_codes(boleto_from_inputs(item)) for item in inputs])  # fmt: skip
    linhas = [boleto_codes(item).linha_digitavel for item in items]
    timed("typed linhas read (parse + every DV)", args.count,
          lambda: [parse_code(linha, today=date(2026, 11, 22)) for linha in linhas])  # fmt: skip
    timed("boletos with PDF (one page each, to memory)", args.pdf_count,
          lambda: boletos_pdf(boletos(args.pdf_count), io.BytesIO()))  # fmt: skip
    timed("boletos with PDF and PIX QR code", args.pdf_count,
          lambda: boletos_pdf(boletos(args.pdf_count, pix=True), io.BytesIO()))  # fmt: skip
    for count in (1_000, 10_000):
        started = time.perf_counter()
        peak, size = pdf_peak(count)
        elapsed = time.perf_counter() - started
        print(f"PDF batch of {count:>6,} pages to a file: {size:6.1f} MB file, Python peak "
              f"{peak:5.1f} MB (under tracemalloc, {elapsed:.1f} s)")  # fmt: skip


if __name__ == "__main__":
    main()
