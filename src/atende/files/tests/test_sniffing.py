"""The sniffer names what the bytes are, whatever the file is called, and never crashes."""

import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from atende.files import sniffing
from atende.files.tests import samples


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        (samples.pdf_bytes(), sniffing.PDF),
        (samples.PNG, sniffing.PNG),
        (samples.JPEG, sniffing.JPEG),
        (samples.GIF, sniffing.GIF),
        (b"GIF87a\x01\x00\x01\x00", sniffing.GIF),
        (samples.office_bytes("word"), sniffing.DOCX),
        (samples.office_bytes("xl"), sniffing.XLSX),
        (samples.office_bytes("xl", macros=True), sniffing.OFFICE_MACROS),
        (samples.office_bytes("word", content_types=False), sniffing.ZIP),
        (samples.OLE2, sniffing.OLE2),
        (samples.CSV_UTF8, sniffing.TEXT),
        (samples.CSV_CP1252, sniffing.TEXT),
        (samples.CSV_STARTING_WITH_MZ, sniffing.TEXT),
        (b"0100000000000000;x\r\n\x1a", sniffing.TEXT),
        (samples.NFE_XML, sniffing.XML),
        (samples.XSLT_XML, sniffing.HTML),
        (samples.HTML, sniffing.HTML),
        (b"\xef\xbb\xbf  <p>Ol\xc3\xa1</p>", sniffing.HTML),
        (b"nome;site\nA;<a href='javascript:alert(1)'>x</a>", sniffing.HTML),
        (samples.SVG, sniffing.SVG),
        (samples.BARE_SVG, sniffing.SVG),
        (samples.EXE, sniffing.EXECUTABLE),
        (samples.ELF, sniffing.EXECUTABLE),
        (samples.SHELL, sniffing.EXECUTABLE),
        (b"texto\x00com NUL", sniffing.UNKNOWN),
        (b"PK\x03\x04truncated", sniffing.UNKNOWN),
        (b"", sniffing.UNKNOWN),
    ],
)
def test_sniff_names_the_real_content(content, kind):
    assert sniffing.sniff_bytes(content) == kind


def test_sniff_leaves_the_stream_where_it_was():
    stream = io.BytesIO(samples.PNG)
    stream.seek(5)
    sniffing.sniff(stream)
    assert stream.tell() == 5


@given(st.binary(max_size=4096))
def test_the_sniffer_never_fails_on_random_bytes(data):
    assert sniffing.sniff_bytes(data) in sniffing.KINDS


@given(st.binary(max_size=2048))
def test_the_sniffer_never_fails_on_broken_zip_files(tail):
    assert sniffing.sniff_bytes(b"PK\x03\x04" + tail) in sniffing.KINDS


@given(st.integers(min_value=0, max_value=400), st.binary(min_size=1, max_size=8))
def test_the_sniffer_never_fails_on_a_corrupted_docx(offset, garbage):
    docx = bytearray(samples.office_bytes("word"))
    position = offset % len(docx)
    docx[position : position + len(garbage)] = garbage
    assert sniffing.sniff_bytes(bytes(docx)) in sniffing.KINDS
