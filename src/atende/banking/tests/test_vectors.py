"""Every public vector in shared/banking-fixtures/vectors.json, as a test."""

from datetime import date

import pytest

from atende.banking.barcode import barcode_from_linha
from atende.banking.boleto import boleto_codes, boleto_from_inputs
from atende.banking.digits import (
    barcode_dv,
    modulo11_bb,
    modulo11_bradesco,
    modulo11_caixa,
)
from atende.banking.errors import BankingError
from atende.banking.factor import due_factor
from atende.banking.tests.fixtures import require_fixtures, vectors

require_fixtures()

BOLETOS = vectors("boleto")
# bradesco-30 gives only the decomposed campo livre in a note, not inputs we can use.
COMPUTABLE = [v for v in BOLETOS if {"agencia", "codigo_beneficiario"} & set(v["inputs"])]


def _codes(vector):
    return boleto_codes(boleto_from_inputs({**vector["inputs"], "bank": vector["bank"]}))


@pytest.mark.parametrize("vector", COMPUTABLE, ids=lambda v: v["id"])
def test_boleto_vector(vector):
    codes = _codes(vector)
    expected = vector["expected"]
    if expected.get("barcode"):
        assert codes.barcode == expected["barcode"]
    if expected.get("linha_digitavel"):
        assert codes.linha_digitavel == expected["linha_digitavel"]
    if expected.get("campo_livre"):
        assert codes.free_field == expected["campo_livre"]


@pytest.mark.parametrize(
    "vector",
    [v for v in COMPUTABLE if {"nosso_numero", "nosso_numero_com_dv"} & set(v["expected"])],
    ids=lambda v: v["id"],
)
def test_printed_nosso_numero(vector):
    expected = vector["expected"].get("nosso_numero") or vector["expected"]["nosso_numero_com_dv"]
    printed = _codes(vector).nosso_numero
    if vector["bank"] == "237" and "-" not in expected:
        assert printed.split("/")[1].split("-")[0] == expected  # source prints the NN alone
    else:
        assert printed == expected


@pytest.mark.parametrize(
    "vector",
    [v for v in COMPUTABLE if "nosso_numero_formatado" in v["expected"]],
    ids=lambda v: v["id"],
)
def test_formatted_nosso_numero_digits(vector):
    # Sources differ on punctuation (Bradesco "009/…" vs the manual's "09/…"); the number and
    # its DV must agree.
    expected = vector["expected"]["nosso_numero_formatado"]
    printed = _codes(vector).nosso_numero
    assert printed.replace("/", "").lstrip("0") == expected.replace("/", "").lstrip("0")


@pytest.mark.parametrize("vector", vectors("fator_vencimento"), ids=lambda v: v["id"])
def test_due_factor_vector(vector):
    assert due_factor(date.fromisoformat(vector["vencimento"])) == int(vector["expected_fator"])


def _check_digit(vector) -> str:
    algorithm, number = vector["algorithm"].lower(), vector["input"]
    if "campo livre completo" in algorithm:
        beneficiary, nn = (part.split("=")[1] for part in number.split("; "))
        inputs = {"bank": "104", "codigo_beneficiario": beneficiary, "nosso_numero": nn,
                  "valor": "1", "vencimento": "2020-01-01"}  # fmt: skip
        return boleto_codes(boleto_from_inputs(inputs)).free_field
    if vector["bank"] == "001":
        return modulo11_bb(number)
    if vector["bank"] == "104":
        return str(barcode_dv(number) if "geral" in algorithm else modulo11_caixa(number))
    if "agência" in algorithm or "agencia" in algorithm:
        return modulo11_bradesco(number, base=5)
    return modulo11_bradesco(number)


@pytest.mark.parametrize("vector", vectors("check_digit"), ids=lambda v: v["id"])
def test_check_digit_vector(vector):
    assert _check_digit(vector) == vector["expected_dv"]


def test_linha_of_every_vector_converts_back_to_its_barcode():
    for vector in COMPUTABLE:
        codes = _codes(vector)
        digits = codes.linha_digitavel.replace(".", "").replace(" ", "")
        assert barcode_from_linha(digits) == codes.barcode, vector["id"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"valor": "100000000.00"}, "Valor acima do limite"),
        ({"valor": "-1"}, "não pode ser negativo"),
        ({"nosso_numero": "123456789012"}, "Nosso número longo demais"),
        ({"convenio": "12345"}, "4, 6, 7 ou 8 dígitos"),
        ({"agencia": "12a4", "convenio": "123456"}, "apenas dígitos"),
        ({"vencimento": "31/12/2026"}, "AAAA-MM-DD"),
        ({"bank": "341"}, "não suportado"),
    ],
)
def test_impossible_inputs_have_portuguese_errors(change, message):
    inputs = {"bank": "001", "agencia": "1234", "conta": "12345", "convenio": "1234567",
              "carteira": "17", "nosso_numero": "5", "valor": "10.00",
              "vencimento": "2026-12-31", **change}  # fmt: skip
    with pytest.raises(BankingError, match=message):
        boleto_codes(boleto_from_inputs(inputs))


def test_caixa_amount_limit_is_lower():
    inputs = {"bank": "104", "codigo_beneficiario": "123456", "nosso_numero": "1",
              "valor": "10000000.00", "vencimento": "2026-12-31"}  # fmt: skip
    with pytest.raises(BankingError, match="9.999.999,99"):
        boleto_codes(boleto_from_inputs(inputs))
