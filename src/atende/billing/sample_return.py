"""A synthetic Bradesco CNAB 400 return (BRA-400 p.39-41, FACTS.md §8) for the demo's sample
file, scale benches and occurrences the public samples lack (a reversal). The banking core has
no return writer: it only reads returns, so this builds the lines with its fixed-width `Line`,
at the positions `atende.banking.cnab.cnab400` reads, and every file is checked by reading it
back."""

import unicodedata
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from atende.banking.banks.bradesco import dv_of
from atende.banking.cnab import parse_return
from atende.banking.cnab.writer import Line


def _ascii(text: str) -> str:
    """Bank files are upper-case ASCII: "Acme Serviços" → "ACME SERVICOS"."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().upper()


@dataclass(frozen=True)
class Paid:
    nosso_numero: int
    amount: Decimal
    amount_paid: Decimal
    paid_on: date
    code: str = "06"  # liquidação normal; "22"/"40" are reversals, "02" entry confirmed
    due_date: date | None = None
    fees: Decimal = Decimal("0.00")


def bradesco_400_return(
    *,
    agreement: str,
    wallet: str,
    agency: str,
    account: str,
    account_digit: str,
    occurrences: list[Paid],
    file_date: date,
    sequence: int = 1,
    company_name: str = "ALFA PROVEDOR LTDA",
) -> bytes:
    """The whole file (header, one detail per occurrence, trailer), CRLF-terminated."""
    header = (
        Line(400).put(1, 9, "02RETORNO").put(10, 26, "01COBRANCA").num(27, 46, agreement)
        .put(47, 76, _ascii(company_name)[:30]).put(77, 94, "237BRADESCO")
        .date6(95, 100, file_date).num(101, 108, 1600000).num(109, 113, sequence)
        .num(395, 400, 1)
    )  # fmt: skip
    lines = [str(header)]
    company = f"0{wallet.zfill(3)}{agency.zfill(5)}{account.zfill(7)}{account_digit}"
    for position, item in enumerate(occurrences, start=2):
        number = str(item.nosso_numero).zfill(11)
        detail = (
            Line(400).put(1, 1, "1").num(2, 3, 2).num(4, 17, "11222333000181")
            .num(21, 37, company).put(38, 62, str(item.nosso_numero))
            .num(71, 81, number).put(82, 82, dv_of(wallet, number))
            .num(109, 110, item.code).date6(111, 116, item.paid_on)
            .put(117, 126, str(item.nosso_numero)).date6(147, 152, item.due_date)
            .money(153, 165, item.amount).num(166, 168, 237).num(169, 173, 1234)
            .money(176, 188, item.fees).money(254, 266, item.amount_paid)
            .date6(296, 301, item.paid_on).num(395, 400, position)
        )  # fmt: skip
        lines.append(str(detail))
    confirmed = sum(1 for item in occurrences if item.code == "02")
    trailer = (
        Line(400).put(1, 4, "9201").num(5, 7, 237).num(58, 62, confirmed)
        .num(395, 400, len(occurrences) + 2)
    )  # fmt: skip
    lines.append(str(trailer))
    content = ("\r\n".join(lines) + "\r\n").encode("latin-1")
    parse_return(content)  # a file the reader refuses is a bug here, not a test input
    return content
