"""Banks that take direct debit (débito automático, FEBRABAN layout 150) for the bank list of
the direct-debit form. The boleto banks come from the banking core; the others are banks that
offer the same automatic debit to companies."""

from atende.banking.banks import BANK_NAMES

DIRECT_DEBIT_BANKS: dict[str, str] = dict(
    sorted(
        {
            **BANK_NAMES,
            "021": "Banestes",
            "041": "Banrisul",
            "070": "BRB – Banco de Brasília",
            "077": "Banco Inter",
            "389": "Banco Mercantil do Brasil",
            "422": "Banco Safra",
        }.items()
    )
)


def bank_label(code: str) -> str:
    """`"237"` → `"237 – Bradesco"`; an unknown code as it is."""
    name = DIRECT_DEBIT_BANKS.get(code)
    return f"{code} – {name}" if name else code


def direct_debit_identifier(customer_number: int) -> str:
    """The identifier the bank reports each debit under: the customer's code, zero-padded (the
    seed's "Código Identificador" is filled in by the system, not typed)."""
    return f"{customer_number:08d}"
