"""`python -m atende.banking`: boletos, typed codes, PIX, PDFs and bank files, JSON in and out."""

import argparse
import json
import sys
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import IO, Any

from atende.banking.boleto import boleto_codes, boleto_from_inputs
from atende.banking.errors import BankingError
from atende.banking.linha import parse_code
from atende.banking.pix import pix_parse, pix_payload

register_cnab: Callable[[Any], None] | None
try:
    from atende.banking.cnab.cli import register as register_cnab
except ImportError:  # the bank-file commands are optional
    register_cnab = None


def _json_default(value: object) -> str:
    if isinstance(value, (Decimal, date)):
        return str(value) if isinstance(value, Decimal) else value.isoformat()
    raise TypeError(type(value).__name__)


def emit(payload: object) -> None:
    json.dump(payload, sys.stdout, ensure_ascii=False, indent=2, default=_json_default)
    sys.stdout.write("\n")


def _read_json(stream: IO[str]) -> Any:
    try:
        return json.load(stream)
    except json.JSONDecodeError as exc:
        raise BankingError(f"JSON inválido na entrada: {exc.msg} (linha {exc.lineno}).") from exc


def boleto_result(item: Any) -> dict[str, object]:
    try:
        codes = boleto_codes(boleto_from_inputs(item))
    except BankingError as error:
        return {"error": error.message, "field": error.field}
    return {
        "barcode": codes.barcode,
        "linha_digitavel": codes.linha_digitavel,
        "nosso_numero": codes.nosso_numero,
    }


def command_boleto(args: argparse.Namespace) -> int:
    data = _read_json(sys.stdin)
    items = data if isinstance(data, list) else [data]
    results = [boleto_result(item) for item in items]
    emit(results if isinstance(data, list) else results[0])
    return 0 if all("error" not in result for result in results) else 1


def command_linha(args: argparse.Namespace) -> int:
    text = args.code or sys.stdin.read()
    parsed = parse_code(text)
    emit(
        {
            "bank": parsed.bank,
            "bank_name": parsed.bank_name,
            "amount": parsed.amount,
            "due_date": parsed.due_date,
            "factor": parsed.factor,
            "barcode": parsed.barcode,
            "linha_digitavel": parsed.linha_digitavel,
            "field_dvs_valid": list(parsed.field_dvs_valid),
            "barcode_dv_valid": parsed.barcode_dv_valid,
            "valid": parsed.is_valid,
        }
    )
    return 0 if parsed.is_valid else 1


def command_pix(args: argparse.Namespace) -> int:
    if args.parse:
        parsed = pix_parse(args.parse)
        emit({"valid": True, "key": parsed.key, "name": parsed.name, "city": parsed.city,
              "amount": parsed.amount, "txid": parsed.txid, "info": parsed.info})  # fmt: skip
        return 0
    data = {} if args.key else _read_json(sys.stdin)
    payload = pix_payload(
        key=args.key or data.get("key", ""),
        name=args.name or data.get("name", ""),
        city=args.city or data.get("city", ""),
        amount=args.amount or data.get("amount"),
        txid=args.txid or data.get("txid"),
        info=data.get("info", ""),
        uppercase=args.uppercase or bool(data.get("uppercase")),
    )
    emit({"payload": payload})
    return 0


def command_pdf(args: argparse.Namespace) -> int:
    from atende.banking.pdf import boletos_pdf

    data = _read_json(sys.stdin)
    items = data if isinstance(data, list) else [data]
    with open(args.output, "wb") as output:
        count = boletos_pdf((boleto_from_inputs(item) for item in items), output)
    emit({"file": args.output, "pages": count})
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m atende.banking", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    boleto = commands.add_parser("boleto", help="barcode and linha digitável from JSON on stdin")
    boleto.set_defaults(run=command_boleto)
    linha = commands.add_parser("linha", help="read a typed linha digitável or barcode")
    linha.add_argument("code", nargs="?")
    linha.set_defaults(run=command_linha)
    pix = commands.add_parser("pix", help="build (or --parse) a static PIX BR Code")
    for option in ("--key", "--name", "--city", "--amount", "--txid", "--parse"):
        pix.add_argument(option)
    pix.add_argument("--uppercase", action="store_true")
    pix.set_defaults(run=command_pix)
    pdf = commands.add_parser("pdf", help="boletos from JSON on stdin into one PDF")
    pdf.add_argument("-o", "--output", required=True)
    pdf.set_defaults(run=command_pdf)
    if register_cnab is not None:
        register_cnab(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args))
    except BankingError as error:
        emit({"error": error.message, "field": error.field})
        return 1
