"""Boleto codes beyond the public vectors: bank rules, the 2025 fator restart, refusals."""

from datetime import date, timedelta
from decimal import Decimal

import pytest

from atende.banking.boleto import boleto_codes, boleto_from_inputs
from atende.banking.errors import BankingError

BB = {"bank": "001", "agencia": "1234", "conta": "12345", "convenio": "1234567", "carteira": "17",
      "nosso_numero": "5", "valor": "10.00", "vencimento": "2026-12-31"}  # fmt: skip
CAIXA = {"bank": "104", "codigo_beneficiario": "005507", "nosso_numero": "14222333777777777",
         "valor": "321.12", "vencimento": "2006-08-23"}  # fmt: skip
BRADESCO = {"bank": "237", "agencia": "1234", "conta": "123456", "carteira": "09",
            "nosso_numero": "456", "valor": "2717.16", "vencimento": "2016-10-01"}  # fmt: skip


def _codes(inputs: dict[str, object]):
    return boleto_codes(boleto_from_inputs(inputs))


def test_caixa_manual_example():
    # CX-BOL Anexo I/V: the official worked example.
    codes = _codes(CAIXA)
    assert codes.barcode == "10494324200000321120055077222133347777777771"
    assert codes.linha_digitavel == "10490.05505 77222.133348 77777.777713 4 32420000032112"
    assert codes.nosso_numero == "14222333777777777-2"


def test_caixa_short_nosso_numero_takes_the_modalidade_of_the_carteira():
    registered = _codes({**CAIXA, "nosso_numero": "8", "carteira": "RG"})
    unregistered = _codes({**CAIXA, "nosso_numero": "8", "carteira": "SR"})
    explicit = _codes({**CAIXA, "nosso_numero": "8", "modalidade": "11"})
    assert (registered.nosso_numero[:2], unregistered.nosso_numero[:2]) == ("14", "24")
    assert explicit.nosso_numero.startswith("11000000000000008-")


def test_caixa_seven_digit_code_with_a_leading_zero_is_a_six_digit_code():
    assert _codes({**CAIXA, "codigo_beneficiario": "0005507"}).barcode == _codes(CAIXA).barcode


def test_bb_full_17_digit_nosso_numero_equals_the_sequence_alone():
    assert _codes({**BB, "nosso_numero": "12345670000000005"}) == _codes(BB)


def test_bradesco_manual_nosso_numero():
    assert _codes(BRADESCO).nosso_numero == "09/00000000456-4"


def test_due_dates_around_the_2025_restart():
    factors = [
        _codes(
            {**BRADESCO, "vencimento": (date(2025, 2, 20) + timedelta(days=n)).isoformat()}
        ).barcode[5:9]
        for n in range(4)
    ]
    assert factors == ["9998", "9999", "1000", "1001"]


def test_no_due_date_prints_fator_zero():
    assert _codes({**BRADESCO, "vencimento": None}).barcode[5:9] == "0000"


def test_zero_amount_and_the_largest_amount():
    assert _codes({**BRADESCO, "valor": "0"}).barcode[9:19] == "0000000000"
    assert _codes({**BRADESCO, "valor": "99999999.99"}).barcode[9:19] == "9999999999"


def test_json_numbers_as_decimal_and_int():
    assert _codes({**BRADESCO, "valor": Decimal("2717.16")}) == _codes(BRADESCO)
    assert _codes({**BRADESCO, "valor": 2717}).barcode[9:19] == "0000271700"


def test_instructions_as_text_or_list():
    text = boleto_from_inputs({**BRADESCO, "instrucoes": "Não receber após 30 dias.\nMulta 2%"})
    listed = boleto_from_inputs({**BRADESCO, "instrucoes": ["Não receber após 30 dias."]})
    assert text.instructions == ("Não receber após 30 dias.", "Multa 2%")
    assert listed.instructions == ("Não receber após 30 dias.",)


@pytest.mark.parametrize(
    ("inputs", "message", "field"),
    [
        ({**BB, "valor": "100000000.00"}, r"limite do boleto \(R\$ 99.999.999,99\)", "valor"),
        ({**CAIXA, "valor": "10000000.00"}, r"limite do boleto \(R\$ 9.999.999,99\)", "valor"),
        ({**BB, "valor": "-1"}, "não pode ser negativo", "valor"),
        ({**BB, "valor": "10.001"}, "duas casas decimais", "valor"),
        ({**BB, "valor": "dez reais"}, "Valor inválido", "valor"),
        ({**BB, "valor": "NaN"}, "Valor inválido", "valor"),
        ({**BB, "valor": True}, "Valor inválido", "valor"),
        ({**BB, "valor": ""}, "Informe o valor", "valor"),
        ({**BB, "nosso_numero": "12345678901"}, "longo demais para convênio de 7", "nosso_numero"),
        ({**BB, "convenio": "123456", "nosso_numero": "123456"}, "máximo 5", "nosso_numero"),
        ({**BB, "convenio": "1234", "nosso_numero": "12345678"}, "máximo 7", "nosso_numero"),
        ({**BB, "convenio": "12345"}, "4, 6, 7 ou 8 dígitos", "convenio"),
        ({**BB, "convenio": "123456", "agencia": "12a4"}, "apenas dígitos", "agencia"),
        ({**BB, "convenio": "123456", "conta": "123456789"}, "no máximo 8", "conta"),
        ({**BB, "nosso_numero": "1²"}, "Nosso número: use apenas dígitos", "nosso_numero"),
        ({**BB, "carteira": ""}, "Carteira: campo obrigatório", "carteira"),
        ({**BRADESCO, "agencia": None}, "Agência: campo obrigatório", "agencia"),
        ({**BB, "vencimento": "2026-12-32"}, "AAAA-MM-DD", "vencimento"),
        ({**BB, "vencimento": "31/02/2026"}, "AAAA-MM-DD", "vencimento"),
        ({**BB, "vencimento": "12/31/2026"}, "AAAA-MM-DD", "vencimento"),
        ({**CAIXA, "nosso_numero": "8", "emissao": "2"}, "Emissão da Caixa", "emissao"),
        ({**CAIXA, "nosso_numero": "14222333777777777-3"}, "informado 3, calculado 2",
         "nosso_numero_dv"),
        ({**BB, "vencimento": "1999-12-31"}, "anterior a 03/07/2000", "vencimento"),
        ({**BB, "bank": "999"},
         r"Banco 999 não suportado \(use 001, 033, 104, 237, 341, 748 ou 756\)", "bank"),
        ({**BB, "bank": ""}, "não suportado", "bank"),
        ({**CAIXA, "nosso_numero": "1234567890123456"}, "no máximo 15", "nosso_numero"),
        ({**CAIXA, "nosso_numero": "99222333777777777"}, "11, 14, 21 ou 24", "nosso_numero"),
        ({**CAIXA, "modalidade": "99", "nosso_numero": "1"}, "11, 14, 21 ou 24", "modalidade"),
        ({**CAIXA, "codigo_beneficiario": "12345678"}, "6 ou 7 dígitos", "codigo_beneficiario"),
        ({**CAIXA, "codigo_beneficiario_dv": "8"}, "informado 8, calculado 7",
         "codigo_beneficiario_dv"),
        ({**CAIXA, "nosso_numero_dv": "3"}, "informado 3, calculado 2", "nosso_numero_dv"),
        ({**BRADESCO, "nosso_numero": "123456789012"}, "no máximo 11", "nosso_numero"),
        ({**BRADESCO, "carteira": "123"}, "no máximo 2", "carteira"),
        ({**BRADESCO, "conta": "12345678"}, "no máximo 7", "conta"),
        ({**BRADESCO, "instrucoes": 5}, "instrucoes", "instrucoes"),
    ],
)  # fmt: skip
def test_impossible_inputs_have_portuguese_errors(inputs, message, field):
    with pytest.raises(BankingError, match=message) as caught:
        _codes(inputs)
    assert caught.value.field == field


@pytest.mark.parametrize(
    ("change", "same_as"),
    [
        ({"bank": "1"}, BB),
        ({"bank": 1}, BB),
        ({"bank": "001-9"}, BB),
        ({"carteira": "17-019"}, BB),
        ({"carteira": "017"}, BB),
        ({"agencia": "1234-3", "conta": "00012345-X"}, BB),
        ({"vencimento": "31/12/2026"}, BB),
        ({"nosso_numero": "12345670000000005"}, BB),
    ],
)
def test_bb_inputs_written_in_the_ways_people_write_them(change, same_as):
    assert _codes({**same_as, **change}) == _codes(same_as)


def test_printed_forms_of_the_nosso_numero_are_read_and_their_dv_checked():
    assert _codes({**BRADESCO, "nosso_numero": "09/00000000456-4"}) == _codes(BRADESCO)
    assert _codes({**BRADESCO, "carteira": None, "nosso_numero": "09/456"}) == _codes(BRADESCO)
    assert _codes({**CAIXA, "nosso_numero": "14222333777777777-2"}) == _codes(CAIXA)
    bb6 = {**BB, "convenio": "123456", "nosso_numero": "12345600001-7"}
    assert _codes(bb6).nosso_numero == "12345600001-7"  # vector dv-16
    with pytest.raises(BankingError, match="informado P, calculado 4"):
        _codes({**BRADESCO, "nosso_numero": "09/00000000456-P"})


def test_caixa_emission_digit():
    # CX-240 G069: 11 registrada emissão Caixa, 21 sem registro emissão Caixa.
    assert _codes({**CAIXA, "nosso_numero": "8", "emissao": "1"}).nosso_numero[:2] == "11"
    short = {**CAIXA, "nosso_numero": "8", "carteira": "SR", "emissao": "1 (Caixa)"}
    assert _codes(short).nosso_numero[:2] == "21"


def test_an_item_that_is_not_an_object():
    with pytest.raises(BankingError, match="objeto JSON"):
        boleto_from_inputs(["001"])  # type: ignore[arg-type]


def test_a_due_date_after_the_published_factor_rule_is_refused():
    from datetime import date

    from atende.banking.errors import BankingError
    from atende.banking.factor import due_factor

    assert due_factor(date(2049, 10, 13)) == 9999
    with pytest.raises(BankingError, match="13/10/2049"):
        due_factor(date(2049, 10, 14))
