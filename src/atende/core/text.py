"""Text normalisation for accent- and case-insensitive search."""

import re
import unicodedata


def fold(text: str) -> str:
    """`"  João  D'Ávila "` → `"joao davila"`: no accents or apostrophes, lowercase, single
    spaces."""
    decomposed = unicodedata.normalize("NFKD", (text or "").replace("'", "").replace("’", ""))
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return re.sub(r"\s+", " ", plain).strip().lower()


def digits(text: str) -> str:
    return re.sub(r"\D", "", text or "")


def format_cep(cep: str) -> str:
    """`13010000` → `13010-000`."""
    number = digits(cep)
    return f"{number[:5]}-{number[5:]}" if len(number) == 8 else (cep or "")
