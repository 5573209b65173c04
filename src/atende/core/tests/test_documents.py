"""CPF and CNPJ check digits, including the alphanumeric CNPJ (from July 2026)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from atende.core.documents import (
    clean,
    cnpj_check_digits,
    cpf_check_digits,
    format_document,
    is_valid_cnpj,
    is_valid_cpf,
)


@pytest.mark.parametrize("cpf", ["529.982.247-25", "52998224725", "111.444.777-35"])
def test_valid_cpfs(cpf):
    assert is_valid_cpf(cpf) is True


@pytest.mark.parametrize("cpf", ["529.982.247-26", "111.111.111-11", "1234567890", "", "abc"])
def test_invalid_cpfs(cpf):
    assert is_valid_cpf(cpf) is False


@pytest.mark.parametrize(
    "cnpj",
    [
        "11.222.333/0001-81",
        "11222333000181",
        # The Receita Federal's published alphanumeric example.
        "12.ABC.345/01DE-35",
        "12abc34501de35",
    ],
)
def test_valid_cnpjs(cnpj):
    assert is_valid_cnpj(cnpj) is True


@pytest.mark.parametrize(
    "cnpj", ["11.222.333/0001-82", "00.000.000/0000-00", "12.ABC.345/01DE-36", "12ABC34501DEAB"]
)
def test_invalid_cnpjs(cnpj):
    assert is_valid_cnpj(cnpj) is False


def test_masks():
    assert format_document("52998224725") == "529.982.247-25"
    assert format_document("12abc34501de35") == "12.ABC.345/01DE-35"
    assert clean(" 12.ABC.345/01DE-35 ") == "12ABC34501DE35"


@given(st.text(alphabet="0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=12, max_size=12))
def test_any_cnpj_base_with_its_check_digits_validates(base):
    if base == base[0] * 12:
        return
    assert is_valid_cnpj(base + cnpj_check_digits(base)) is True


@given(st.text(alphabet="0123456789", min_size=9, max_size=9))
def test_any_cpf_base_with_its_check_digits_validates(base):
    if base == base[0] * 9:
        return
    assert is_valid_cpf(base + cpf_check_digits(base)) is True
