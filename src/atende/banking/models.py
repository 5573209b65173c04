"""The boleto's data, as small typed dataclasses. Money is Decimal."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal


@dataclass(frozen=True)
class Beneficiary:
    """Who receives: the organization's account at the bank (cedente/beneficiário)."""

    name: str = ""
    document: str = ""  # CPF or CNPJ digits
    agency: str = ""
    agency_dv: str = ""
    account: str = ""
    account_dv: str = ""
    # BB convênio; código do beneficiário at Caixa, Santander, Sicoob (with its DV) and Sicredi;
    # Itaú código do cliente (carteiras of 15 positions).
    agreement: str = ""
    agreement_dv: str = ""
    wallet: str = ""  # carteira
    wallet_variation: str = ""  # BB variação
    address: str = ""  # street and number, printed with the rest of the address
    district: str = ""
    city: str = ""
    state: str = ""
    postal_code: str = ""
    posto: str = ""  # Sicredi: the cooperativa's posto de atendimento (2 digits)


@dataclass(frozen=True)
class Payer:
    """Who pays (sacado/pagador)."""

    name: str = ""
    document: str = ""
    address: str = ""
    district: str = ""
    city: str = ""
    state: str = ""
    postal_code: str = ""


@dataclass(frozen=True)
class Boleto:
    """One boleto to issue: what the bank rules turn into a barcode and a linha digitável."""

    bank: str  # "001", "033", "104", "237", "341", "748", "756"
    amount: Decimal
    due_date: date | None
    nosso_numero: str  # the sequence the organization assigned (bank rules add the rest)
    beneficiary: Beneficiary
    payer: Payer = field(default_factory=Payer)
    document_number: str = ""
    issue_date: date | None = None
    instructions: tuple[str, ...] = ()
    pix_payload: str = ""
    # Bank-specific switches: BB "free 17-digit nosso número" (Anexo X); Caixa and Sicoob
    # modalidade; Sicoob parcela; Santander iof; Sicredi ano and byte.
    options: dict[str, object] = field(default_factory=dict)
    # Sacador/avalista: who assigned the credit to the beneficiary, printed on the slip.
    guarantor_name: str = ""
    guarantor_document: str = ""
    # The slip's right-hand column; usually left blank for the bank to fill. None prints blank.
    discount: Decimal | None = None  # (-) Desconto / abatimento
    other_deductions: Decimal | None = None  # (-) Outras deduções
    fine: Decimal | None = None  # (+) Mora / multa
    other_additions: Decimal | None = None  # (+) Outros acréscimos
    charged: Decimal | None = None  # (=) Valor cobrado


@dataclass(frozen=True)
class BoletoCodes:
    """What `boleto_codes` computes for a Boleto."""

    barcode: str  # 44 digits
    linha_digitavel: str  # formatted, 54 characters
    nosso_numero: str  # as printed on the boleto
    free_field: str  # 25 digits
