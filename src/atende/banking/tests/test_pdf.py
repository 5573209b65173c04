"""Boleto PDFs: valid files, one page per boleto, the codes printed, batches consumed lazily."""

import io
import re
import shutil
import subprocess
from datetime import date
from decimal import Decimal

import pytest
from PIL import Image

from atende.banking.boleto import boleto_codes
from atende.banking.errors import BankingError
from atende.banking.models import Beneficiary, Boleto, Payer
from atende.banking.pdf import I2OF5, boletos_pdf
from atende.banking.pix import pix_payload
from atende.banking.tests.pdftools import pdf_text

BAR_HEIGHT = b"36.85"  # 13 mm in points, the FEBRABAN height (FACTS.md §1)


def _boleto(number: int, *, pix: bool = True) -> Boleto:
    return Boleto(
        bank="237", amount=Decimal("150.00") + number, due_date=date(2026, 12, 10),
        nosso_numero=str(number), beneficiary=Beneficiary(name="Demo Telecom Ltda", agency="1234",
        account="123456", wallet="09", document="11222333000181"),
        payer=Payer(name=f"Cliente {number}", document="52998224725", address="Rua A, 10",
                    city="Campinas", state="SP", postal_code="13010000"),
        instructions=("Não receber após 30 dias.", "Multa de 2% após o vencimento."),
        pix_payload=pix_payload(key="pix@demo.com.br", name="Demo", city="Campinas",
                                amount=Decimal("150.00") + number) if pix else "",
    )  # fmt: skip


def _pdf(boletos: list[Boleto], **options: object) -> bytes:
    output = io.BytesIO()
    assert boletos_pdf(boletos, output, compress=False, **options) == len(boletos)  # type: ignore[arg-type]
    return output.getvalue()


def _bars(pdf: bytes) -> list[tuple[float, float]]:
    """(x, width) of every filled rectangle of barcode height, left to right."""
    pattern = rb"([\d.]+) ([\d.]+) ([\d.]+) " + BAR_HEIGHT + rb" re\b"
    return sorted((float(x), float(w)) for x, _, w in re.findall(pattern, pdf))


def _decode_i2of5(bars: list[tuple[float, float]]) -> str:
    """Read the digits back from the bar widths and the gaps between bars."""
    narrow = min(width for _, width in bars)
    elements = []
    ends = [*bars[1:], (bars[-1][0] + bars[-1][1], 0.0)]  # the last bar has no gap after it
    for (x, width), (next_x, _) in zip(bars, ends, strict=True):
        elements.append("w" if width > 2 * narrow else "n")
        gap = next_x - x - width
        if gap > 0.01:
            elements.append("w" if gap > 2 * narrow else "n")
    code = "".join(elements)
    assert code.startswith("nnnn")  # start pattern
    assert code.endswith("wnn")  # stop pattern
    body = code[4:-3]
    digits = ""
    for start in range(0, len(body), 10):
        pair = body[start : start + 10]
        digits += str(I2OF5.index(pair[0::2])) + str(I2OF5.index(pair[1::2]))
    return digits


def test_one_boleto_is_a_pdf_with_its_codes_printed():
    boleto = _boleto(1)
    pdf = _pdf([boleto])
    codes = boleto_codes(boleto)
    assert pdf.startswith(b"%PDF-1.4\n")
    assert pdf.rstrip().endswith(b"%%EOF")
    assert b"/Count 1" in pdf
    text = pdf_text(pdf)
    assert text.count(codes.linha_digitavel) == 2  # receipt and slip
    assert text.count("09/00000000001-1") == 2  # nosso número as printed (vector dv-22)
    assert "R$ 151,00" in text
    assert "Demo Telecom Ltda – CNPJ 11.222.333/0001-81" in text
    assert "Cliente 1 – CPF 529.982.247-25" in text
    assert "Rua A, 10 – Campinas/SP – CEP 13010-000" in text
    assert "1234-3 / 0123456-0" in text  # Bradesco agência-DV / conta-DV (dv-26…48 rules)
    assert _decode_i2of5(_bars(pdf)) == codes.barcode


def test_barcode_has_the_standard_size():
    bars = _bars(_pdf([_boleto(2, pix=False)]))
    width_mm = (bars[-1][0] + bars[-1][1] - bars[0][0]) / 72 * 25.4
    assert round(width_mm, 2) == 103.0  # start + 22 digit pairs + stop, 405 narrow modules


def test_batch_has_one_page_per_boleto_and_is_consumed_lazily():
    produced: list[int] = []
    written: list[int] = []

    class Output(io.BytesIO):
        def write(self, data: bytes) -> int:  # type: ignore[override]
            written.append(len(produced))
            return super().write(data)

    def generate():
        for number in range(25):
            produced.append(number)
            yield _boleto(number)

    output = Output()
    assert boletos_pdf(generate(), output) == 25
    assert produced == list(range(25))
    assert b"/Count 25" in output.getvalue()
    assert output.getvalue().count(b"/Type /Page ") == 25
    # Pages reached the output while the generator was still producing boletos.
    assert {1, 2, 24} <= set(written)


def test_output_does_not_need_to_be_seekable():
    class Pipe:
        def __init__(self) -> None:
            self.chunks: list[bytes] = []

        def write(self, data: bytes) -> int:
            self.chunks.append(data)
            return len(data)

    pipe = Pipe()
    assert boletos_pdf([_boleto(3)], pipe) == 1  # type: ignore[arg-type]
    pdf = b"".join(pipe.chunks)
    xref_at = int(pdf.rsplit(b"startxref\n", 1)[1].split(b"\n")[0])
    assert pdf[xref_at:].startswith(b"xref\n")


def _image(kind: str) -> bytes:
    buffer = io.BytesIO()
    mode = "RGBA" if kind == "PNG" else "RGB"
    Image.new(mode, (200, 50), (200, 30, 30, 128) if mode == "RGBA" else (200, 30, 30)).save(
        buffer, kind
    )
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("kind", "pdf_filter"), [("JPEG", b"/DCTDecode"), ("PNG", b"/FlateDecode")]
)
def test_logo_is_embedded_once_for_the_whole_batch(tmp_path, kind, pdf_filter):
    path = tmp_path / f"logo.{kind.lower()}"
    path.write_bytes(_image(kind))
    pdf = _pdf([_boleto(1), _boleto(2)], logo=str(path))
    assert pdf.count(b"/Subtype /Image") == 1
    assert b"/Width 200 /Height 50" in pdf
    assert pdf_filter + b" /Length" in pdf
    assert pdf.count(b"/Im1 Do") == 2


def test_unreadable_logo_is_a_portuguese_error():
    with pytest.raises(BankingError, match="Logo: imagem ilegível"):
        boletos_pdf([_boleto(1)], io.BytesIO(), logo=b"not an image")


def test_printed_barcode_and_pix_qr_scan_back(tmp_path):
    """Render the page and read it with a real barcode scanner (zbar)."""
    if not (shutil.which("pdftoppm") and shutil.which("zbarimg")):
        pytest.skip("pdftoppm/zbarimg not installed (Debian poppler-utils and zbar-tools)")
    boleto = _boleto(7)
    pdf = tmp_path / "boleto.pdf"
    with pdf.open("wb") as output:
        boletos_pdf([boleto], output)
    subprocess.run(["pdftoppm", "-png", "-r", "200", str(pdf), str(tmp_path / "page")], check=True)
    scanned = subprocess.run(
        ["zbarimg", "--raw", "-q", str(tmp_path / "page-1.png")],
        capture_output=True, text=True, check=True,
    ).stdout.split()  # fmt: skip
    assert sorted(scanned) == sorted([boleto_codes(boleto).barcode, boleto.pix_payload])
