"""Boleto PDFs: valid files, one page per boleto, the linha printed, batches consumed lazily."""

import io
import shutil
import subprocess
from datetime import date
from decimal import Decimal

import pytest

from atende.banking.boleto import boleto_codes
from atende.banking.models import Beneficiary, Boleto, Payer
from atende.banking.pdf import boletos_pdf
from atende.banking.pix import pix_payload


def _boleto(number: int) -> Boleto:
    return Boleto(
        bank="237", amount=Decimal("150.00") + number, due_date=date(2026, 12, 10),
        nosso_numero=str(number), beneficiary=Beneficiary(name="Demo Telecom Ltda", agency="1234",
        account="123456", wallet="09"), payer=Payer(name=f"Cliente {number}"),
        instructions=("Não receber após 30 dias.",),
        pix_payload=pix_payload(key="pix@demo.com.br", name="Demo", city="Campinas", amount="150"),
    )  # fmt: skip


def test_one_boleto_is_a_pdf_with_its_linha_digitavel():
    output = io.BytesIO()
    assert boletos_pdf([_boleto(1)], output, compress=False) == 1
    pdf = output.getvalue()
    assert pdf.startswith(b"%PDF-")
    assert b"(" + boleto_codes(_boleto(1)).linha_digitavel.encode() + b") Tj" in pdf
    assert b"/Count 1" in pdf


def test_batch_has_one_page_per_boleto_and_is_consumed_lazily():
    produced = []

    def generate():
        for number in range(25):
            produced.append(number)
            yield _boleto(number)

    output = io.BytesIO()
    iterator = generate()
    assert produced == []  # nothing drawn before the writer asks
    assert boletos_pdf(iterator, output) == 25
    assert produced == list(range(25))
    assert b"/Count 25" in output.getvalue()


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
