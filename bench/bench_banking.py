"""Banking benchmarks (run by hand): boletos per second (codes only, and PDF), peak memory of a
10 000-page PDF batch, return-file records parsed per second on 100 000 records.

    .venv/bin/python bench/bench_banking.py
"""

import io
import resource
import sys
import tempfile
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from atende.banking.boleto import boleto_codes  # noqa: E402
from atende.banking.cnab.returns import parse_return  # noqa: E402
from atende.banking.cnab.writer import Line  # noqa: E402
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


def cnab240_return(records: int, per_batch: int = 10_000) -> bytes:
    """A Caixa CNAB 240 return with `records` títulos (T + U), in batches of `per_batch`."""
    header = Line(240).num(1, 3, "104").num(4, 8, "0").put(143, 143, "2")
    lines, batches = [str(header.num(144, 151, "01122026"))], -(-records // per_batch)
    for batch in range(1, batches + 1):
        lines.append(str(Line(240).num(1, 3, "104").num(4, 7, batch).put(8, 8, "1")))
        count = min(per_batch, records - (batch - 1) * per_batch)
        for index in range(count):
            number = (batch - 1) * per_batch + index
            t = Line(240).num(1, 3, "104").num(4, 7, batch).put(8, 8, "3")
            t.num(9, 13, 2 * index + 1).put(14, 14, "T").num(16, 17, 6)
            t.put(40, 56, f"14{number:015d}").num(74, 81, "10122026").num(82, 96, 9990)
            t.num(97, 99, "104").num(199, 213, 150)
            u = Line(240).num(1, 3, "104").num(4, 7, batch).put(8, 8, "3")
            u.num(9, 13, 2 * index + 2).put(14, 14, "U").num(16, 17, 6).num(78, 92, 9990)
            u.num(93, 107, 9840).num(138, 145, "09122026").num(146, 153, "10122026")
            lines += [str(t), str(u)]
        trailer = Line(240).num(1, 3, "104").num(4, 7, batch).put(8, 8, "5")
        lines.append(str(trailer.num(18, 23, 2 * count + 2)))
    final = Line(240).num(1, 3, "104").num(4, 7, 9999).put(8, 8, "9").num(18, 23, batches)
    lines.append(str(final.num(24, 29, len(lines) + 1)))
    return ("\r\n".join(lines) + "\r\n").encode()


def timed(label: str, count: int, action) -> None:
    started = time.perf_counter()
    action()
    elapsed = time.perf_counter() - started
    print(f"{label:<52} {count:>8} in {elapsed:7.2f} s = {count / elapsed:>10,.0f}/s")


def main() -> None:
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
    data = cnab240_return(100_000)
    timed("CNAB 240 return, T+U records parsed (100 000 títulos)", 100_000,
          lambda: parse_return(data))  # fmt: skip


if __name__ == "__main__":
    main()
