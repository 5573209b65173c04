"""A damaged file is rejected whole, with the line and the reason."""

import contextlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from atende.banking.cnab import CnabError, parse_return
from atende.banking.tests.fixtures import require_fixtures

FIXTURES = require_fixtures() / "returns"


def lines(name: str) -> list[str]:
    return (FIXTURES / name).read_text().replace("\r\n", "\n").rstrip("\n").split("\n")


def parse_lines(items: list[str]):
    return parse_return(("\r\n".join(items) + "\r\n").encode())


def test_wrong_length_names_the_line():
    items = lines("bb-cnab400-3.ret")
    items[1] = items[1][:-1]
    with pytest.raises(CnabError, match="^Linha 2: tamanho 399, esperado 400$"):
        parse_lines(items)


def test_detail_before_the_header():
    items = lines("caixa-cnab400-1.ret")
    items[0], items[1] = items[1], items[0]
    with pytest.raises(CnabError, match="Linha 1"):
        parse_lines(items)


def test_segment_u_without_t():
    items = lines("caixa-cnab240-2.ret")
    del items[2]
    with pytest.raises(CnabError, match="Linha 3: segmento U sem o segmento T"):
        parse_lines(items)


def test_missing_trailer():
    with pytest.raises(CnabError, match="sem o trailer"):
        parse_lines(lines("caixa-cnab240-2.ret")[:-1])


def test_bad_trailer_counts():
    items = lines("caixa-cnab240-3.ret")
    items[-1] = items[-1][:23] + "000099" + items[-1][29:]
    with pytest.raises(CnabError, match="trailer do arquivo conta 1 lotes e 99 registros"):
        parse_lines(items)
    items = lines("bb-cnab400-1.ret")
    items[-1] = items[-1][:394] + "000027"
    with pytest.raises(CnabError, match="Linha 28: o trailer tem o sequencial 27"):
        parse_lines(items)


def test_unknown_bank():
    items = lines("caixa-cnab240-2.ret")
    items = ["341" + item[3:] for item in items]
    with pytest.raises(CnabError, match="banco 341 não suportado"):
        parse_lines(items)


def test_non_ascii_garbage():
    data = (FIXTURES / "bb-cnab400-3.ret").read_bytes()
    broken = data[:500] + "ção".encode() + data[505:]
    with pytest.raises(CnabError, match="^Linha 2: caracteres que não são ASCII"):
        parse_return(broken)


def test_letters_in_a_money_field():
    items = lines("bb-cnab400-3.ret")
    items[1] = items[1][:253] + "ABCDEFGHIJKLM" + items[1][266:]
    with pytest.raises(CnabError, match="Linha 2: posições 254-266 deveriam ser numéricas"):
        parse_lines(items)


@pytest.mark.parametrize("data", [b"", b"\x00\x01\x02", b"0" * 399, "não é arquivo".encode()])
def test_rubbish(data):
    with pytest.raises(CnabError):
        parse_return(data)


@given(st.binary(max_size=3000))
@settings(max_examples=300)
def test_random_bytes_raise_only_cnab_errors(data):
    with contextlib.suppress(CnabError):
        parse_return(data)


@given(st.lists(st.text(alphabet="0123456789 ATUR", min_size=240, max_size=240), max_size=6))
def test_random_fixed_width_lines_raise_only_cnab_errors(lines):
    with contextlib.suppress(CnabError):
        parse_return("\r\n".join(["10400000" + " " * 232, *lines]))
