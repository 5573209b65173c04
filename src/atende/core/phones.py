"""Phone numbers in one shape: `(19) 3232-4545`, `(19) 99123-4567`, `0800 123 4567`, and
`+14155551234` for another country. Google's `phonenumbers` (libphonenumber's metadata) decides
what is a number, a mobile or a DDD in use; this module only words the refusals in Portuguese.
"""

import re

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat, PhoneNumberType

REGION = "BR"
MOBILE_TYPES = {PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE}
# Carrier selection (0 + two-digit carrier code + DDD + number), which `phonenumbers` keeps as
# part of the number: dialled from Brazil, the carrier is not the subscriber's.
_CARRIER_PREFIX = re.compile(r"0\d{2}(?=\d{10,11}$)")
_NON_GEOGRAPHIC = re.compile(r"0[3589]00")  # 0300, 0500, 0800, 0900: the 0 is the number's


class InvalidPhone(ValueError):
    """The text is not a phone number we can call; the message is Portuguese."""


def _parse(text: str) -> phonenumbers.PhoneNumber:
    if re.search(r"[^\d\s()+.\-/]", text):
        raise InvalidPhone("Telefone inválido: use só números, com DDD.")
    typed = re.sub(r"\D", "", text)
    if not text.startswith("+"):
        typed = _CARRIER_PREFIX.sub("", typed)
        if typed.startswith("0") and len(typed) in (11, 12) and not _NON_GEOGRAPHIC.match(typed):
            typed = typed[1:]  # the trunk 0 before the DDD
    try:
        return phonenumbers.parse(("+" if text.startswith("+") else "") + typed, REGION)
    except NumberParseException:
        raise InvalidPhone("Telefone inválido: informe DDD e número (10 ou 11 dígitos).") from None


def _refusal(number: phonenumbers.PhoneNumber) -> str:
    if number.country_code != 55:
        return "Telefone internacional inválido."
    national = str(number.national_number)
    if len(national) not in (10, 11):
        return "Telefone inválido: informe DDD e número (10 ou 11 dígitos)."
    if not phonenumbers.is_valid_number_for_region(
        phonenumbers.parse(f"+55{national[:2]}{'9' * 9}", REGION), REGION
    ):
        return f"DDD {national[:2]} não existe."
    if len(national) == 11:
        return "Celular com 9 dígitos começa com 9."
    return "Telefone inválido: confira o número."


def phone_normalise(text: str, *, mobile: bool = False) -> str:
    """`"+55 19 991234567"` → `"(19) 99123-4567"`; "" stays ""; InvalidPhone otherwise."""
    text = (text or "").strip()
    if not text:
        return ""
    number = _parse(text)
    if not phonenumbers.is_valid_number(number):
        raise InvalidPhone(_refusal(number))
    if mobile and phonenumbers.number_type(number) not in MOBILE_TYPES:
        raise InvalidPhone("Celular: informe DDD e os 9 dígitos, começando com 9.")
    if number.country_code != 55:
        return phonenumbers.format_number(number, PhoneNumberFormat.E164)
    return phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)


def phone_display(text: str) -> str:
    """The stored number in the one format, or as it was when it cannot be read (old rows)."""
    try:
        return phone_normalise(text)
    except InvalidPhone:
        return text or ""
