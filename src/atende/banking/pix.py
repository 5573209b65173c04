"""Static PIX BR Code (EMV® merchant-presented QR, BACEN): build, parse, CRC16 (FACTS.md §11)."""

import io
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from atende.banking.barcode import format_brl
from atende.banking.errors import BankingError

GUI = "br.gov.bcb.pix"
# FACTS.md §11 [unverified against the BACEN manual, consistent across pix-utils and pix_brcode].
NAME_LIMIT, CITY_LIMIT, TXID_LIMIT, AMOUNT_LIMIT = 25, 15, 25, 13
NO_TXID = "***"

EVP_KEY = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
EMAIL_KEY = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
PHONE_KEY = re.compile(r"\+55\d{10,11}")
TXID = re.compile(r"[A-Za-z0-9]{1,25}")
KEY_ERROR = "Chave PIX inválida: use CPF, CNPJ, e-mail, telefone (+55…) ou chave aleatória."


def crc16(payload: str) -> str:
    """CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF) as 4 upper-case hex digits."""
    crc = 0xFFFF
    for byte in payload.encode("utf-8"):
        crc ^= byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else crc << 1
            crc &= 0xFFFF
    return f"{crc:04X}"


def _tlv(tag: str, value: str) -> str:
    if len(value) > 99:
        raise BankingError(f"Campo {tag} do BR Code passa de 99 caracteres.", field=tag)
    return f"{tag}{len(value):02d}{value}"


def pix_text(text: str, limit: int, *, uppercase: bool = True) -> str:
    """Name or city as the BR Code wants it: ASCII without accents, upper case, cut to `limit`."""
    plain = unicodedata.normalize("NFKD", text or "")
    plain = "".join(char for char in plain if not unicodedata.combining(char))
    plain = re.sub(r"[^A-Za-z0-9 .,/&@()'-]", "", plain.encode("ascii", "ignore").decode())
    plain = re.sub(r"\s+", " ", plain).strip()
    return (plain.upper() if uppercase else plain)[:limit].strip()


def _document_ok(digits: str) -> bool:
    """CPF (11) or CNPJ (14) check digits: mod 11 from the right with weights 2..9 or 2..11."""
    if len(set(digits)) == 1:
        return False
    top = 11 if len(digits) == 11 else 9
    body = digits[:-2]
    for _ in range(2):
        total = sum(int(d) * (2 + i % (top - 1)) for i, d in enumerate(reversed(body)))
        body += str(0 if total % 11 < 2 else 11 - total % 11)
    return body == digits


def pix_key(key: str) -> str:
    """A PIX key in the form the DICT stores it, or a BankingError."""
    key = (key or "").strip()
    if not key:
        raise BankingError("Informe a chave PIX.", field="key")
    if EVP_KEY.fullmatch(key.lower()):
        return key.lower()
    if "@" in key:
        if EMAIL_KEY.fullmatch(key) and len(key) <= 77:
            return key
        raise BankingError(KEY_ERROR, field="key")
    if key.startswith("+"):
        phone = re.sub(r"[\s()-]", "", key)
        if PHONE_KEY.fullmatch(phone):
            return phone
        raise BankingError(KEY_ERROR, field="key")
    digits = re.sub(r"[.\-/\s]", "", key)
    if digits.isascii() and digits.isdigit() and len(digits) in (11, 14):
        if not _document_ok(digits):
            raise BankingError("Chave PIX: CPF ou CNPJ com dígito verificador errado.",
                               field="key")  # fmt: skip
        return digits
    raise BankingError(KEY_ERROR, field="key")


def _amount(amount: object) -> str:
    if amount is None or amount == "":
        return ""
    try:
        value = Decimal(str(amount).strip())
    except InvalidOperation:
        raise BankingError(f"Valor do PIX inválido: “{amount}”.", field="amount") from None
    if isinstance(amount, bool) or not value.is_finite() or value < 0:
        raise BankingError(f"Valor do PIX inválido: “{amount}”.", field="amount")
    if value.adjusted() >= AMOUNT_LIMIT:  # before quantize, which fails past 28 digits
        raise BankingError("Valor do PIX acima do limite do BR Code.", field="amount")
    if value != value.quantize(Decimal("0.01")):
        raise BankingError("Valor do PIX com mais de duas casas decimais.", field="amount")
    text = f"{value:.2f}"
    if len(text) > AMOUNT_LIMIT:
        raise BankingError("Valor do PIX acima do limite do BR Code.", field="amount")
    return "" if value == 0 else text  # 0: the payer types the amount (vector pix-05)


def _txid(txid: str | None) -> str:
    # Rejected rather than cleaned or cut: static PIX is reconciled by txid (FACTS.md §11), and
    # "FAT-1" silently becoming "FAT1" could match another charge.
    text = (txid or "").strip()
    if text in ("", NO_TXID):
        return NO_TXID
    if not TXID.fullmatch(text):
        raise BankingError(f"txid do PIX: use de 1 a {TXID_LIMIT} letras ou dígitos, sem "
                           "espaços nem símbolos.", field="txid")  # fmt: skip
    return text


def pix_payload(
    *,
    key: str,
    name: str,
    city: str,
    amount: object = None,
    txid: str | None = None,
    info: str = "",
    postal_code: str = "",
    uppercase: bool = True,
) -> str:
    """A static BR Code for a PIX key; name and city normalised and cut to 25 and 15.

    `uppercase=False` keeps the letters' case (some issuers do; the vectors pix-01..03).
    """
    account = _tlv("00", GUI) + _tlv("01", pix_key(key))
    if info:
        account += _tlv("02", pix_text(info, 72, uppercase=False))
    if len(account) > 99:
        raise BankingError("Chave PIX e informação adicional passam de 99 caracteres juntas.",
                           field="info")  # fmt: skip
    merchant_name = pix_text(name, NAME_LIMIT, uppercase=uppercase)
    merchant_city = pix_text(city, CITY_LIMIT, uppercase=uppercase)
    if not merchant_name:
        raise BankingError("Informe o nome do recebedor do PIX.", field="name")
    if not merchant_city:
        raise BankingError("Informe a cidade do recebedor do PIX.", field="city")
    fields = [_tlv("00", "01"), _tlv("26", account), _tlv("52", "0000"), _tlv("53", "986")]
    value = _amount(amount)
    if value:
        fields.append(_tlv("54", value))
    fields += [_tlv("58", "BR"), _tlv("59", merchant_name), _tlv("60", merchant_city)]
    if postal_code:
        cep = re.sub(r"\D", "", postal_code)
        if len(cep) != 8:
            raise BankingError("CEP do PIX deve ter 8 dígitos.", field="postal_code")
        fields.append(_tlv("61", cep))
    fields.append(_tlv("62", _tlv("05", _txid(txid))))
    body = "".join(fields) + "6304"
    return body + crc16(body)


@dataclass(frozen=True)
class ParsedPix:
    """A validated static BR Code; `fields` are the top-level (tag, value) pairs before 63."""

    fields: tuple[tuple[str, str], ...]
    key: str
    name: str
    city: str
    amount: Decimal | None
    txid: str
    info: str = ""
    postal_code: str = ""
    initiation: str = ""  # field 01: "11" reusable, "12" single use, "" absent


def _read_tlv(text: str, where: str) -> list[tuple[str, str]]:
    items: list[tuple[str, str]] = []
    position = 0
    while position < len(text):
        head = text[position : position + 4]
        if len(head) < 4 or not (head.isascii() and head.isdigit()):
            raise BankingError(f"BR Code malformado: campo incompleto {where}.",
                               field="payload")  # fmt: skip
        tag, length = head[:2], int(head[2:])
        value = text[position + 4 : position + 4 + length]
        if len(value) != length:
            raise BankingError(f"BR Code malformado: campo {tag} truncado.", field="payload")
        if any(tag == seen for seen, _ in items):
            raise BankingError(f"BR Code malformado: campo {tag} repetido.", field="payload")
        items.append((tag, value))
        position += 4 + length
    return items


def _utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise BankingError(message, field="payload")


def pix_parse(payload: object) -> ParsedPix:
    """Validate a BR Code (TLV structure, mandatory fields, CRC) and return its fields."""
    _require(isinstance(payload, str), "Informe o BR Code.")
    text = str(payload).strip()
    _require(len(text) >= 12, "BR Code vazio ou curto demais.")
    # Some issuers leave accents in name and city (UTF-8, lengths in characters): accepted;
    # control characters and lone surrogates are not.
    _require(text.isprintable() and _utf8(text), "BR Code com caracteres inválidos.")
    _require(text[-8:-4] == "6304", "BR Code sem o CRC (campo 63) no final.")
    _require(crc16(text[:-4]) == text[-4:].upper(), "CRC do BR Code não confere.")
    fields = _read_tlv(text[:-8], "no código")
    top = dict(fields)
    _require(bool(fields) and fields[0] == ("00", "01"), "BR Code sem o formato 01 no início.")
    _require("26" in top, "BR Code sem os dados da conta PIX (campo 26).")
    account = dict(_read_tlv(top["26"], "no campo 26"))
    _require(account.get("00", "").lower() == GUI, "BR Code não é de PIX (br.gov.bcb.pix).")
    _require("01" in account, "BR Code sem a chave PIX (só códigos estáticos são aceitos).")
    for tag, expected in (("52", None), ("53", "986"), ("58", "BR"), ("59", None), ("60", None)):
        _require(tag in top, f"BR Code sem o campo obrigatório {tag}.")
        _require(expected is None or top[tag] == expected, f"BR Code: campo {tag} inválido.")
    _require(top.get("01", "11") in ("11", "12"), "BR Code: campo 01 inválido.")
    amount = None
    if "54" in top:
        valid = len(top["54"]) <= AMOUNT_LIMIT and re.fullmatch(r"\d+(\.\d{1,2})?", top["54"])
        _require(bool(valid), "Valor do BR Code inválido.")
        amount = Decimal(top["54"]).quantize(Decimal("0.01"))
    additional = dict(_read_tlv(top["62"], "no campo 62")) if "62" in top else {}
    return ParsedPix(
        fields=tuple(fields),
        key=account["01"],
        name=top["59"],
        city=top["60"],
        amount=amount,
        txid=additional.get("05", ""),
        info=account.get("02", ""),
        postal_code=top.get("61", ""),
        initiation=top.get("01", ""),
    )


def pix_encode(fields: tuple[tuple[str, str], ...] | list[tuple[str, str]]) -> str:
    """Top-level fields (as `pix_parse` returns them) back into a payload with its CRC."""
    body = "".join(_tlv(tag, value) for tag, value in fields) + "6304"
    return body + crc16(body)


def pix_qr_svg(payload: str, *, scale: int = 4) -> str:
    """The QR code of a payload as inline SVG (segno, error correction M)."""
    import segno

    return str(segno.make(payload, error="m").svg_inline(scale=scale))


def pix_qr_png(payload: str, *, scale: int = 6) -> bytes:
    """The QR code of a payload as PNG bytes (segno, error correction M, quiet zone of 4)."""
    import segno

    buffer = io.BytesIO()
    segno.make(payload, error="m").save(buffer, kind="png", scale=scale, border=4)
    return buffer.getvalue()


def boleto_pix(payload: str, amount: Decimal) -> ParsedPix:
    """The BR Code printed on a boleto, checked: CRC and structure, the key's form, and the
    same amount as the boleto's (absent only when the boleto has no amount), so the payer
    paying either way pays the same. Errors name the field `pix`."""
    try:
        parsed = pix_parse(payload)
        pix_key(parsed.key)
    except BankingError as error:
        raise BankingError(f"PIX do boleto: {error.message}", field="pix") from None
    pix_amount = parsed.amount if parsed.amount is not None else Decimal("0.00")
    if pix_amount != amount:
        shown = "sem valor" if parsed.amount is None else format_brl(parsed.amount)
        raise BankingError(
            f"PIX do boleto com valor diferente do boleto ({shown}): gere o QR com o mesmo "
            "valor, para que o pagador pague o mesmo por qualquer dos dois meios.",
            field="pix",
        )
    return parsed
