"""`retorno` and `remessa` subcommands of `python -m atende.banking`."""

import argparse
import json
import sys
from dataclasses import asdict
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from atende.banking.cnab.errors import CnabError
from atende.banking.cnab.remessa import Remessa, RemessaTitle, build_remessa
from atende.banking.cnab.returns import parse_return
from atende.banking.errors import BankingError
from atende.banking.models import Beneficiary


def _default(value: object) -> str:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    raise TypeError(type(value).__name__)


def _emit(payload: object) -> None:
    json.dump(payload, sys.stdout, ensure_ascii=False, indent=2, default=_default)
    sys.stdout.write("\n")


def command_retorno(args: argparse.Namespace) -> int:
    try:
        with open(args.file, "rb") as handle:
            result = parse_return(handle.read())
    except OSError as exc:
        _emit({"error": f"Não foi possível ler o arquivo: {exc.strerror}.", "line": None})
        return 1
    except CnabError as error:
        _emit({"error": error.message, "line": error.line})
        return 1
    _emit({
        "layout": result.layout,
        "header": asdict(result.header),
        "occurrences": [asdict(occurrence) for occurrence in result.occurrences],
    })  # fmt: skip
    return 0


def _remessa_from_json(data: dict[str, Any]) -> Remessa:
    fields = {name: str(data.get(key, "")) for name, key in (
        ("agency", "agencia"), ("agency_dv", "agencia_dv"), ("account", "conta"),
        ("account_dv", "conta_dv"), ("agreement", "convenio"), ("wallet", "carteira"),
        ("wallet_variation", "variacao"))}  # fmt: skip
    titles = [
        RemessaTitle(
            nosso_numero=str(item["nosso_numero"]),
            document_number=str(item.get("numero_documento", "")),
            due_date=date.fromisoformat(item["vencimento"]),
            amount=Decimal(str(item["valor"])),
            payer_name=item.get("pagador", ""),
            payer_document=str(item.get("documento_pagador", "")),
            payer_address=item.get("endereco", ""),
            payer_district=item.get("bairro", ""),
            payer_city=item.get("cidade", ""),
            payer_state=item.get("uf", ""),
            payer_postal_code=str(item.get("cep", "")),
        )
        for item in data.get("titulos", [])
    ]
    return Remessa(
        bank=str(data.get("bank", "")).zfill(3),
        layout=str(data.get("layout", "")),
        beneficiary=Beneficiary(**fields),
        company_name=data.get("empresa", ""),
        company_document=str(data.get("documento_empresa", "")),
        sequence=int(data.get("sequencial", 1)),
        titles=titles,
    )


def command_remessa(args: argparse.Namespace) -> int:
    try:
        content = build_remessa(_remessa_from_json(json.load(sys.stdin)))
    except (BankingError, KeyError, ValueError, ArithmeticError) as error:
        message = getattr(error, "message", None) or f"Entrada inválida: {error}"
        _emit({"error": message})
        return 1
    if args.output:
        with open(args.output, "wb") as handle:
            handle.write(content)
        _emit({"file": args.output, "bytes": len(content)})
    else:
        sys.stdout.write(content.decode("ascii"))
    return 0


def register(subparsers: Any) -> None:
    retorno = subparsers.add_parser("retorno", help="a return file (.RET) as JSON")
    retorno.add_argument("file")
    retorno.set_defaults(run=command_retorno)
    remessa = subparsers.add_parser("remessa", help="a shipment file from JSON on stdin")
    remessa.add_argument("-o", "--output")
    remessa.set_defaults(run=command_remessa)
