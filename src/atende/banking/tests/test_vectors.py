"""Every public vector in shared/banking-fixtures/vectors.json for boletos, DVs and fatores."""

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from atende.banking.barcode import barcode_from_linha
from atende.banking.boleto import boleto_codes, boleto_from_inputs
from atende.banking.digits import barcode_dv, modulo11_bb, modulo11_bradesco, modulo11_caixa
from atende.banking.factor import due_factor, factor_to_date
from atende.banking.linha import parse_code
from atende.banking.tests.fixtures import (
    assert_codes_as_expected,
    boleto_inputs,
    require_fixtures,
    vector_codes,
    vectors,
)

require_fixtures()

BOLETOS = vectors("boleto")


_codes = vector_codes


def test_every_boleto_vector_is_computable():
    assert len(BOLETOS) == 53
    assert all({"agencia", "codigo_beneficiario"} & set(boleto_inputs(v)) for v in BOLETOS)


@pytest.mark.parametrize("vector", BOLETOS, ids=lambda v: v["id"])
def test_boleto_vector_barcode_and_linha(vector):
    assert_codes_as_expected(_codes(vector), vector["expected"])


@pytest.mark.parametrize(
    "vector",
    [v for v in BOLETOS if {"nosso_numero", "nosso_numero_com_dv"} & set(v["expected"])],
    ids=lambda v: v["id"],
)
def test_printed_nosso_numero(vector):
    expected = vector["expected"].get("nosso_numero") or vector["expected"]["nosso_numero_com_dv"]
    printed = _codes(vector).nosso_numero
    if vector["bank"] == "237":
        # openboleto (bradesco-31) asserts the 11 digits alone; we print the manual's
        # CC/NNNNNNNNNNN-D. DV by hand: 0600123456789, weights 2..7 → 216, 216 mod 11 = 7, 11 − 7.
        assert printed == f"06/{expected}-4"
    else:
        assert printed == expected


@pytest.mark.parametrize(
    "vector",
    [v for v in BOLETOS if "nosso_numero_formatado" in v["expected"]],
    ids=lambda v: v["id"],
)
def test_formatted_nosso_numero(vector):
    expected = vector["expected"]["nosso_numero_formatado"]
    printed = _codes(vector).nosso_numero
    if vector["bank"] == "237":
        # boleto2net prints a 3-digit carteira ("009/…"); BRA-400 p.17-19 prints two ("09/…").
        assert expected.startswith("0")
        assert printed == expected[1:]
    else:
        assert printed == expected


def test_bb_convenio_8_nosso_numero_dv():
    vector = next(v for v in BOLETOS if v["id"] == "bb-01")
    assert (
        _codes(vector).nosso_numero == "12387989777700168-" + vector["expected"]["nosso_numero_dv"]
    )


@pytest.mark.parametrize("vector", BOLETOS, ids=lambda v: v["id"])
def test_expected_linha_reads_back(vector):
    """The typed-code reader agrees with every vector: DVs valid, bank, amount, due date."""
    due = date.fromisoformat(vector["inputs"]["vencimento"])
    parsed = parse_code(vector["expected"]["linha_digitavel"], today=due)
    assert parsed.is_valid
    assert parsed.field_dvs_valid == (True, True, True)
    assert parsed.bank == vector["bank"]
    assert parsed.amount == Decimal(vector["inputs"]["valor"])
    assert parsed.due_date == due
    assert parsed.barcode == barcode_from_linha(parsed.linha_digitavel)
    if vector["expected"]["barcode"] is not None:
        assert parsed.barcode == vector["expected"]["barcode"]
    as_written = vector["expected"].get("linha_digitavel_as_written_in_source")
    if as_written:  # double spaces in the source still read
        assert parse_code(as_written, today=due).linha_digitavel == parsed.linha_digitavel


FACTORS = vectors("fator_vencimento")


@pytest.mark.parametrize("vector", FACTORS, ids=lambda v: v["id"])
def test_due_factor_vector(vector):
    due = date.fromisoformat(vector["vencimento"])
    factor = int(vector["expected_fator"])
    assert due_factor(due) == factor
    assert factor_to_date(factor, today=due) == due


def test_factor_vectors_cover_the_2025_restart():
    pairs = {(v["vencimento"], v["expected_fator"]) for v in FACTORS}
    assert {("2025-02-21", "9999"), ("2025-02-22", "1000"), ("2049-10-13", "9999")} <= pairs


def _check_digit(vector: dict[str, Any]) -> str:
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
    if "agência" in algorithm:
        return modulo11_bradesco(number, base=5)
    return modulo11_bradesco(number)


@pytest.mark.parametrize("vector", vectors("check_digit"), ids=lambda v: v["id"])
def test_check_digit_vector(vector):
    assert _check_digit(vector) == vector["expected_dv"]


def test_vector_counts_match_the_readme():
    assert (len(vectors("check_digit")), len(FACTORS), len(vectors("pix_brcode"))) == (59, 31, 9)
