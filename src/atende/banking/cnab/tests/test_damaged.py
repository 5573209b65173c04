"""A damaged file is rejected whole, with the line and the reason; memory stays bounded."""

import contextlib
import io
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from atende.banking.cnab import CnabError, parse_return
from atende.banking.cnab.tests.builders import cnab240_return
from atende.banking.tests.fixtures import require_fixtures

FIXTURES = require_fixtures() / "returns"
SRC = Path(__file__).resolve().parents[4]


def lines(name: str) -> list[str]:
    return (FIXTURES / name).read_text().replace("\r\n", "\n").rstrip("\n").split("\n")


def parse_lines(items: list[str]):
    return parse_return(("\r\n".join(items) + "\r\n").encode())


def test_wrong_length_names_the_line():
    items = lines("bb-cnab400-3.ret")
    items[1] = items[1][:-1]
    with pytest.raises(CnabError, match="^Linha 2: tamanho 399, esperado 400$"):
        parse_lines(items)


def test_a_segment_u_cut_short_is_damage_not_a_zero_credit():
    # Before: a U cut to 100 characters was padded and read as valor líquido 0,00.
    items = lines("caixa-cnab240-2.ret")
    assert items[3][13] == "U"
    items[3] = items[3][:100]
    with pytest.raises(
        CnabError,
        match=r"^Linha 4: registro truncado: tem 100 posições e o campo \d+-\d+ ficou de fora$",
    ):
        parse_lines(items)


def test_a_segment_t_cut_before_its_tariff_is_refused():
    items = lines("caixa-cnab240-2.ret")
    items[2] = items[2][:150]
    with pytest.raises(CnabError, match="^Linha 3: registro truncado: tem 150 posições"):
        parse_lines(items)


def test_lines_with_only_trailing_spaces_stripped_are_still_read():
    # bb-cnab240-1.ret has lines of 146-235 characters (FACTS.md §12): blanks, not damage.
    assert len(parse_return((FIXTURES / "bb-cnab240-1.ret").read_bytes()).occurrences) == 35


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


def test_segment_u_out_of_sequence():
    items = lines("caixa-cnab240-2.ret")
    items[3] = items[3][:8] + "00009" + items[3][13:]
    with pytest.raises(CnabError, match="Linha 4: segmento U fora de sequência"):
        parse_lines(items)


def test_a_remessa_is_not_a_return():
    remessa = (FIXTURES.parent / "remessa" / "caixa-cnab240-remessa-1.rem").read_bytes()
    with pytest.raises(CnabError, match="^Linha 1: é um arquivo de remessa"):
        parse_return(remessa)


def test_missing_trailer():
    with pytest.raises(CnabError, match="sem o trailer"):
        parse_lines(lines("caixa-cnab240-2.ret")[:-1])


def test_records_after_the_trailer():
    items = lines("bb-cnab400-3.ret")
    with pytest.raises(CnabError, match="^Linha 4: registros depois do trailer"):
        parse_lines([*items, items[1]])


def test_blank_line_in_the_middle():
    items = lines("bb-cnab400-3.ret")
    with pytest.raises(CnabError, match="^Linha 2: linha em branco no meio do arquivo"):
        parse_lines([items[0], "", *items[1:]])


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
    items = ["399" + item[3:] for item in lines("caixa-cnab240-2.ret")]
    with pytest.raises(CnabError, match="banco 399 não suportado"):
        parse_lines(items)


def test_multibyte_text_changes_the_width_and_is_refused():
    # Files are read byte for byte (ISO-8859-1, as Sicoob writes them): a "ç" re-saved as
    # UTF-8 takes two bytes and pushes every later field one position right.
    data = (FIXTURES / "bb-cnab400-3.ret").read_bytes()
    broken = data[:500] + "ç".encode() + data[501:]
    with pytest.raises(CnabError, match="^Linha 2: tamanho 401, esperado 400$"):
        parse_return(broken)


def test_control_characters_are_refused():
    data = (FIXTURES / "bb-cnab400-3.ret").read_bytes()
    with pytest.raises(CnabError, match="^Linha 2: caracteres de controle"):
        parse_return(data[:500] + b"\x00" + data[501:])


def test_letters_in_a_money_field():
    items = lines("bb-cnab400-3.ret")
    items[1] = items[1][:253] + "ABCDEFGHIJKLM" + items[1][266:]
    with pytest.raises(CnabError, match="Linha 2: valor nas posições 254-266 não é numérico"):
        parse_lines(items)


def test_size_limit_stops_reading():
    data = (FIXTURES / "caixa-cnab240-1.ret").read_bytes()
    with pytest.raises(CnabError, match="^Linha 5: o arquivo passa do limite de 0 MB"):
        parse_return(data, max_bytes=1000)


def test_endless_stream_without_line_breaks_stops_at_once():
    class Endless(io.RawIOBase):
        reads = 0

        def readable(self) -> bool:
            return True

        def readinto(self, buffer) -> int:
            self.reads += 1
            buffer[:] = b"0" * len(buffer)
            return len(buffer)

    stream = Endless()
    with pytest.raises(CnabError, match="^Linha 1: linha com mais de 401 caracteres"):
        parse_return(io.BufferedReader(stream))
    assert stream.reads <= 2


def test_cli_on_dev_zero_stops_with_a_message():
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero here")
    result = subprocess.run(
        [sys.executable, "-c", "import resource, runpy, sys; "
         "resource.setrlimit(resource.RLIMIT_AS, (512 * 1024 * 1024,) * 2); "
         "sys.argv = ['atende.banking', 'retorno', '/dev/zero']; "
         "runpy.run_module('atende.banking', run_name='__main__')"],
        capture_output=True, text=True, timeout=60, env={"PYTHONPATH": str(SRC), "PATH": ""},
        check=False,
    )  # fmt: skip
    assert result.returncode == 1
    assert "linha com mais de 401 caracteres" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_file_is_read_as_a_stream_not_held_whole(tmp_path):
    # One título and 40 000 optional Y segments (9.6 MB): read whole, the file alone would
    # take ~10 MB; read line by line, the peak is a few records.
    path = tmp_path / "big.ret"
    path.write_bytes(cnab240_return(1, y_segments=40_000))
    assert path.stat().st_size > 9_000_000
    tracemalloc.start()
    with path.open("rb") as handle:
        result = parse_return(handle)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert len(result.occurrences) == 1
    assert peak < 1_000_000


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
