"""Every field of a remessa checked against the bank's rules before a byte is written.

`check_remessa` returns the values exactly as they will be written, or raises one BankingError
naming the field (the CLI's JSON key, `titulos[2].valor` for the third título) and the reason.
Widths are the layouts' own (FACTS.md §10 and the samples in shared/banking-fixtures/remessa).
"""

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from atende.banking.cnab import validation as v
from atende.banking.cnab.remessa_accounts import ACCOUNTS, Account, NumberRule
from atende.banking.errors import BankingError
from atende.banking.factor import FIRST_DATE, LAST_DUE

if TYPE_CHECKING:
    from atende.banking.cnab.remessa import Remessa, RemessaTitle

FIRST_DUE = FIRST_DATE  # fator 1000 (FACTS.md §4)
BOLETO_MAX = Decimal("99999999.99")  # the barcode's 10 digits (FACTS.md §1)
CAIXA_MAX = Decimal("9999999.99")  # CX-BOL Anexo V
ZERO = Decimal("0.00")


@dataclass(frozen=True)
class Widths:
    """Field widths of one layout; 0 means the layout has no such field."""

    nosso_numero: int
    document: int
    name: int
    address: int
    district: int
    city: int
    agency: int
    account: int
    agreement: int
    maximum: Decimal = BOLETO_MAX
    reference: int = 25  # uso da empresa / controle do participante


WIDTHS: dict[tuple[str, str], Widths] = {
    ("400", "001"): Widths(10, 10, 37, 40, 12, 15, 4, 8, 7),  # CBR641, brcobranca sample
    ("400", "237"): Widths(11, 10, 40, 40, 0, 0, 5, 7, 20),  # BRA-400 p.9-16
    ("240", "001"): Widths(10, 15, 40, 40, 15, 15, 5, 12, 7),  # BB-240, P/Q
    ("240", "104"): Widths(15, 11, 40, 40, 15, 15, 5, 0, 7, CAIXA_MAX),  # CX-240 p.50
    ("240", "237"): Widths(11, 15, 40, 40, 15, 15, 5, 12, 20),  # BRA-240
    ("400", "341"): Widths(8, 10, 30, 40, 12, 15, 4, 5, 0),  # ITAU-BOL §3.1 [lib: brcobranca]
    ("240", "341"): Widths(8, 10, 30, 40, 15, 15, 4, 5, 0),  # ITAU-240 §3.1 [lib: brcobranca]
    ("240", "756"): Widths(7, 15, 40, 40, 15, 15, 4, 12, 10),  # SIC-XLS, FEBRABAN P/Q
    ("240", "748"): Widths(8, 15, 40, 40, 15, 15, 4, 12, 5),  # SCR-240, FEBRABAN P/Q
}


@dataclass(frozen=True)
class Title:
    index: int
    nosso_numero: str
    document_number: str
    company_reference: str
    due_date: date
    issue_date: date
    amount: Decimal
    payer_kind: str  # "01" CPF, "02" CNPJ
    payer_document: str
    payer_name: str
    payer_address: str
    payer_district: str
    payer_city: str
    payer_state: str
    payer_postal_code: str
    fine_percent: Decimal
    interest_per_day: Decimal
    discount_amount: Decimal
    discount_until: date | None


@dataclass(frozen=True)
class Checked:
    bank: str
    layout: str
    account: Account
    company_name: str
    company_document: str
    company_kind: str
    sequence: int
    generated_at: datetime
    titles: list[Title]


def _kind(document: str) -> str:
    return "01" if len(document) == 11 else "02"


def _title(
    index: int,
    t: "RemessaTitle",
    widths: Widths,
    generated: date,
    account: Account,
    nosso_numero_rule: NumberRule,
) -> Title:
    at = f"titulos[{index}]."
    nosso_numero = nosso_numero_rule(t.nosso_numero, account, widths.nosso_numero, at)
    amount = v.money(t.amount, field=at + "valor", label="Valor", maximum=widths.maximum)
    due = v.when(t.due_date, field=at + "vencimento", label="Vencimento")
    issue = v.when(t.issue_date, field=at + "data_emissao", label="Emissão", required=False)
    issue = issue or generated
    assert due is not None
    if not FIRST_DUE <= due <= LAST_DUE:
        raise BankingError(
            "Vencimento: entre 03/07/2000 e 13/10/2049 (o fator de vencimento depois de "
            "13/10/2049 ainda não foi publicado pela FEBRABAN).",
            field=at + "vencimento",
        )
    if issue > due:
        raise BankingError(f"Vencimento: anterior à emissão ({issue:%d/%m/%Y}).",
                           field=at + "vencimento")  # fmt: skip
    if issue < date(2000, 1, 1):
        raise BankingError("Emissão: anterior a 2000.", field=at + "data_emissao")
    fine = v.money(t.fine_percent, field=at + "multa", label="Multa (%)",
                   maximum=Decimal("99.99"), positive=False)  # fmt: skip
    interest = v.money(t.interest_per_day, field=at + "juros_dia", label="Juros por dia",
                       maximum=amount, positive=False)  # fmt: skip
    discount = v.money(t.discount_amount, field=at + "desconto", label="Desconto",
                       maximum=amount, positive=False)  # fmt: skip
    until = v.when(t.discount_until, field=at + "desconto_ate", label="Desconto até",
                   required=False)  # fmt: skip
    if discount and discount >= amount:
        raise BankingError("Desconto: deve ser menor que o valor.", field=at + "desconto")
    if bool(discount) != (until is not None):
        raise BankingError("Desconto: informe o valor e a data limite juntos.",
                           field=at + ("desconto_ate" if discount else "desconto"))  # fmt: skip
    if until is not None and not issue <= until <= due:
        raise BankingError("Desconto até: entre a emissão e o vencimento.",
                           field=at + "desconto_ate")  # fmt: skip
    payer = v.document(t.payer_document, field=at + "documento_pagador",
                       label="CPF/CNPJ do pagador")  # fmt: skip

    def words(value: object, key: str, label: str, width: int, required: bool = True) -> str:
        if not width:
            return ""
        return v.text(value, field=at + key, label=label, width=width, required=required)

    return Title(
        index=index, nosso_numero=nosso_numero,
        document_number=words(t.document_number, "numero_documento", "Número do documento",
                              widths.document),
        company_reference=words(t.company_reference or t.document_number, "referencia",
                                "Referência da empresa", widths.reference),
        due_date=due, issue_date=issue, amount=amount, payer_kind=_kind(payer),
        payer_document=payer, payer_name=words(t.payer_name, "pagador", "Pagador", widths.name),
        payer_address=words(t.payer_address, "endereco", "Endereço", widths.address),
        payer_district=words(t.payer_district, "bairro", "Bairro", widths.district, False),
        payer_city=words(t.payer_city, "cidade", "Cidade", widths.city),
        payer_state=v.state(t.payer_state, field=at + "uf", label="UF") if widths.city else "",
        payer_postal_code=v.postal_code(t.payer_postal_code, field=at + "cep", label="CEP"),
        fine_percent=fine, interest_per_day=interest, discount_amount=discount,
        discount_until=until,
    )  # fmt: skip


def check_remessa(remessa: "Remessa") -> Checked:
    """The remessa as it will be written, or a BankingError for the first bad field."""
    key = (str(remessa.layout), str(remessa.bank))
    if key not in WIDTHS:
        raise BankingError(
            f"Remessa CNAB {str(remessa.layout)[:5]} do banco {str(remessa.bank)[:5]} não "
            "suportada.",
            field="bank",
        )
    widths = WIDTHS[key]
    if not isinstance(remessa.generated_at, datetime):
        raise BankingError("Data de geração inválida.", field="gerado_em")
    if isinstance(remessa.sequence, bool) or not isinstance(remessa.sequence, int):
        raise BankingError("Sequencial: deve ser um número inteiro.", field="sequencial")
    if not 1 <= remessa.sequence <= 999_999:
        raise BankingError("Sequencial: de 1 a 999999.", field="sequencial")
    if not remessa.titles:
        raise BankingError("A remessa precisa de ao menos um título.", field="titulos")
    if len(remessa.titles) > 99_999:
        raise BankingError("No máximo 99 999 títulos por remessa.", field="titulos")
    company = v.document(remessa.company_document, field="documento_empresa",
                         label="CPF/CNPJ da empresa")  # fmt: skip
    company_name = v.text(remessa.company_name, field="empresa", label="Empresa", width=30)
    account = ACCOUNTS[key[1]].account(remessa, widths.agency, widths.account, widths.agreement)
    generated = remessa.generated_at.date()
    number = ACCOUNTS[key[1]].nosso_numero
    titles = [
        _title(i, t, widths, generated, account, number) for i, t in enumerate(remessa.titles)
    ]
    seen: dict[str, int] = {}
    for title in titles:
        if title.nosso_numero.lstrip("0") in seen:
            first = seen[title.nosso_numero.lstrip("0")]
            raise BankingError(
                f"Nosso número repetido na remessa (títulos {first} e {title.index}).",
                field=f"titulos[{title.index}].nosso_numero",
            )
        seen[title.nosso_numero.lstrip("0")] = title.index
    return Checked(
        bank=key[1], layout=key[0], account=account, company_name=company_name,
        company_document=company, company_kind=_kind(company), sequence=remessa.sequence,
        generated_at=remessa.generated_at, titles=titles,
    )  # fmt: skip
