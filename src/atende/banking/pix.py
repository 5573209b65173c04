"""Static PIX BR Code (EMV® merchant-presented QR, BACEN): build, parse, CRC16 (FACTS.md §11)."""

import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from atende.banking.errors import BankingError

GUI = "br.gov.bcb.pix"
NAME_LIMIT, CITY_LIMIT, TXID_LIMIT = 25, 15, 25


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
        raise BankingError(f"Campo {tag} do PIX passa de 99 caracteres.", field=tag)
    return f"{tag}{len(value):02d}{value}"


def pix_text(text: str, limit: int) -> str:
    """Accents removed and only the characters the BR Code allows, cut at `limit`."""
    plain = unicodedata.normalize("NFKD", text or "")
    plain = "".join(char for char in plain if not unicodedata.combining(char))
    plain = re.sub(r"[^A-Za-z0-9 .,/&@()-]", "", plain)
    return re.sub(r"\s+", " ", plain).strip()[:limit]


def _amount(amount: object) -> str:
    if amount in (None, "", 0, "0"):
        return ""
    try:
        value = Decimal(str(amount)).quantize(Decimal("0.01"))
    except InvalidOperation:
        raise BankingError(f"Valor do PIX inválido: “{amount}”.", field="amount") from None
    if value < 0 or len(f"{value:.2f}") > 13:
        raise BankingError("Valor do PIX fora do limite.", field="amount")
    return "" if value == 0 else f"{value:.2f}"


def pix_payload(
    *,
    key: str,
    name: str,
    city: str,
    amount: object = None,
    txid: str | None = None,
    info: str = "",
    postal_code: str = "",
    uppercase: bool = False,
) -> str:
    """A static BR Code for a PIX key; name and city normalised and cut to 25 and 15.

    `uppercase=True` writes name and city in capitals, as many banks' apps do.
    """
    key = (key or "").strip()
    if not key:
        raise BankingError("Informe a chave PIX.", field="key")
    merchant_name, merchant_city = pix_text(name, NAME_LIMIT), pix_text(city, CITY_LIMIT)
    if uppercase:
        merchant_name, merchant_city = merchant_name.upper(), merchant_city.upper()
    if not merchant_name or not merchant_city:
        raise BankingError("Informe o nome e a cidade do recebedor.", field="name")
    clean_txid = re.sub(r"[^A-Za-z0-9]", "", txid or "")[:TXID_LIMIT] or "***"
    account = _tlv("00", GUI) + _tlv("01", key) + (_tlv("02", pix_text(info, 60)) if info else "")
    fields = [
        _tlv("00", "01"),
        _tlv("26", account),
        _tlv("52", "0000"),
        _tlv("53", "986"),
    ]
    value = _amount(amount)
    if value:
        fields.append(_tlv("54", value))
    fields += [_tlv("58", "BR"), _tlv("59", merchant_name), _tlv("60", merchant_city)]
    if postal_code:
        fields.append(_tlv("61", re.sub(r"\D", "", postal_code)))
    fields.append(_tlv("62", _tlv("05", clean_txid)))
    body = "".join(fields) + "6304"
    return body + crc16(body)


@dataclass(frozen=True)
class ParsedPix:
    fields: list[tuple[str, str]]
    key: str
    name: str
    city: str
    amount: Decimal | None
    txid: str
    info: str = ""
    postal_code: str = ""
    extra: dict[str, str] = field(default_factory=dict)


def _read_tlv(text: str) -> list[tuple[str, str]]:
    items, position = [], 0
    while position < len(text):
        if position + 4 > len(text) or not text[position : position + 4].isdigit():
            raise BankingError("BR Code malformado: campo incompleto.", field="payload")
        tag, length = text[position : position + 2], int(text[position + 2 : position + 4])
        value = text[position + 4 : position + 4 + length]
        if len(value) != length:
            raise BankingError(f"BR Code malformado: campo {tag} truncado.", field="payload")
        items.append((tag, value))
        position += 4 + length
    return items


def pix_parse(payload: str) -> ParsedPix:
    """Validate a BR Code (structure and CRC) and return its fields."""
    if not isinstance(payload, str) or len(payload) < 8:
        raise BankingError("BR Code vazio ou curto demais.", field="payload")
    payload = payload.strip()
    if payload[-8:-4] != "6304":
        raise BankingError("BR Code sem o CRC (campo 63) no final.", field="payload")
    if crc16(payload[:-4]) != payload[-4:].upper():
        raise BankingError("CRC do BR Code não confere.", field="payload")
    fields = _read_tlv(payload[:-4] + "0000")[:-1]
    top = dict(fields)
    if top.get("00") != "01":
        raise BankingError("BR Code sem o formato 01 no início.", field="payload")
    account = dict(_read_tlv(top.get("26", "")))
    if account.get("00", "").lower() != GUI:
        raise BankingError("BR Code não é de PIX (GUI br.gov.bcb.pix).", field="payload")
    additional = dict(_read_tlv(top.get("62", ""))) if "62" in top else {}
    try:
        amount = Decimal(top["54"]) if "54" in top else None
    except InvalidOperation:
        raise BankingError("Valor do BR Code inválido.", field="payload") from None
    return ParsedPix(
        fields=fields,
        key=account.get("01", ""),
        name=top.get("59", ""),
        city=top.get("60", ""),
        amount=amount,
        txid=additional.get("05", ""),
        info=account.get("02", ""),
        postal_code=top.get("61", ""),
    )


def pix_encode(fields: list[tuple[str, str]]) -> str:
    """Top-level fields (as `pix_parse` returns them) back into a payload with its CRC."""
    body = "".join(_tlv(tag, value) for tag, value in fields) + "6304"
    return body + crc16(body)


def pix_qr_svg(payload: str, *, scale: int = 4) -> str:
    """The QR code of a payload as inline SVG (segno)."""
    import segno

    return segno.make(payload, error="m").svg_inline(scale=scale)
