"""Shipment files (remessa) that register boletos: CNAB 400 (BB CBR641, Bradesco, Itaú) and
CNAB 240 (FEBRABAN segments P, Q and R for BB, Caixa, Bradesco, Itaú, Sicoob and Sicredi).
ASCII, CRLF.

Every field is checked first (remessa_rules.py); a bad one is refused with its field and
reason and nothing is written. Positions: FACTS.md §10, the banks' samples in
shared/banking-fixtures/remessa and, where those are silent, brcobranca's layout notes [lib].
"""

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from atende.banking.cnab import remessa240, remessa400
from atende.banking.cnab.remessa_rules import check_remessa
from atende.banking.models import Beneficiary

NO_FINE = Decimal("0")


@dataclass(frozen=True)
class RemessaTitle:
    nosso_numero: str  # the sequence (bank rules add convênio/modalidade and DV)
    document_number: str  # seu número
    due_date: date
    amount: Decimal
    payer_name: str
    payer_document: str
    issue_date: date | None = None  # defaults to the day the file is generated
    payer_address: str = ""
    payer_district: str = ""
    payer_city: str = ""
    payer_state: str = ""
    payer_postal_code: str = ""
    fine_percent: Decimal = NO_FINE  # multa after the due date, in percent
    interest_per_day: Decimal = NO_FINE  # juros de mora, in reais per day
    discount_amount: Decimal = NO_FINE  # desconto if paid until `discount_until`
    discount_until: date | None = None
    company_reference: str = ""  # comes back in the return (defaults to the document number)


@dataclass(frozen=True)
class Remessa:
    bank: str
    layout: str  # "240" or "400"
    beneficiary: Beneficiary
    company_name: str
    company_document: str
    sequence: int  # NSA: the bank checks it grows by one per file
    titles: list[RemessaTitle] = field(default_factory=list)
    generated_at: datetime = field(default_factory=datetime.now)
    modality: str = ""  # Caixa: 11 (the Caixa prints) or 14 (the beneficiary prints); Sicoob
    post: str = ""  # Sicredi: posto da cooperativa


def build_remessa(remessa: Remessa) -> bytes:
    """The shipment file, ASCII with CRLF line ends (as the banks' systems expect), or a
    BankingError (field and reason) before anything is written."""
    checked = check_remessa(remessa)
    build = remessa400.build if checked.layout == "400" else remessa240.build
    lines = build(checked)
    return ("\r\n".join(lines) + "\r\n").encode("ascii")
