"""SMS texts with placeholders ({nome}, {codigo}, …) and how many SMS a text costs.

Counting follows GSM 03.38: texts in the GSM 7-bit alphabet take 160 characters in one SMS and
153 per part when split; any other character (ã, õ, ç, á, emoji…) sends the whole text as UCS-2,
70 characters in one SMS and 67 per part. Characters of the extension table (€, [, ], {, }…)
count twice in GSM 7-bit.
"""

import re
from dataclasses import dataclass

from atende.core.errors import DomainError
from atende.customers.errors import CustomerError

SMS_MAX_LENGTH = 480
PLACEHOLDERS = {
    "nome": "nome do contato",
    "primeiro_nome": "primeiro nome do contato",
    "cliente": "nome do cliente",
    "codigo": "código do cliente",
    "empresa": "nome da sua empresa",
}
_PLACEHOLDER = re.compile(r"\{([^{}\s]*)\}")
_GSM7 = set(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
_GSM7_EXTENSION = set("^{}\\[~]|€\f")


@dataclass(frozen=True)
class SmsSize:
    characters: int
    parts: int
    is_unicode: bool

    @property
    def per_part(self) -> int:
        if self.is_unicode:
            return 70 if self.parts <= 1 else 67
        return 160 if self.parts <= 1 else 153


def sms_size(text: str) -> SmsSize:
    """Characters as the network counts them and the number of SMS the text takes."""
    if all(char in _GSM7 or char in _GSM7_EXTENSION for char in text):
        units = sum(2 if char in _GSM7_EXTENSION else 1 for char in text)
        parts = 1 if units <= 160 else -(-units // 153)
        return SmsSize(units, parts if units else 0, is_unicode=False)
    units = len(text.encode("utf-16-le")) // 2
    parts = 1 if units <= 70 else -(-units // 67)
    return SmsSize(units, parts, is_unicode=True)


def sms_placeholders_check(text: str, *, field: str = "text") -> None:
    """Refuse placeholders we cannot fill in (a typo would reach the customer as `{nmoe}`)."""
    unknown = sorted({name for name in _PLACEHOLDER.findall(text) if name not in PLACEHOLDERS})
    if unknown:
        known = ", ".join(f"{{{name}}}" for name in PLACEHOLDERS)
        raise DomainError(
            f"Marcador desconhecido: {', '.join(f'{{{name}}}' for name in unknown)}. Use {known}.",
            code=CustomerError.PLACEHOLDER,
            field=field,
        )


def sms_text_render(
    text: str, *, contact_name: str, customer_name: str, customer_number: int, company: str
) -> str:
    """The text with its placeholders filled in for one recipient."""
    values = {
        "nome": contact_name,
        "primeiro_nome": (contact_name.split() or [""])[0],
        "cliente": customer_name,
        "codigo": str(customer_number),
        "empresa": company,
    }
    return _PLACEHOLDER.sub(lambda match: values.get(match.group(1), match.group(0)), text)
