"""Itaú, Santander, Sicoob and Sicredi beyond the public vectors: the manuals' worked examples,
the forms people type (printed nosso números, codes with their DV) and what is refused."""

import pytest

from atende.banking.boleto import boleto_codes, boleto_from_inputs
from atende.banking.errors import BankingError

# ITAU-BOL Anexos 2-4: agência 0057, conta 12345-7, carteira 110, NN 12345678-8.
ITAU = {"bank": "341", "agencia": "0057", "conta": "12345", "carteira": "110",
        "nosso_numero": "12345678", "valor": "123.45", "vencimento": "2002-05-01"}  # fmt: skip
ITAU_15 = {**ITAU, "carteira": "198", "seu_numero": "1234567", "codigo_cliente": "12345"}
# SAN-BOL p.8 and p.15: código 0282033, NN 566612457800-2, carteira 101, R$ 273,71, 15/05/2003.
SANTANDER = {"bank": "033", "codigo_beneficiario": "0282033", "nosso_numero": "566612457800",
             "carteira": "101", "valor": "273.71", "vencimento": "2003-05-15"}  # fmt: skip
# Vector sicoob-06 (cooperativa 4277, cliente 17227-8, NN 4).
SICOOB = {"bank": "756", "agencia": "4277", "codigo_beneficiario": "0172278", "carteira": "1",
          "modalidade": "01", "nosso_numero": "4", "parcela": "001", "valor": "400.00",
          "vencimento": "2017-04-27"}  # fmt: skip
# SCR-240 p.101 (vector sicredi-01): cooperativa 0165, posto 02, beneficiário 00623, 07/200003-1.
SICREDI = {"bank": "748", "agencia": "0165", "posto": "02", "codigo_beneficiario": "00623",
           "carteira": "1", "ano": "07", "byte_idt": "2", "sequencial": "00003",
           "valor": "150.35", "vencimento": "2007-12-20"}  # fmt: skip


def _codes(inputs: dict[str, object]):
    return boleto_codes(boleto_from_inputs(inputs))


def test_itau_manual_example():
    codes = _codes(ITAU)
    assert codes.barcode == "34196166700000123451101234567880057123457000"  # Anexo 2 p.55
    assert codes.linha_digitavel == "34191.10121 34567.880058 71234.570001 6 16670000012345"
    assert codes.nosso_numero == "110/12345678-8"  # Anexo 4 p.57


def test_itau_fifteen_position_carteira_uses_seu_numero_and_client_code():
    codes = _codes(ITAU_15)
    # carteira 198 + NN + seu número + código do cliente, DAC mod 10 of those 23 digits, 0.
    body = "198" + "12345678" + "1234567" + "12345"
    assert codes.free_field[:23] == body
    # Mod 10 by hand: products of 2,1,2,1… from the right, their digits add up to 102 → 8.
    assert codes.free_field[23:] == "80"
    # Agência and conta do not enter this campo livre: another agência, same barcode.
    assert _codes({**ITAU_15, "agencia": "9999"}).barcode == codes.barcode


@pytest.mark.parametrize(
    "change",
    [
        {"nosso_numero": "110/12345678-8"},
        {"nosso_numero": "110/12345678", "carteira": None},
        {"conta": "12345-7"},
        {"conta": "12345", "conta_dv": "7"},
        {"carteira": "110 (direta)"},
    ],
)
def test_itau_forms_people_type(change):
    assert _codes({**ITAU, **change}) == _codes(ITAU)


def test_santander_manual_example():
    codes = _codes(SANTANDER)
    # SAN-BOL p.15 prints "033990282.7 0335666124.3 5780020101.4 8 20460000027371".
    assert codes.linha_digitavel == "03399.02827 03356.661243 57800.201014 8 20460000027371"
    assert codes.barcode[4] == "8"  # p.8: sum 696, (696 × 10) mod 11 = 8
    assert codes.nosso_numero == "566612457800-2"


def test_santander_printed_nosso_numero_and_iof():
    assert _codes({**SANTANDER, "nosso_numero": "566612457800-2"}) == _codes(SANTANDER)
    insurer = _codes({**SANTANDER, "iof": "7"})
    assert insurer.free_field[21:] == "7101"  # pos 41 IOF, 42-44 carteira


def test_sicoob_code_with_its_dv_in_any_form():
    expected = _codes(SICOOB)
    assert expected.barcode == "75693714200000400001427701017227800000040001"  # vector
    for code in ("17227-8", "172278", "0172278"):
        assert _codes({**SICOOB, "codigo_beneficiario": code}) == expected
    assert _codes({**SICOOB, "codigo_beneficiario": "17227", "codigo_beneficiario_dv": "8"}) == (
        expected
    )
    assert _codes({**SICOOB, "nosso_numero": "0000004-0"}) == expected


def test_sicoob_installment_and_modality_defaults():
    without = {key: value for key, value in SICOOB.items() if key not in ("parcela", "modalidade")}
    assert _codes(without) == _codes(SICOOB)
    assert _codes({**SICOOB, "parcela": "2"}).free_field.endswith("002")


def test_sicredi_manual_example_and_printed_forms():
    expected = _codes(SICREDI)
    assert expected.linha_digitavel == "74891.10721 00003.101656 02006.231084 1 37260000015035"
    assert expected.nosso_numero == "07/200003-1"
    no_parts = {key: value for key, value in SICREDI.items()
                if key not in ("ano", "byte_idt", "sequencial", "posto")}  # fmt: skip
    for change in (
        {"nosso_numero": "07/200003-1"},
        {"nosso_numero": "07200003"},
        {"nosso_numero": "072000031"},
        {"nosso_numero": "200003", "ano": "07"},
        {"sequencial": "3", "data_documento": "2007-12-01", "ano": None},
        {
            "codigo_beneficiario": "0165.02.00623",
            "agencia": None,
            "posto": None,
            "nosso_numero": "07200003",
        },
    ):
        assert _codes({**no_parts, "posto": "02", **change}) == expected


def test_sicredi_zero_amount_and_unregistered_carteira():
    zero = _codes({**SICREDI, "valor": "0"})
    assert zero.free_field[22:24] == "00"  # pos 42: 0 when the boleto has no valor
    unregistered = _codes({**SICREDI, "carteira": "3"})
    assert unregistered.free_field[:2] == "31"  # pos 20 tipo de cobrança 3, pos 21 carteira 1


@pytest.mark.parametrize(
    ("inputs", "message", "field"),
    [
        ({**ITAU, "conta": "12345-6"}, "DV da conta Itaú não confere: informado 6, calculado 7",
         "conta_dv"),
        ({**ITAU, "nosso_numero": "110/12345678-9"}, "informado 9, calculado 8",
         "nosso_numero_dv"),
        ({**ITAU, "nosso_numero": "109/12345678-8"}, "Carteira 110 diferente", "carteira"),
        ({**ITAU, "nosso_numero": "123456789"}, "no máximo 8", "nosso_numero"),
        ({**ITAU, "conta": "123456"}, "no máximo 5", "conta"),
        ({**ITAU_15, "seu_numero": None}, "Seu número: campo obrigatório", "seu_numero"),
        ({**ITAU_15, "seu_numero": "12345678"}, "Seu número: no máximo 7", "seu_numero"),
        ({**ITAU_15, "codigo_cliente": None}, "Código do cliente: campo obrigatório",
         "codigo_cliente"),
        ({**SANTANDER, "carteira": "104"}, "101, 102, 121 ou 201", "carteira"),
        ({**SANTANDER, "nosso_numero": "1234567890123"}, "no máximo 12", "nosso_numero"),
        ({**SANTANDER, "nosso_numero": "566612457800-3"}, "informado 3, calculado 2",
         "nosso_numero_dv"),
        ({**SANTANDER, "codigo_beneficiario": "12345678"}, "no máximo 7", "codigo_beneficiario"),
        ({**SANTANDER, "iof": "10"}, "IOF: no máximo 1", "iof"),
        ({**SICOOB, "carteira": "2"}, "Carteira do Sicoob deve ser 1", "carteira"),
        ({**SICOOB, "modalidade": "04"}, "01, 02, 03 ou 05", "modalidade"),
        ({**SICOOB, "parcela": "0"}, "001 para boleto de parcela única", "parcela"),
        ({**SICOOB, "nosso_numero": "12345678"}, "no máximo 7", "nosso_numero"),
        ({**SICOOB, "nosso_numero": "0000004-1"}, "informado 1, calculado 0", "nosso_numero_dv"),
        ({**SICOOB, "codigo_beneficiario": "12345678"}, "no máximo 7", "codigo_beneficiario"),
        ({**SICREDI, "carteira": "2"}, "1 \\(com registro\\) ou 3", "carteira"),
        ({**SICREDI, "posto": None}, "Posto: campo obrigatório", "posto"),
        ({**SICREDI, "ano": None}, "informe `ano` ou a data do documento", "ano"),
        ({**SICREDI, "byte_idt": "0"}, "de 1 a 9", "byte"),
        ({**SICREDI, "sequencial": "1234567"}, "no máximo 5", "nosso_numero"),
        ({**SICREDI, "sequencial": None, "nosso_numero": "07/200003-2"},
         "informado 2, calculado 1", "nosso_numero_dv"),
        ({**SICREDI, "sequencial": None, "nosso_numero": "072000032"},
         "informado 2, calculado 1", "nosso_numero_dv"),
        ({**SICREDI, "codigo_beneficiario": "123456"}, "no máximo 5", "codigo_beneficiario"),
    ],
)  # fmt: skip
def test_impossible_inputs_have_portuguese_errors(inputs, message, field):
    with pytest.raises(BankingError, match=message) as caught:
        _codes(inputs)
    assert caught.value.field == field
