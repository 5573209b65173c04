"""Boleto PDFs: valid files, one page per boleto, the linha printed, batches consumed lazily."""

import io
from datetime import date
from decimal import Decimal

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
