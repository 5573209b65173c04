"""Every vector of shared/banking-fixtures/vectors-more-banks.json (Itaú, Santander, Sicoob,
Sicredi): barcode, linha digitável, printed nosso número and its DV, and every check digit."""

import json
from datetime import date
from decimal import Decimal
from functools import cache
from typing import Any

import pytest

from atende.banking.banks import itau, sicoob
from atende.banking.boleto import boleto_codes, boleto_from_inputs
from atende.banking.digits import modulo10, modulo11_caixa, modulo11_santander, modulo11_sicoob
from atende.banking.linha import parse_code
from atende.banking.models import BoletoCodes
from atende.banking.tests.fixtures import require_fixtures

FILE = require_fixtures() / "vectors-more-banks.json"


@cache
def _entries() -> tuple[dict[str, Any], ...]:
    if not FILE.is_file():
        pytest.skip(f"{FILE} not found", allow_module_level=True)
    return tuple(json.loads(FILE.read_text(encoding="utf-8")))


BOLETOS = [entry for entry in _entries() if entry["kind"] == "boleto"]
CHECK_DIGITS = [entry for entry in _entries() if entry["kind"] == "check_digit"]


def _codes(vector: dict[str, Any]) -> BoletoCodes:
    return boleto_codes(boleto_from_inputs({**vector["inputs"], "bank": vector["bank"]}))


def test_vector_counts():
    banks = [vector["bank"] for vector in BOLETOS]
    assert (banks.count("341"), banks.count("033"), banks.count("756"), banks.count("748")) == (
        10,
        17,
        10,
        15,
    )
    assert len(CHECK_DIGITS) == 44


@pytest.mark.parametrize("vector", BOLETOS, ids=lambda v: v["id"])
def test_barcode_linha_and_free_field(vector):
    codes = _codes(vector)
    expected = vector["expected"]
    assert codes.linha_digitavel == expected["linha_digitavel"]
    if expected["barcode"] is not None:
        assert codes.barcode == expected["barcode"]
    if "campo_livre" in expected:
        assert codes.free_field == expected["campo_livre"]
    if "campo_livre_dv" in expected:
        assert codes.free_field[-1] == expected["campo_livre_dv"]
    if "dv_geral" in expected:
        assert codes.barcode[4] == expected["dv_geral"]


@pytest.mark.parametrize(
    "vector",
    [v for v in BOLETOS if {"nosso_numero_formatado", "nosso_numero_dv"} & set(v["expected"])],
    ids=lambda v: v["id"],
)
def test_printed_nosso_numero_and_its_dv(vector):
    printed = _codes(vector).nosso_numero
    expected = vector["expected"]
    if "nosso_numero_formatado" in expected:
        assert printed == expected["nosso_numero_formatado"]
    if "nosso_numero_dv" in expected:
        assert printed.rsplit("-", 1)[1] == expected["nosso_numero_dv"]


@pytest.mark.parametrize("vector", [v for v in BOLETOS if "conta_dac" in v["expected"]],
                         ids=lambda v: v["id"])  # fmt: skip
def test_itau_account_dac(vector):
    boleto = boleto_from_inputs({**vector["inputs"], "bank": "341"})
    assert itau.account_dac(boleto) == vector["expected"]["conta_dac"]


@pytest.mark.parametrize("vector", BOLETOS, ids=lambda v: v["id"])
def test_expected_linha_reads_back(vector):
    due = date.fromisoformat(vector["inputs"]["vencimento"])
    parsed = parse_code(vector["expected"]["linha_digitavel"], today=due)
    assert parsed.is_valid
    assert (parsed.bank, parsed.amount, parsed.due_date) == (
        vector["bank"],
        Decimal(vector["inputs"]["valor"]),
        due,
    )
    names = {"341": "Itaú Unibanco", "033": "Santander", "756": "Sicoob", "748": "Sicredi"}
    assert parsed.bank_name == names[vector["bank"]]


def _check_digit(vector: dict[str, Any]) -> str:
    algorithm, number = vector["algorithm"], vector["input"]
    if vector["bank"] == "341":
        return str(modulo10(number))
    if vector["bank"] == "033":
        return str(modulo11_santander(number))
    if vector["bank"] == "756":
        return str(modulo11_sicoob(number))
    assert "Sicredi" in algorithm
    return str(modulo11_caixa(number))


@pytest.mark.parametrize("vector", CHECK_DIGITS, ids=lambda v: v["id"])
def test_check_digit(vector):
    assert _check_digit(vector) == vector["expected_dv"]


def test_itau_manual_worked_examples():
    """ITAU-BOL Anexo 4 p.57 and nota 23 p.34-35: the DAC over agência + conta + carteira + NN;
    the carteiras of Anexo 4's list over carteira + NN only."""
    base = {"bank": "341", "valor": "1", "vencimento": "2020-01-01"}
    common = boleto_from_inputs(
        {
            **base,
            "agencia": "0057",
            "conta": "72192",
            "carteira": "198",
            "nosso_numero": "98712345",
            "seu_numero": "1",
            "convenio": "1",
        }
    )
    assert itau.nosso_numero_dac(common) == "1"
    short = boleto_from_inputs({**base, "agencia": "0057", "conta": "12345", "carteira": "168",
                                "nosso_numero": "12784698"})  # fmt: skip
    assert itau.nosso_numero(short) == "168/12784698-3"  # vector dv-itau: 16812784698 → 3


def test_sicoob_worked_example_of_the_spreadsheet():
    """SIC-XLS item 3.13: cooperativa 0001, cliente 1-9, NN 21 → 21-8."""
    boleto = boleto_from_inputs({"bank": "756", "agencia": "0001", "codigo_beneficiario": "1-9",
                                 "carteira": "1", "nosso_numero": "21", "valor": "1",
                                 "vencimento": "2020-01-01"})  # fmt: skip
    assert sicoob.nosso_numero(boleto) == "0000021-8"
