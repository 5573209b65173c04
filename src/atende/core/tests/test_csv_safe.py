"""CSV cells that a spreadsheet would run as formulas are written as text (OWASP rule)."""

import csv
import io
import string
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from atende.core import csv_safe

# Text that often starts with a trigger, a space or a quote, and also holds the delimiter,
# quotes and line breaks the csv module must still quote.
cell_text = st.text(
    alphabet=st.one_of(st.sampled_from("=+-@\t\r\n '\";,|!0123456789aZç"), st.characters()),
    max_size=30,
)


def _spreadsheet_sees_formula(cell: str) -> bool:
    """The first character decides, once the spaces a spreadsheet may trim are gone."""
    visible = cell.lstrip(" ")
    return bool(visible) and visible[0] in "=+-@\t\r"


def _round_trip(rows: list[list[str]]) -> list[list[str]]:
    buffer = io.StringIO(newline="")
    csv_safe.writer(buffer, delimiter=";").writerows(rows)
    return list(csv.reader(io.StringIO(buffer.getvalue(), newline=""), delimiter=";"))


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
        ("+5511999990000", "'+5511999990000"),
        ("-", "'-"),
        ("-12,50", "'-12,50"),
        ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("   =1+1", "'   =1+1"),
        ('"=1+1', "'\"=1+1"),
        ("' \"@x", "'' \"@x"),
        ("\n=1", "'\n=1"),
        ("0123456789", "0123456789"),
        ("Ana Lima", "Ana Lima"),
        ("Rua 7 - Centro", "Rua 7 - Centro"),
        ("ana@loja.com", "ana@loja.com"),
        ("", ""),
        ("   ", "   "),
    ],
)
def test_cell_is_neutralized_exactly_when_formula_like(value, written):
    assert csv_safe.neutralize(value) == written


def test_values_that_are_not_text_stay_as_they_are():
    assert csv_safe.neutralize_row([-3, Decimal("-1.50"), None]) == [-3, Decimal("-1.50"), None]


@given(cell_text)
def test_neutralized_cell_is_the_value_or_the_value_after_one_quote(value):
    written = csv_safe.neutralize(value)
    assert written == ("'" + value if csv_safe.is_formula_like(value) else value)
    assert not _spreadsheet_sees_formula(written)


@given(st.text(alphabet=string.digits))
def test_digits_only_cells_are_unchanged(value):
    assert csv_safe.neutralize(value) == value


@given(st.lists(st.lists(cell_text, min_size=1, max_size=5), min_size=1, max_size=5))
def test_writer_keeps_rfc4180_quoting(rows):
    read_back = _round_trip(rows)
    assert read_back == [csv_safe.neutralize_row(row) for row in rows]
    assert not any(_spreadsheet_sees_formula(cell) for row in read_back for cell in row)
