"""`python -m atende.banking`: boletos, typed codes, PIX, PDFs and bank files, JSON in and out.

Exit status 0 with JSON on stdout when everything worked; 1 with a JSON error on stdout and one
Portuguese line on stderr when the input was refused. Never a traceback: an error of ours exits
70 with one line too (and nothing written).
"""

import argparse
import errno
import json
import os
import re
import sys
from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import IO, Any, NoReturn

from atende.banking.boleto import boleto_codes, boleto_from_inputs
from atende.banking.errors import BankingError
from atende.banking.factor import LAST_DUE
from atende.banking.linha import parse_code
from atende.banking.models import Boleto
from atende.banking.pix import pix_parse, pix_payload, pix_qr_png, pix_qr_svg

register_cnab: Callable[[Any], None] | None
try:
    from atende.banking.cnab.cli import register as register_cnab
except ImportError:  # the bank-file commands are optional
    register_cnab = None

JSON_LIMIT = 64 * 1024 * 1024  # JSON read from stdin: enough for 100 000 boletos
INTERNAL_ERROR = 70  # EX_SOFTWARE: a bug of ours, reported without a traceback


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


def say(message: str) -> None:
    """One line on stderr, for people (the JSON on stdout is for programs)."""
    sys.stderr.write(" ".join(message.split()) + "\n")


def _no_constants(name: str) -> Any:
    raise BankingError(f"JSON inválido na entrada: {name} não é um número aceito.")


def read_json(stream: IO[str]) -> Any:
    """JSON from a stream (at most 64 MB); numbers with a decimal point become Decimal."""
    try:
        text = stream.read(JSON_LIMIT + 1)
    except UnicodeDecodeError:
        raise BankingError("A entrada não é texto UTF-8.", field="entrada") from None
    if len(text) > JSON_LIMIT:
        raise BankingError("Entrada JSON maior que 64 MB.", field="entrada")
    try:
        return json.loads(text, parse_float=Decimal, parse_constant=_no_constants)
    except BankingError:
        raise
    except json.JSONDecodeError as exc:
        raise BankingError(f"JSON inválido na entrada (linha {exc.lineno}, coluna {exc.colno}).",
                           field="entrada") from None  # fmt: skip
    except RecursionError:
        raise BankingError("JSON inválido na entrada: aninhamento profundo demais.",
                           field="entrada") from None  # fmt: skip
    except ValueError:  # an integer of more than 4300 digits (Python's conversion limit)
        raise BankingError("JSON inválido na entrada: número com dígitos demais.",
                           field="entrada") from None  # fmt: skip


_OS_REASONS = {
    errno.ENOENT: "arquivo ou pasta não encontrado",
    errno.EACCES: "sem permissão",
    errno.EPERM: "operação não permitida",
    errno.EISDIR: "é uma pasta, não um arquivo",
    errno.ENOTDIR: "o caminho passa por algo que não é uma pasta",
    errno.ENOSPC: "disco cheio",
    errno.EROFS: "sistema de arquivos somente leitura",
    errno.ENAMETOOLONG: "nome de arquivo longo demais",
    errno.EIO: "erro de entrada e saída",
}


def os_reason(exc: OSError) -> str:
    """Why a file could not be read or written, in Portuguese (strerror is English)."""
    if exc.errno is None:
        return "arquivo ilegível ou em formato não suportado"
    return _OS_REASONS.get(exc.errno, f"erro do sistema {exc.errno}")


def _error(error: BankingError) -> dict[str, object]:
    return {"error": error.message, "field": error.field}


def _check_item(item: object) -> dict[str, Any]:
    """A boleto's JSON: an object with a bank, whose values are text, numbers or booleans
    (`instrucoes` may also be a list of texts)."""
    if not isinstance(item, dict):
        raise BankingError("Cada boleto deve ser um objeto JSON.", field="boleto")
    for key, value in item.items():
        if key == "instrucoes" and isinstance(value, list):
            value = None if all(isinstance(line, str) for line in value) else value
        if isinstance(value, (list, dict)):
            raise BankingError(f"{key}: use um texto ou um número.", field=str(key))
    if all(item.get(key) in (None, "") for key in ("bank", "banco")):
        raise BankingError("Banco: campo obrigatório (bank).", field="bank")
    return item


def _boleto(item: object) -> Boleto:
    boleto = boleto_from_inputs(_check_item(item))
    if boleto.due_date is not None and boleto.due_date > LAST_DUE:
        raise BankingError("Vencimento depois de 13/10/2049: o fator de vencimento desse "
                           "período ainda não foi publicado pela FEBRABAN.",
                           field="vencimento")  # fmt: skip
    return boleto


def boleto_result(item: Any) -> dict[str, object]:
    """One `boleto` answer: the codes, or the error of that item."""
    try:
        codes = boleto_codes(_boleto(item))
    except BankingError as error:
        return _error(error)
    return {
        "barcode": codes.barcode,
        "linha_digitavel": codes.linha_digitavel,
        "nosso_numero": codes.nosso_numero,
    }


def _items(data: object) -> list[Any]:
    if data is None:
        raise BankingError("Envie um boleto (objeto JSON) ou uma lista de boletos.",
                           field="entrada")  # fmt: skip
    return data if isinstance(data, list) else [data]


def command_boleto(args: argparse.Namespace) -> int:
    data = read_json(sys.stdin)
    items = _items(data)
    results = [boleto_result(item) for item in items]
    emit(results if isinstance(data, list) else results[0])
    failed = [result for result in results if "error" in result]
    if not failed:
        return 0
    if len(items) == 1:
        say(f"Erro: {failed[0]['error']}")
    else:
        say(f"Erro: {len(failed)} de {len(items)} boletos com erro.")
    return 1


def command_linha(args: argparse.Namespace) -> int:
    code = args.code if args.code is not None else sys.stdin.read(10_000)
    parsed = parse_code(code)
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
    if parsed.is_valid:
        return 0
    wrong = ", ".join(c.name for c in checks if not c.is_valid)
    say(f"Erro: dígito verificador errado ({wrong}).")
    return 1


def _write_qr(payload: str, path: str) -> None:
    if path.lower().endswith(".svg"):
        Path(path).write_text(pix_qr_svg(payload), encoding="utf-8")
    else:
        Path(path).write_bytes(pix_qr_png(payload))


def _pix_value(data: dict[str, Any], key: str) -> Any:
    """A text field of the PIX JSON: text, or a whole number written as digits (a CPF key)."""
    value = data.get(key)
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    raise BankingError(f"{key}: use um texto.", field=key)


def _pix_amount(amount: Any) -> Any:
    """pix.py quantizes before it compares with its limit, and quantizing an amount of more
    than 28 digits ("1e5000", 5 000 nines) fails: such amounts are refused here first."""
    if isinstance(amount, (list, dict)):
        raise BankingError("amount: use um texto ou um número.", field="amount")
    if amount is None or isinstance(amount, bool):
        return amount
    try:
        value = Decimal(str(amount).strip())
    except InvalidOperation:
        return amount  # pix.py refuses it with its own message
    if value.is_finite() and abs(value) >= Decimal("1e13"):
        raise BankingError("Valor do PIX acima do limite do BR Code.", field="amount")
    return amount


def command_pix(args: argparse.Namespace) -> int:
    if args.parse is not None:
        parsed = pix_parse(args.parse)
        emit({"valid": True, "key": parsed.key, "name": parsed.name, "city": parsed.city,
              "amount": parsed.amount, "txid": parsed.txid, "info": parsed.info,
              "postal_code": parsed.postal_code})  # fmt: skip
        return 0
    data: Any = {} if args.key else read_json(sys.stdin)
    if not isinstance(data, dict):
        raise BankingError("Envie um objeto JSON com key, name, city, amount e txid.",
                           field="entrada")  # fmt: skip
    amount = _pix_amount(args.amount if args.amount is not None else data.get("amount"))
    payload = pix_payload(
        key=args.key or _pix_value(data, "key") or "",
        name=args.name or _pix_value(data, "name") or "",
        city=args.city or _pix_value(data, "city") or "",
        amount=amount,
        txid=args.txid if args.txid is not None else _pix_value(data, "txid"),
        info=args.info or _pix_value(data, "info") or "",
        postal_code=args.cep or _pix_value(data, "postal_code") or "",
        uppercase=not (args.keep_case or data.get("keep_case")),
    )
    if args.qr:
        try:
            _write_qr(payload, args.qr)
        except OSError as exc:
            raise BankingError(f"Não foi possível gravar o QR code: {os_reason(exc)}.",
                               field="qr") from None  # fmt: skip
    emit({"payload": payload, **({"qr": args.qr} if args.qr else {})})
    return 0


def command_pdf(args: argparse.Namespace) -> int:
    from atende.banking.pdf import boletos_pdf

    if args.logo and not Path(args.logo).is_file():
        raise BankingError("--logo: arquivo não encontrado.", field="logo")
    data = read_json(sys.stdin)
    items = _items(data)
    # Check every boleto before writing, so a bad item never leaves half a PDF behind.
    errors = []
    for index, item in enumerate(items):
        result = boleto_result(item)
        if "error" in result:
            errors.append({"index": index, **result})
    if errors:
        emit({"error": "Nenhum PDF gerado: há boletos com erro.", "items": errors})
        say(f"Erro: nenhum PDF gerado; {len(errors)} de {len(items)} boletos com erro.")
        return 1

    def boletos() -> Iterator[Boleto]:
        for item in items:
            yield _boleto(item)

    partial = f"{args.output}.partial"
    try:
        with open(partial, "wb") as output:
            count = boletos_pdf(boletos(), output, logo=args.logo)
        os.replace(partial, args.output)
    except OSError as exc:
        raise BankingError(f"Não foi possível gravar o PDF: {os_reason(exc)}.",
                           field="output") from exc  # fmt: skip
    finally:  # whatever stopped it (a bad logo too), no half-written file stays behind
        Path(partial).unlink(missing_ok=True)
    emit({"file": args.output, "pages": count})
    return 0


# argparse writes its own errors in English and exits 2; ours are Portuguese and exit 1.
_ARGPARSE_MESSAGES = [
    (r"the following arguments are required: (.*)", "faltam os argumentos: {0}"),
    (r"unrecognized arguments: (.*)", "argumentos desconhecidos: {0}"),
    (r"argument (.*?): invalid choice: (.*?) \(choose from (.*)\)",
     "argumento {0}: opção inválida {1} (use {2})"),
    (r"argument (.*?): expected one argument", "argumento {0}: falta o valor"),
    (r"argument (.*?): invalid (.*?) value: (.*)", "argumento {0}: valor inválido {2}"),
    (r"argument (.*?): not allowed with argument (.*)", "argumento {0}: não combina com {1}"),
    (r"ambiguous option: (.*?) could match (.*)", "opção ambígua: {0} (pode ser {1})"),
]  # fmt: skip


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        for pattern, template in _ARGPARSE_MESSAGES:
            match = re.fullmatch(pattern, message)
            if match:
                raise BankingError(template.format(*match.groups()), field="argumentos")
        raise BankingError("Argumentos inválidos (veja --help).", field="argumentos")


def build_parser() -> argparse.ArgumentParser:
    """The `python -m atende.banking` parser, with the CNAB commands when they are installed."""
    parser = _Parser(prog="python -m atende.banking", description=__doc__)
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


def fail(error: BankingError) -> int:
    """The refusal: a JSON error for programs, one Portuguese line for people; status 1."""
    payload = _error(error)
    line = getattr(error, "line", None)
    if line is not None:
        payload["line"] = line
    sys.stdout.write(json.dumps(payload, ensure_ascii=False) + "\n")
    say(f"Erro: {error.message}")
    return 1


def main(argv: list[str] | None = None) -> int:
    """Run one command; exit status 0 when everything worked, 1 when the input was refused."""
    try:
        args = build_parser().parse_args(argv)
        return int(args.run(args))
    except BankingError as error:
        return fail(error)
    except RecursionError:
        return fail(BankingError("Entrada aninhada demais.", field="entrada"))
    except MemoryError:
        return fail(BankingError("Entrada grande demais para a memória disponível.",
                                 field="entrada"))  # fmt: skip
    except BrokenPipeError:
        raise  # `… | head`: __main__ leaves quietly
    except Exception:  # a bug of ours: still no traceback for the user
        if os.environ.get("ATENDE_BANKING_DEBUG"):
            raise
        say("Erro interno inesperado; nada foi gravado. Avise o suporte técnico.")
        return INTERNAL_ERROR
