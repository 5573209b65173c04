"""Brazilian phone numbers in one shape: `(19) 3232-4545`, `(19) 99123-4567`, `0800 123 4567`.

`phonenumbers` is not in the venv, so this covers what Brazilian registries hold: DDD + 8-digit
landlines, DDD + 9-digit mobiles (starting with 9, ANATEL 2016), the trunk prefix 0 and carrier
codes (0 XX DDD …), +55, and 0300/0500/0800/0900 numbers. A number from another country is
kept as `+` and its digits.
"""

import re

# Area codes in use (ANATEL plan): 11–99 without the unassigned ones.
VALID_DDDS = frozenset(
    {11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 22, 24, 27, 28}
    | {31, 32, 33, 34, 35, 37, 38, 41, 42, 43, 44, 45, 46, 47, 48, 49, 51, 53, 54, 55}
    | {61, 62, 63, 64, 65, 66, 67, 68, 69, 71, 73, 74, 75, 77, 79}
    | {81, 82, 83, 84, 85, 86, 87, 88, 89, 91, 92, 93, 94, 95, 96, 97, 98, 99}
)
_SPECIAL = re.compile(r"0[3589]00\d{7}")


class InvalidPhone(ValueError):
    """The text is not a phone number we can call; the message is Portuguese."""


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def _national(number: str) -> str:
    """Strip +55, the trunk 0 and a carrier code, leaving DDD + subscriber number."""
    if number.startswith("55") and len(number) in (12, 13):
        return number[2:]
    if number.startswith("0"):
        rest = number[1:]
        if len(rest) in (10, 11):
            return rest
        if len(rest) in (12, 13):  # 0 + two-digit carrier code + DDD + number
            return rest[2:]
    return number


def phone_normalise(text: str, *, mobile: bool = False) -> str:
    """`"+55 19 991234567"` → `"(19) 99123-4567"`; "" stays ""; InvalidPhone otherwise."""
    text = (text or "").strip()
    if not text:
        return ""
    if re.search(r"[^\d\s()+.\-/]", text):
        raise InvalidPhone("Telefone inválido: use só números, com DDD.")
    number = _digits(text)
    if text.startswith("+") and not number.startswith("55"):
        if not 8 <= len(number) <= 15:
            raise InvalidPhone("Telefone internacional inválido.")
        return "+" + number
    if _SPECIAL.fullmatch(number) and not mobile:
        return f"{number[:4]} {number[4:7]} {number[7:]}"
    number = _national(number)
    if len(number) not in (10, 11):
        raise InvalidPhone("Telefone inválido: informe DDD e número (10 ou 11 dígitos).")
    if int(number[:2]) not in VALID_DDDS:
        raise InvalidPhone(f"DDD {number[:2]} não existe.")
    subscriber = number[2:]
    if len(subscriber) == 9 and subscriber[0] != "9":
        raise InvalidPhone("Celular com 9 dígitos começa com 9.")
    if mobile and len(subscriber) != 9:
        raise InvalidPhone("Celular: informe DDD e os 9 dígitos, começando com 9.")
    return f"({number[:2]}) {subscriber[:-4]}-{subscriber[-4:]}"


def phone_display(text: str) -> str:
    """The stored number in the one format, or as it was when it cannot be read (old rows)."""
    try:
        return phone_normalise(text)
    except InvalidPhone:
        return text or ""
