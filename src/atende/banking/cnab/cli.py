"""`retorno` and `remessa` subcommands of `python -m atende.banking`."""

import argparse
import dataclasses
import json
import os
import sys
from contextlib import ExitStack
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import IO, Any, BinaryIO

from atende.banking.cnab.models import Occurrence, OccurrenceKind, ReturnFile, ReturnHeader
from atende.banking.cnab.reader import MAX_BYTES
from atende.banking.cnab.remessa import build_remessa
from atende.banking.cnab.remessa_input import remessa_from_json
from atende.banking.cnab.returns import parse_return
from atende.banking.errors import BankingError

MB = 1024 * 1024
# Each kind converted by name: a generic per-value isinstance() took a third of the JSON time.
_FIELDS = dataclasses.fields(Occurrence)
_DECIMALS = [field.name for field in _FIELDS if field.type is Decimal]
_DATES = [field.name for field in _FIELDS if field.name.endswith("_date")]
_PLAIN = [field.name for field in _FIELDS if field.type in (int, str, OccurrenceKind)]
_encode = json.JSONEncoder(ensure_ascii=False).encode
_HEADER_FIELDS = [field.name for field in dataclasses.fields(ReturnHeader)]


def _plain(value: object) -> object:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


def occurrence_json(o: Occurrence) -> dict[str, object]:
    """One occurrence as JSON-ready values: amounts as "123.45", dates ISO."""
    fields: dict[str, object] = {name: getattr(o, name) for name in _PLAIN}
    for name in _DECIMALS:
        fields[name] = str(getattr(o, name))
    for name in _DATES:
        value = getattr(o, name)
        fields[name] = value.isoformat() if value is not None else None
    fields["reasons"] = list(o.reasons)
    fields["is_payment"] = o.is_payment
    return fields


def write_return(result: ReturnFile, out: IO[str]) -> None:
    """The return as JSON, one occurrence per line: written as it goes, never built whole
    (json's indented encoder is pure Python and took most of the 39 s for 100 000 títulos)."""
    header = {name: _plain(getattr(result.header, name)) for name in _HEADER_FIELDS}
    payments = result.payments
    summary = {
        "occurrences": len(result.occurrences),
        "payments": len(payments),
        "amount_paid": str(sum((o.amount_paid for o in payments), Decimal("0.00"))),
        "reversals": len(result.reversals),
    }
    out.write(f'{{"layout": "{result.layout}",\n "header": ')
    out.write(json.dumps(header, ensure_ascii=False))
    out.write(',\n "summary": ' + json.dumps(summary) + ',\n "occurrences": [')
    separator = "\n  "
    for occurrence in result.occurrences:
        out.write(separator + _encode(occurrence_json(occurrence)))
        separator = ",\n  "
    out.write("\n ]}\n")


def command_retorno(args: argparse.Namespace) -> int:
    from atende.banking.cli import os_reason

    if not 1 <= args.max_mb <= 4096:
        raise BankingError("--max-mb: de 1 a 4096.", field="max_mb")
    with ExitStack() as stack:
        if args.file == "-":
            handle: BinaryIO = sys.stdin.buffer
        else:
            try:
                handle = stack.enter_context(open(args.file, "rb"))  # noqa: SIM115
            except OSError as exc:
                raise BankingError(f"Não foi possível ler o arquivo: {os_reason(exc)}.",
                                   field="arquivo") from None  # fmt: skip
        try:
            result = parse_return(handle, max_bytes=args.max_mb * MB)
        except OSError as exc:  # a directory, a device that fails mid-read
            raise BankingError(f"Não foi possível ler o arquivo: {os_reason(exc)}.",
                               field="arquivo") from None  # fmt: skip
    write_return(result, sys.stdout)
    return 0


def command_remessa(args: argparse.Namespace) -> int:
    from atende.banking.cli import emit, os_reason, read_json

    content = build_remessa(remessa_from_json(read_json(sys.stdin)))
    if not args.output:
        sys.stdout.write(content.decode("ascii"))
        return 0
    partial = f"{args.output}.partial"
    try:
        Path(partial).write_bytes(content)
        os.replace(partial, args.output)
    except OSError as exc:
        Path(partial).unlink(missing_ok=True)
        raise BankingError(f"Não foi possível gravar a remessa: {os_reason(exc)}.",
                           field="output") from None  # fmt: skip
    emit({"file": args.output, "bytes": len(content), "records": content.count(b"\r\n")})
    return 0


def register(subparsers: Any) -> None:
    retorno = subparsers.add_parser("retorno", help="a return file (.RET) as JSON")
    retorno.add_argument("file", help="the file, or - for stdin")
    default = MAX_BYTES // MB
    retorno.add_argument("--max-mb", type=int, default=default,
                         help=f"refuse files larger than this (default {default})")  # fmt: skip
    retorno.set_defaults(run=command_retorno)
    remessa = subparsers.add_parser("remessa", help="a shipment file from JSON on stdin")
    remessa.add_argument("-o", "--output")
    remessa.set_defaults(run=command_remessa)
