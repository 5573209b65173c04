"""Field checks for what goes into a bank file: refuse, never rewrite.

Every check raises a BankingError naming the field (the CLI's JSON key) and the reason in
Portuguese. The only change ever made to a value is the one the layouts require: text
becomes upper-case ASCII without accents ("São" → "SAO"). Anything else that does not fit is
refused: too long, letters in a number, a DV glued to an account, a third decimal place.
"""

import re
import unicodedata
from datetime import date
from decimal import Decimal, InvalidOperation

from atende.banking.errors import BankingError

STATES = frozenset(
    {
        "AC", "AL", "AM", "AP", "BA", "CE", "DF", "ES", "GO", "MA", "MG", "MS", "MT", "PA",
        "PB", "PE", "PI", "PR", "RJ", "RN", "RO", "RR", "RS", "SC", "SE", "SP", "TO",
    }
)  # fmt: skip
_PRINTABLE = re.compile(r"[ -~]*")


def _as_text(value: object, *, field: str, label: str) -> str:
    """str(value), refusing integers too long to print (Python's 4 300-digit limit)."""
    try:
        return str(value).strip()
    except ValueError:
        raise BankingError(f"{label}: número grande demais.", field=field) from None


def text(value: object, *, field: str, label: str, width: int, required: bool = True) -> str:
    """Upper-case ASCII without accents, at most `width` characters."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise BankingError(f"{label}: deve ser um texto.", field=field)
    plain = unicodedata.normalize("NFKD", value)
    plain = "".join(char for char in plain if not unicodedata.combining(char)).strip()
    if not _PRINTABLE.fullmatch(plain):
        bad = next(char for char in plain if not " " <= char <= "~")
        shown = repr(bad) if not bad.isprintable() else f"“{bad}”"
        raise BankingError(
            f"{label}: o caractere {shown} não pode ir no arquivo do banco.", field=field
        )
    if required and not plain:
        raise BankingError(f"{label}: campo obrigatório.", field=field)
    if len(plain) > width:
        raise BankingError(
            f"{label}: no máximo {width} caracteres neste leiaute (recebido {len(plain)}).",
            field=field,
        )
    return plain.upper()


def digits(
    value: object,
    *,
    field: str,
    label: str,
    width: int,
    required: bool = True,
) -> str:
    """ASCII digits only (no punctuation, no letters), at most `width` significant digits,
    returned without left zeros beyond what was typed: the writer zero-fills."""
    if isinstance(value, bool) or not isinstance(value, (str, int)) and value is not None:
        raise BankingError(f"{label}: deve ser um número ou texto com dígitos.", field=field)
    raw = "" if value is None else _as_text(value, field=field, label=label)
    if not raw:
        if required:
            raise BankingError(f"{label}: campo obrigatório.", field=field)
        return ""
    if not (raw.isascii() and raw.isdigit()):
        raise BankingError(f"{label}: use apenas dígitos (recebido “{raw[:40]}”).", field=field)
    significant = raw.lstrip("0") or "0"
    if len(significant) > width:
        raise BankingError(
            f"{label}: no máximo {width} dígitos (recebido {len(significant)}).", field=field
        )
    return raw[-width:] if len(raw) > width else raw


def split_dv(value: object, dv: object, *, field: str, label: str) -> tuple[object, str]:
    """ "1234-5" → ("1234", "5"). A DV typed apart must agree with one typed after a hyphen;
    the number is never glued to its DV."""
    separate = "" if dv is None else str(dv).strip()
    if isinstance(value, str) and "-" in value:
        number, _, typed = value.rpartition("-")
        typed = typed.strip()
        if len(typed) != 1:
            raise BankingError(f"{label}: o DV depois do hífen tem um caractere.", field=field)
        if separate and separate.upper() != typed.upper():
            raise BankingError(
                f"{label}: DV “{typed}” depois do hífen e “{separate}” no campo do DV não "
                "conferem.",
                field=field,
            )
        return number.strip(), typed.upper()
    return value, separate.upper()


def check_dv(dv: str, *, field: str, label: str, allowed: str = "0123456789") -> str:
    if len(dv) > 1 or dv and dv not in allowed:
        raise BankingError(f"{label}: DV inválido “{dv}”.", field=field)
    return dv


def _document_dvs_ok(number: str) -> bool:
    """CPF (11) or CNPJ (14): two mod-11 DVs, weights 2..9 from the right (CNPJ restarts
    after 9); 0 or 1 remainders give 0. Numbers of one repeated digit are not valid."""
    if len(set(number)) == 1:
        return False
    body = number[:-2]
    top = 11 if len(number) == 11 else 9
    for _ in range(2):
        total = sum(int(d) * (2 + i % (top - 1)) for i, d in enumerate(reversed(body)))
        remainder = total % 11
        body += str(0 if remainder < 2 else 11 - remainder)
    return body == number


def document(value: object, *, field: str, label: str) -> str:
    """A CPF or CNPJ with valid DVs; dots, slash, hyphen and spaces of the usual masks are
    allowed and dropped (they are formatting, not data)."""
    if isinstance(value, bool) or not isinstance(value, (str, int)) and value is not None:
        raise BankingError(f"{label}: deve ser um texto com o CPF ou o CNPJ.", field=field)
    raw = "" if value is None else _as_text(value, field=field, label=label)
    if not raw:
        raise BankingError(f"{label}: campo obrigatório.", field=field)
    number = re.sub(r"[.\-/ ]", "", raw)
    if not (number.isascii() and number.isdigit()) or len(number) not in (11, 14):
        raise BankingError(
            f"{label}: informe um CPF (11 dígitos) ou um CNPJ (14 dígitos).", field=field
        )
    if not _document_dvs_ok(number):
        kind = "CPF" if len(number) == 11 else "CNPJ"
        raise BankingError(f"{label}: {kind} com dígito verificador errado.", field=field)
    return number


def postal_code(value: object, *, field: str, label: str) -> str:
    raw = "" if value is None else str(value).strip()
    number = raw.replace("-", "", 1) if isinstance(value, (str, int)) else raw
    if not raw:
        raise BankingError(f"{label}: campo obrigatório.", field=field)
    if len(number) != 8 or not (number.isascii() and number.isdigit()):
        raise BankingError(f"{label}: o CEP tem 8 dígitos (recebido “{raw[:20]}”).", field=field)
    return number


def state(value: object, *, field: str, label: str) -> str:
    raw = value.strip().upper() if isinstance(value, str) else ""
    if raw not in STATES:
        raise BankingError(f"{label}: UF inválida “{str(value)[:10]}”.", field=field)
    return raw


def money(
    value: object,
    *,
    field: str,
    label: str,
    maximum: Decimal,
    positive: bool = True,
) -> Decimal:
    """A Decimal with at most two decimal places, within (0 or 0.01) … maximum."""
    if isinstance(value, bool) or not isinstance(value, (Decimal, int, str)):
        raise BankingError(f"{label}: informe o valor como número ou texto (“10.50”).", field=field)
    try:
        amount = Decimal(value.strip() if isinstance(value, str) else value)
    except InvalidOperation:
        raise BankingError(f"{label}: valor inválido “{str(value)[:40]}”.", field=field) from None
    if not amount.is_finite():
        raise BankingError(f"{label}: valor inválido “{str(value)[:40]}”.", field=field)
    if amount < 0:
        raise BankingError(f"{label}: o valor não pode ser negativo.", field=field)
    if positive and amount == 0:
        raise BankingError(f"{label}: o valor deve ser maior que zero.", field=field)
    if amount > maximum:
        shown = str(amount) if len(str(amount)) <= 20 else "um número maior"
        raise BankingError(f"{label}: no máximo {maximum} (recebido {shown}).", field=field)
    if amount != amount.quantize(Decimal("0.01")):
        raise BankingError(f"{label}: no máximo duas casas decimais.", field=field)
    return amount.quantize(Decimal("0.01"))


def when(value: object, *, field: str, label: str, required: bool = True) -> date | None:
    """A date: a `date`, or text AAAA-MM-DD or DD/MM/AAAA."""
    if value is None or value == "":
        if required:
            raise BankingError(f"{label}: campo obrigatório.", field=field)
        return None
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise BankingError(f"{label}: informe a data como AAAA-MM-DD ou DD/MM/AAAA.", field=field)
    raw = value.strip()
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})|(\d{2})/(\d{2})/(\d{4})", raw)
    if not match:
        raise BankingError(f"{label}: informe a data como AAAA-MM-DD ou DD/MM/AAAA.", field=field)
    groups = match.groups()
    year, month, day = groups[0:3] if groups[0] else (groups[5], groups[4], groups[3])
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        raise BankingError(f"{label}: data inexistente “{raw}”.", field=field) from None
