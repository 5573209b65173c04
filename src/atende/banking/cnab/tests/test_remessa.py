"""Shipment files: bad input refused with its field and reason before a byte is written; good
input round-trips through our reader (positions are checked in test_remessa_positions.py)."""

from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from atende.banking.cnab.remessa import Remessa, RemessaTitle, build_remessa
from atende.banking.cnab.remessa_reader import read_remessa
from atende.banking.errors import BankingError
from atende.banking.models import Beneficiary

CPF, CNPJ = "52998224725", "11222333000181"
TITLE = RemessaTitle(
    nosso_numero="123", document_number="6969", due_date=date(2026, 7, 14),
    amount=Decimal("199.90"), payer_name="Pablo Diego José", payer_document=CPF,
    issue_date=date(2026, 7, 1), payer_address="Rua Rio Grande do Sul", payer_city="Cássia",
    payer_state="MG", payer_postal_code="12345678",
)  # fmt: skip
BENEFICIARIES = {
    ("400", "001"): Beneficiary(agency="1234", account="1234", agreement="1234567",
                                wallet="12", wallet_variation="123"),
    ("400", "237"): Beneficiary(agency="12345", account="1234567", account_dv="1",
                                agreement="123", wallet="01"),
    ("240", "001"): Beneficiary(agency="1234", account="12345", agreement="1234567",
                                wallet="12", wallet_variation="019"),
    ("240", "104"): Beneficiary(agency="12345", agency_dv="1", agreement="123456", wallet="1"),
    ("240", "237"): Beneficiary(agency="1234", agency_dv="0", account="123456",
                                account_dv="0", agreement="123", wallet="09"),
}  # fmt: skip


def remessa(layout: str = "240", bank: str = "104", titles=(TITLE,), **changes) -> Remessa:
    beneficiary = replace(BENEFICIARIES[(layout, bank)], **changes.pop("beneficiary", {}))
    fields = {
        "bank": bank, "layout": layout, "beneficiary": beneficiary,
        "company_name": "Sociedade Brasileira Zoologia", "company_document": CNPJ,
        "sequence": 1, "titles": list(titles),
        "generated_at": datetime(2026, 7, 1, 16, 15, 15, tzinfo=UTC),
    }  # fmt: skip
    return Remessa(**(fields | changes))


def refused(layout: str = "240", bank: str = "104", title=None, **changes) -> BankingError:
    with pytest.raises(BankingError) as caught:
        build_remessa(remessa(layout, bank, titles=[title or TITLE], **changes))
    return caught.value


@pytest.mark.parametrize(("layout", "bank"), sorted(BENEFICIARIES))
def test_round_trip(layout, bank):
    second = replace(TITLE, nosso_numero="124", document_number="7070",
                     due_date=date(2049, 10, 13), amount=Decimal("1234.56"),
                     payer_name="Ana Souza", payer_document="529.982.247-25")  # fmt: skip
    content = build_remessa(remessa(layout, bank, titles=[TITLE, second]))
    read_layout, read_bank, entries = read_remessa(content)
    assert (read_layout, read_bank) == (layout, bank)
    assert [(e.amount, e.due_date, e.document_number, e.payer_document[-11:]) for e in entries] == [
        (Decimal("199.90"), date(2026, 7, 14), "6969", CPF),
        (Decimal("1234.56"), date(2049, 10, 13), "7070", CPF),
    ]
    assert [e.payer_name for e in entries] == ["PABLO DIEGO JOSE", "ANA SOUZA"]
    assert content.count(b"\r\n") == len(content.split(b"\r\n")) - 1


# What the first reading found written silently; each is now refused with field and reason.
REFUSALS = [
    ({"amount": Decimal("-5.00")}, "titulos[0].valor", "Valor: o valor não pode ser negativo."),
    ({"amount": Decimal("10.005")}, "titulos[0].valor", "Valor: no máximo duas casas decimais."),
    ({"amount": Decimal("0")}, "titulos[0].valor", "Valor: o valor deve ser maior que zero."),
    ({"amount": Decimal("10000000.00")}, "titulos[0].valor",
     "Valor: no máximo 9999999.99 (recebido 10000000.00)."),
    ({"due_date": date(1990, 1, 1)}, "titulos[0].vencimento", "Vencimento: entre 03/07/2000"),
    ({"due_date": date(2070, 1, 1)}, "titulos[0].vencimento", "Vencimento: entre 03/07/2000"),
    ({"due_date": date(2049, 10, 14)}, "titulos[0].vencimento", "ainda não foi publicado"),
    ({"due_date": date(2026, 6, 30)}, "titulos[0].vencimento",
     "Vencimento: anterior à emissão (01/07/2026)."),
    ({"payer_document": ""}, "titulos[0].documento_pagador",
     "CPF/CNPJ do pagador: campo obrigatório."),
    ({"payer_document": "52998224724"}, "titulos[0].documento_pagador",
     "CPF/CNPJ do pagador: CPF com dígito verificador errado."),
    ({"payer_document": "11222333000180"}, "titulos[0].documento_pagador",
     "CNPJ com dígito verificador errado."),
    ({"payer_document": "1234"}, "titulos[0].documento_pagador", "informe um CPF (11 dígitos)"),
    ({"payer_name": ""}, "titulos[0].pagador", "Pagador: campo obrigatório."),
    ({"payer_name": "  "}, "titulos[0].pagador", "Pagador: campo obrigatório."),
    ({"payer_name": "X" * 41}, "titulos[0].pagador",
     "Pagador: no máximo 40 caracteres neste leiaute (recebido 41)."),
    ({"payer_name": "Loja 🛒"}, "titulos[0].pagador",
     "Pagador: o caractere “🛒” não pode ir no arquivo do banco."),
    ({"payer_name": "Ana\nSouza"}, "titulos[0].pagador", "o caractere '\\n' não pode ir"),
    ({"payer_postal_code": "1234"}, "titulos[0].cep", "CEP: o CEP tem 8 dígitos"),
    ({"payer_postal_code": ""}, "titulos[0].cep", "CEP: campo obrigatório."),
    ({"payer_state": "XX"}, "titulos[0].uf", "UF: UF inválida “XX”."),
    ({"payer_city": ""}, "titulos[0].cidade", "Cidade: campo obrigatório."),
    ({"payer_address": ""}, "titulos[0].endereco", "Endereço: campo obrigatório."),
    ({"nosso_numero": "12A"}, "titulos[0].nosso_numero", "Nosso número: use apenas dígitos"),
    ({"nosso_numero": "0"}, "titulos[0].nosso_numero", "Nosso número: não pode ser zero."),
    ({"nosso_numero": "1" * 16}, "titulos[0].nosso_numero", "no máximo 15 dígitos"),
    ({"document_number": ""}, "titulos[0].numero_documento", "campo obrigatório"),
    ({"document_number": "123456789012"}, "titulos[0].numero_documento", "no máximo 11"),
    ({"fine_percent": Decimal("100")}, "titulos[0].multa", "Multa (%): no máximo 99.99"),
    ({"interest_per_day": Decimal("200")}, "titulos[0].juros_dia", "Juros por dia: no máximo"),
    ({"interest_per_day": Decimal("-1")}, "titulos[0].juros_dia", "não pode ser negativo"),
    ({"discount_amount": Decimal("5")}, "titulos[0].desconto_ate",
     "Desconto: informe o valor e a data limite juntos."),
    ({"discount_amount": Decimal("199.90"), "discount_until": date(2026, 7, 10)},
     "titulos[0].desconto", "Desconto: deve ser menor que o valor."),
    ({"discount_amount": Decimal("5"), "discount_until": date(2026, 7, 15)},
     "titulos[0].desconto_ate", "Desconto até: entre a emissão e o vencimento."),
    ({"amount": 10.5}, "titulos[0].valor", "informe o valor como número ou texto"),
    ({"nosso_numero": 10**5000}, "titulos[0].nosso_numero", "Nosso número: número grande demais."),
    ({"issue_date": date(1999, 12, 31), "due_date": date(2000, 7, 3)},
     "titulos[0].data_emissao", "Emissão: anterior a 2000."),
]  # fmt: skip


@pytest.mark.parametrize(("change", "field", "message"), REFUSALS)
def test_bad_titles_are_refused_with_field_and_reason(change, field, message):
    error = refused(title=replace(TITLE, **change))
    assert (error.field, message in error.message) == (field, True), error.message


BENEFICIARY_REFUSALS = [
    ("400", "001", {"agency": "12A4"}, "agencia", "Agência: use apenas dígitos (recebido “12A4”)."),
    ("400", "001", {"account": "1234-3", "account_dv": "4"}, "conta",
     "Conta: DV “3” depois do hífen e “4” no campo do DV não conferem."),
    ("400", "001", {"account": "1234", "account_dv": "4"}, "conta_dv",
     "DV não confere: informado 4, calculado 3."),
    ("400", "001", {"agency_dv": "9"}, "agencia_dv", "DV não confere: informado 9, calculado 3."),
    ("400", "001", {"agreement": "123456"}, "convenio", "convênios de 7 dígitos"),
    ("400", "001", {"wallet": "18"}, "carteira", "Carteira do BB: 11, 12 ou 17"),
    ("400", "001", {"wallet_variation": ""}, "variacao", "Variação: campo obrigatório."),
    ("400", "237", {"account_dv": ""}, "conta_dv", "Conta: informe o DV."),
    ("400", "237", {"agency": "123456"}, "agencia", "Agência: no máximo 5 dígitos"),
    ("240", "104", {"wallet": "SR"}, "carteira", "Sem registro (21/24, SR) não vai em remessa"),
    ("240", "104", {"wallet": "7"}, "carteira", "Modalidade da Caixa inválida “7”"),
    ("240", "104", {"agreement": "1103388"}, "convenio", "leiaute 107 da Caixa"),
    ("240", "104", {"agency_dv": ""}, "agencia_dv", "Agência: informe o DV."),
]  # fmt: skip


@pytest.mark.parametrize(("layout", "bank", "change", "field", "message"), BENEFICIARY_REFUSALS)
def test_bad_accounts_are_refused(layout, bank, change, field, message):
    error = refused(layout, bank, beneficiary=change)
    assert (error.field, message in error.message) == (field, True), error.message


def test_an_account_typed_with_its_dv_is_split_not_glued():
    # "1234-3" used to become 00012343: the DV glued into the number.
    content = build_remessa(remessa("400", "001", beneficiary={"account": "1234-3"}))
    detail = content.decode().split("\r\n")[1]
    assert (detail[22:30], detail[30]) == ("00001234", "3")


def test_remessa_level_refusals():
    assert refused(company_document="12345678910").field == "documento_empresa"
    assert refused(company_name="").field == "empresa"
    assert refused(sequence=0).field == "sequencial"
    assert refused(modality="24").message.startswith("Sem registro")
    with pytest.raises(BankingError) as unsupported:
        build_remessa(replace(remessa(), layout="400"))
    assert (unsupported.value.field, unsupported.value.message) == (
        "bank", "Remessa CNAB 400 do banco 104 não suportada.")  # fmt: skip
    with pytest.raises(BankingError, match="ao menos um título") as empty:
        build_remessa(remessa(titles=()))
    assert empty.value.field == "titulos"
    twice = [TITLE, replace(TITLE, nosso_numero="0123", document_number="7")]
    with pytest.raises(BankingError, match=r"repetido na remessa \(títulos 0 e 1\)") as dup:
        build_remessa(remessa(titles=twice))
    assert dup.value.field == "titulos[1].nosso_numero"


def test_the_second_bad_title_is_named_by_its_index():
    error = refused_many([TITLE, replace(TITLE, nosso_numero="2", amount=Decimal("-1"))])
    assert error.field == "titulos[1].valor"


def refused_many(titles) -> BankingError:
    with pytest.raises(BankingError) as caught:
        build_remessa(remessa(titles=titles))
    return caught.value


def test_caixa_modalidade_follows_the_carteira():
    for wallet, modality, emission in (("RG", "14", "2"), ("11", "11", "1"), ("14", "14", "2")):
        content = build_remessa(remessa(beneficiary={"wallet": wallet}))
        p = content.decode().split("\r\n")[2]
        assert (p[40:42], p[60]) == (modality, emission), wallet
    p = build_remessa(remessa(modality="11")).decode().split("\r\n")[2]
    assert p[40:42] == "11"


@pytest.mark.parametrize(("layout", "bank"), sorted(BENEFICIARIES))
def test_fine_interest_and_discount_reach_every_layout(layout, bank):
    title = replace(TITLE, fine_percent=Decimal(2), interest_per_day=Decimal("0.33"),
                    discount_amount=Decimal("9.90"), discount_until=date(2026, 7, 10))  # fmt: skip
    [entry] = read_remessa(build_remessa(remessa(layout, bank, titles=[title])))[2]
    assert (entry.fine_percent, entry.interest_per_day, entry.discount_amount) == (
        Decimal("2.00"), Decimal("0.33"), Decimal("9.90"))  # fmt: skip
    assert entry.discount_until == date(2026, 7, 10)


@given(
    st.sampled_from(sorted(BENEFICIARIES)),
    st.lists(
        st.tuples(
            st.decimals(min_value=Decimal("0.01"), max_value=Decimal("9999999.99"), places=2),
            st.dates(min_value=date(2026, 7, 1), max_value=date(2049, 10, 13)),
            st.text(alphabet="ABCDEFGHIJ ÁÉÇãõ0123456789", min_size=1, max_size=37).filter(
                str.strip
            ),
        ),
        min_size=1,
        max_size=8,
    ),
)
@settings(max_examples=100, deadline=None)
def test_any_valid_remessa_round_trips(key, rows):
    titles = [
        replace(TITLE, nosso_numero=str(n + 1), amount=amount, due_date=due, payer_name=name)
        for n, (amount, due, name) in enumerate(rows)
    ]
    _, _, entries = read_remessa(build_remessa(remessa(*key, titles=titles)))
    assert [(e.amount, e.due_date) for e in entries] == [(t.amount, t.due_date) for t in titles]
