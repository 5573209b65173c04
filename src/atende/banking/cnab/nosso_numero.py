"""The nosso número of a return record, three ways: as the bank wrote it (raw), without the DV
(the number the título was registered with) and as the boleto printed it (with the DV).

Each bank writes it differently (FACTS.md §3, §5-§7, §9; FACTS-more-banks.md §1.2-§4.2). Where
the file carries the DV, it is kept as sent, never recomputed; only Caixa CNAB 400 leaves it
out, and then it is computed with Caixa's own rule (CX-BOL §6). The printed forms with a
carteira or a year are the boleto rules' own functions (banks/), so the two cannot drift apart
(tests/test_nosso_numero_agreement.py).
"""

from atende.banking.banks import bradesco as bradesco_rules
from atende.banking.banks import itau as itau_rules
from atende.banking.banks import sicredi as sicredi_rules
from atende.banking.digits import modulo11_caixa


def bb(raw: str) -> tuple[str, str]:
    """BB, left-aligned: convênio 7 (and the free NN) → 17 digits without DV; convênio 4 or
    6 → 11 + DV (G069, FACTS.md §5). Convênio 8 [lib only, not in G069]: 17 digits + DV, as
    the boleto prints it ("12387989777700168-7", brcobranca's vectors bb-01/02)."""
    value = raw.strip()
    if len(value) in (12, 18):  # CCCCSSSSSSSD / CCCCCCSSSSSD / CCCCCCCCSSSSSSSSSD
        return value[:-1], f"{value[:-1]}-{value[-1]}"
    return value, value


def caixa(modality: str, number: str, dv: str = "") -> tuple[str, str]:
    """Caixa SIGCB: modalidade (11/14/21/24) + 15 digits, `-DV` printed after the 17."""
    if not number.strip("0 "):
        return "", ""  # tarifas diversas (34) and débito de tarifas (28) carry no título
    full = modality + number
    if not dv.strip() and full.isascii() and full.isdigit():
        dv = str(modulo11_caixa(full))
    return full, f"{full}-{dv.strip()}"


def bradesco(wallet: str, number: str, dv: str) -> tuple[str, str]:
    """Bradesco `CC/NNNNNNNNNNN-D` (BRA-400 p.17-19); the DV may be "P"."""
    if not (number + dv).strip("0 "):
        return "", ""
    return number, bradesco_rules.printed(wallet, number, dv)


def itau(wallet: str, number: str, dac: str) -> tuple[str, str]:
    """Itaú `CCC/NNNNNNNN-D` (ITAU-BOL nota 23 p.34)."""
    if not (number + dac).strip("0 "):
        return "", ""
    return number, itau_rules.printed(wallet, number, dac)


def with_dv(number: str, dv: str) -> tuple[str, str]:
    """Santander (12 + DV, or 7 + DV in CNAB 400) and Sicoob (NN + DV): `NNN-D`. A number
    of zeros with a DV is kept (masked samples have `000000000000` + 1)."""
    if not (number + dv).strip("0 "):
        return "", ""
    return number, f"{number}-{dv}"


def sicoob_240(raw: str) -> tuple[str, str]:
    """T 38-47: the NN with its DV, zero-filled to 10 (SIC-XLS sheet 06 row 80)."""
    field = raw[:10]
    if not field.strip("0 "):
        return "", ""  # blank when Sicoob printed the boleto
    return with_dv(field[:9].lstrip("0").zfill(7), field[9])


def sicredi(raw: str) -> tuple[str, str]:
    """`AAByyyyyD`, left-aligned, printed `AA/Byyyyy-D` (SCR-400 §5.3 p.7)."""
    value = raw.strip()
    if len(value) != 9:
        return value, value
    return value[:8], sicredi_rules.printed(value)
