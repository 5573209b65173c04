"""`python -m atende.banking`: boletos, typed codes, PIX, PDFs and bank files, JSON in and out."""

import argparse
import json
import os
import sys
from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

from atende.banking.boleto import boleto_codes, boleto_from_inputs
from atende.banking.errors import BankingError
from atende.banking.linha import parse_code
from atende.banking.models import Boleto
from atende.banking.pix import pix_parse, pix_payload, pix_qr_png, pix_qr_svg

register_cnab: Callable[[Any], None] | None
try:
    from atende.banking.cnab.cli import register as register_cnab
except ImportError:  # the bank-file commands are optional
    register_cnab = None


def _json_default(value: object) -> str:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(type(value).__name__)


def emit(payload: object) -> None:
    """Write `payload` as JSON to stdout (Decimal as "123.45", dates ISO)."""
    json.dump(payload, sys.stdout, ensure_ascii=False, indent=2, default=_json_default)
    sys.stdout.write("\n")


def _no_constants(name: str) -> Any:
    raise BankingError(f"JSON inválido na entrada: {name} não é um número aceito.")


def read_json(stream: IO[str]) -> Any:
    """JSON from a stream; numbers with a decimal point become Decimal, never float."""
    try:
        return json.load(stream, parse_float=Decimal, parse_constant=_no_constants)
    except json.JSONDecodeError as exc:
        raise BankingError(f"JSON inválido na entrada: {exc.msg} (linha {exc.lineno}).") from exc


def _error(error: BankingError) -> dict[str, object]:
    return {"error": error.message, "field": error.field}


def boleto_result(item: Any) -> dict[str, object]:
    """One `boleto` answer: the codes, or the error of that item."""
    try:
        codes = boleto_codes(boleto_from_inputs(item))
    except BankingError as error:
        return _error(error)
    return {
        "barcode": codes.barcode,
        "linha_digitavel": codes.linha_digitavel,
        "nosso_numero": codes.nosso_numero,
    }


def command_boleto(args: argparse.Namespace) -> int:
    data = read_json(sys.stdin)
    items = data if isinstance(data, list) else [data]
    results = [boleto_result(item) for item in items]
    emit(results if isinstance(data, list) else results[0])
    return 0 if all("error" not in result for result in results) else 1


def command_linha(args: argparse.Namespace) -> int:
    parsed = parse_code(args.code if args.code is not None else sys.stdin.read())
    checks = [*parsed.field_dvs, parsed.general_dv]
    emit(
        {
            "kind": parsed.kind,
            "bank": parsed.bank,
            "bank_name": parsed.bank_name,
            "amount": parsed.amount,
            "due_date": parsed.due_date,
            "factor": parsed.factor,
            "barcode": parsed.barcode,
            "linha_digitavel": parsed.linha_digitavel,
            "check_digits": [
                {"name": c.name, "typed": c.typed, "expected": c.expected, "valid": c.is_valid}
                for c in checks
            ],
            "field_dvs_valid": list(parsed.field_dvs_valid) or None,
            "barcode_dv_valid": parsed.barcode_dv_valid,
            "valid": parsed.is_valid,
        }
    )
    return 0 if parsed.is_valid else 1


def _write_qr(payload: str, path: str) -> None:
    if path.lower().endswith(".svg"):
        Path(path).write_text(pix_qr_svg(payload), encoding="utf-8")
    else:
        Path(path).write_bytes(pix_qr_png(payload))


def command_pix(args: argparse.Namespace) -> int:
    if args.parse is not None:
        parsed = pix_parse(args.parse)
        emit({"valid": True, "key": parsed.key, "name": parsed.name, "city": parsed.city,
              "amount": parsed.amount, "txid": parsed.txid, "info": parsed.info,
              "postal_code": parsed.postal_code})  # fmt: skip
        return 0
    data: Any = {} if args.key else read_json(sys.stdin)
    if not isinstance(data, dict):
        raise BankingError("Envie um objeto JSON com key, name, city, amount e txid.")
    payload = pix_payload(
        key=args.key or data.get("key", ""),
        name=args.name or data.get("name", ""),
        city=args.city or data.get("city", ""),
        amount=args.amount if args.amount is not None else data.get("amount"),
        txid=args.txid if args.txid is not None else data.get("txid"),
        info=args.info or data.get("info", ""),
        postal_code=args.cep or data.get("postal_code", ""),
        uppercase=not (args.keep_case or data.get("keep_case")),
    )
    if args.qr:
        _write_qr(payload, args.qr)
    emit({"payload": payload, **({"qr": args.qr} if args.qr else {})})
    return 0


def command_pdf(args: argparse.Namespace) -> int:
    from atende.banking.pdf import boletos_pdf

    data = read_json(sys.stdin)
    items = data if isinstance(data, list) else [data]
    # Check every boleto before writing, so a bad item never leaves half a PDF behind.
    errors = []
    for index, item in enumerate(items):
        result = boleto_result(item)
        if "error" in result:
            errors.append({"index": index, **result})
    if errors:
        emit({"error": "Nenhum PDF gerado: há boletos com erro.", "items": errors})
        return 1

    def boletos() -> Iterator[Boleto]:
        for item in items:
            yield boleto_from_inputs(item)

    partial = f"{args.output}.partial"
    try:
        with open(partial, "wb") as output:
            count = boletos_pdf(boletos(), output, logo=args.logo)
        os.replace(partial, args.output)
    except OSError as exc:
        Path(partial).unlink(missing_ok=True)
        raise BankingError(f"Não foi possível gravar o PDF: {exc.strerror}.") from exc
    emit({"file": args.output, "pages": count})
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The `python -m atende.banking` parser, with the CNAB commands when they are installed."""
    parser = argparse.ArgumentParser(prog="python -m atende.banking", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    boleto = commands.add_parser("boleto", help="barcode and linha digitável from JSON on stdin")
    boleto.set_defaults(run=command_boleto)
    linha = commands.add_parser("linha", help="read a typed linha digitável or barcode")
    linha.add_argument("code", nargs="?", help="the code (read from stdin when absent)")
    linha.set_defaults(run=command_linha)
    pix = commands.add_parser("pix", help="build (or --parse) a static PIX BR Code")
    for option in ("--key", "--name", "--city", "--amount", "--txid", "--info", "--cep"):
        pix.add_argument(option)
    pix.add_argument("--keep-case", action="store_true", help="do not upper-case name and city")
    pix.add_argument("--qr", metavar="FILE", help="also write the QR code (.png or .svg)")
    pix.add_argument("--parse", metavar="PAYLOAD", help="validate a BR Code instead")
    pix.set_defaults(run=command_pix)
    pdf = commands.add_parser("pdf", help="boletos from JSON on stdin into one PDF")
    pdf.add_argument("-o", "--output", required=True)
    pdf.add_argument("--logo", help="organization logo (JPEG or PNG) printed on every boleto")
    pdf.set_defaults(run=command_pdf)
    if register_cnab is not None:
        register_cnab(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one command; exit status 0 when everything worked, 1 otherwise."""
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args))
    except BankingError as error:
        emit(_error(error))
        return 1
