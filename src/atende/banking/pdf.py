"""Boleto PDF: payer's receipt + compensation slip, interleaved 2 of 5 barcode at the standard
size (103 × 13 mm, FACTS.md §1), optional organization logo and PIX QR code. Pages are streamed
to the output one by one (pdfwriter), so a batch of 10 000 boletos keeps memory flat."""

from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import BinaryIO

import segno
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

from atende.banking.barcode import format_brl
from atende.banking.boleto import boleto_codes
from atende.banking.models import Boleto, BoletoCodes
from atende.banking.pdfwriter import StreamingCanvas as Canvas

# Interleaved 2 of 5: n = narrow, w = wide; bars from the first digit of a pair, spaces from
# the second.
I2OF5 = ["nnwwn", "wnnnw", "nwnnw", "wwnnn", "nnwnw", "wnwnn", "nwwnn", "nnnww", "wnnwn", "nwnwn"]

LEFT, WIDTH = 12 * mm, 186 * mm
SHORT_NAMES = {"001": "Banco do Brasil", "104": "CAIXA", "237": "Bradesco"}
BANK_DVS = {"001": "9", "104": "0", "237": "2"}  # the bank code's DV printed beside it
Logo = str | Path | bytes  # a file path or the image's bytes (JPEG, PNG, …)
NARROW_BAR = 103 * mm / 405  # 44 digits in I2of5 with ratio 3: 405 narrow units in 103 mm


def _document(digits: str) -> str:
    """CPF or CNPJ with its usual punctuation (as typed when it is neither)."""
    if len(digits) == 11 and digits.isdigit():
        return f"CPF {digits[:3]}.{digits[3:6]}.{digits[6:9]}-{digits[9:]}"
    if len(digits) == 14 and digits.isdigit():
        return f"CNPJ {digits[:2]}.{digits[2:5]}.{digits[5:8]}/{digits[8:12]}-{digits[12:]}"
    return f"CPF/CNPJ {digits}"


def _date(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else "Contra-apresentação"


def _box(
    canvas: Canvas, x: float, y: float, w: float, label: str, value: str, h: float = 9 * mm
) -> None:
    canvas.rect(x, y, w, h)
    canvas.setFont("Helvetica", 6)
    canvas.drawString(x + 1.2 * mm, y + h - 2.6 * mm, label)
    canvas.setFont("Helvetica-Bold", 9)
    canvas.drawString(x + 1.2 * mm, y + 2 * mm, value[:70])


def _bank_line(canvas: Canvas, y: float, boleto: Boleto, linha: str) -> None:
    canvas.setFont("Helvetica-Bold", 12)
    canvas.drawString(LEFT, y, SHORT_NAMES.get(boleto.bank, boleto.bank))
    canvas.setFont("Helvetica-Bold", 14)
    canvas.drawString(LEFT + 58 * mm, y, f"| {boleto.bank}-{BANK_DVS[boleto.bank]} |")
    canvas.setFont("Helvetica-Bold", 11)
    canvas.drawRightString(LEFT + WIDTH, y, linha)


def _common_boxes(canvas: Canvas, y: float, boleto: Boleto, codes: BoletoCodes) -> float:
    b = boleto.beneficiary
    agency = f"{b.agency}{'-' + b.agency_dv if b.agency_dv else ''}"
    code = b.agreement or f"{b.account}{'-' + b.account_dv if b.account_dv else ''}"
    _box(canvas, LEFT, y, 140 * mm, "Local de pagamento", "Pagável em qualquer banco")
    _box(canvas, LEFT + 140 * mm, y, 46 * mm, "Vencimento", _date(boleto.due_date))
    y -= 9 * mm
    name = f"{b.name} – {_document(b.document)}" if b.document else b.name
    _box(canvas, LEFT, y, 140 * mm, "Beneficiário", name)
    _box(
        canvas,
        LEFT + 140 * mm,
        y,
        46 * mm,
        "Agência / Código do beneficiário",
        f"{agency} / {code}",
    )
    y -= 9 * mm
    issue = _date(boleto.issue_date) if boleto.issue_date else ""
    wallet = f"{b.wallet}/{b.wallet_variation}" if b.wallet_variation else b.wallet
    # The two rows every FEBRABAN slip carries, left to right (BB-BOL §2.2, CX-BOL §4.2).
    for x, w, label, value in (
        (0, 30, "Data do documento", issue), (30, 40, "Nº do documento", boleto.document_number),
        (70, 20, "Espécie doc.", "DM"), (90, 15, "Aceite", "N"),
        (105, 35, "Data processamento", issue),
    ):  # fmt: skip
        _box(canvas, LEFT + x * mm, y, w * mm, label, value)
    _box(canvas, LEFT + 140 * mm, y, 46 * mm, "Nosso número", codes.nosso_numero)
    y -= 9 * mm
    for x, w, label, value in (
        (0, 30, "Uso do banco", ""), (30, 25, "Carteira", wallet), (55, 15, "Espécie", "R$"),
        (70, 35, "Quantidade", ""), (105, 35, "(x) Valor", ""),
    ):  # fmt: skip
        _box(canvas, LEFT + x * mm, y, w * mm, label, value)
    _box(canvas, LEFT + 140 * mm, y, 46 * mm, "(=) Valor do documento", format_brl(boleto.amount))
    return y


def _draw(canvas: Canvas, boleto: Boleto, codes: BoletoCodes, logo: Logo | None) -> None:
    top = A4[1] - 15 * mm
    if logo:
        canvas.drawImage(logo, LEFT, top - 12 * mm, 40 * mm, 12 * mm)
    canvas.setFont("Helvetica-Bold", 10)
    canvas.drawRightString(LEFT + WIDTH, top - 4 * mm, "Recibo do pagador")
    _bank_line(canvas, top - 20 * mm, boleto, codes.linha_digitavel)
    y = _common_boxes(canvas, top - 31 * mm, boleto, codes)
    _box(canvas, LEFT, y - 9 * mm, WIDTH, "Pagador", boleto.payer.name)
    canvas.setDash(2, 2)
    canvas.line(LEFT, y - 16 * mm, LEFT + WIDTH, y - 16 * mm)
    canvas.setDash()
    canvas.setFont("Helvetica", 6)
    canvas.drawRightString(LEFT + WIDTH, y - 15 * mm, "Corte na linha pontilhada")
    slip_top = y - 24 * mm
    _bank_line(canvas, slip_top, boleto, codes.linha_digitavel)
    y = _common_boxes(canvas, slip_top - 11 * mm, boleto, codes)
    instructions_h = 36 * mm
    _box(
        canvas,
        LEFT,
        y - instructions_h,
        140 * mm,
        "Instruções (texto de responsabilidade do beneficiário)",
        "",
        instructions_h,
    )
    canvas.setFont("Helvetica", 8)
    for index, text in enumerate(boleto.instructions[:7]):
        canvas.drawString(LEFT + 2 * mm, y - 8 * mm - index * 4 * mm, text[:95])
    for index, label in enumerate(("(-) Desconto", "(+) Juros / multa", "(=) Valor cobrado")):
        _box(canvas, LEFT + 140 * mm, y - (index + 1) * 12 * mm, 46 * mm, label, "", 12 * mm)
    y -= instructions_h
    payer = boleto.payer
    cep = payer.postal_code
    cep = f"CEP {cep[:5]}-{cep[5:]}" if len(cep) == 8 and cep.isdigit() else cep
    parts = (payer.address, payer.district, payer.city, payer.state, cep)
    address = ", ".join(part for part in parts if part)
    _box(canvas, LEFT, y - 14 * mm, WIDTH, "Pagador", "", 14 * mm)
    name = f"{payer.name} – {_document(payer.document)}" if payer.document else payer.name
    canvas.setFont("Helvetica-Bold", 9)
    canvas.drawString(LEFT + 1.2 * mm, y - 7 * mm, name[:95])
    canvas.setFont("Helvetica", 8)
    canvas.drawString(LEFT + 1.2 * mm, y - 12 * mm, address[:110])
    y -= 14 * mm
    canvas.setFont("Helvetica", 7)
    canvas.drawRightString(LEFT + WIDTH, y - 3 * mm, "Autenticação mecânica – Ficha de compensação")
    _barcode(canvas, codes.barcode, LEFT, y - 20 * mm)
    if boleto.pix_payload:
        _pix_qr(canvas, boleto.pix_payload, LEFT + WIDTH - 32 * mm, y - 40 * mm)


def _barcode(canvas: Canvas, digits: str, x: float, y: float) -> None:
    """Bars of the 44 digits: start (nnnn), digit pairs, stop (wnn); wide = 3 × narrow."""
    widths = {"n": NARROW_BAR, "w": 3 * NARROW_BAR}
    elements = "nnnn"
    for first, second in zip(digits[0::2], digits[1::2], strict=True):
        bars, spaces = I2OF5[int(first)], I2OF5[int(second)]
        elements += "".join(bar + space for bar, space in zip(bars, spaces, strict=True))
    elements += "wnn"
    for index, element in enumerate(elements):
        if index % 2 == 0:  # even positions are bars, odd are spaces
            canvas.rect(x, y, widths[element], 13 * mm, stroke=0, fill=1)
        x += widths[element]


def _pix_qr(canvas: Canvas, payload: str, x: float, y: float) -> None:
    matrix = segno.make(payload, error="m").matrix
    module = 30 * mm / len(matrix)
    for row, cells in enumerate(matrix):
        column = 0
        while column < len(cells):  # one rectangle per run of dark modules
            if cells[column]:
                start = column
                while column < len(cells) and cells[column]:
                    column += 1
                top = y + 30 * mm - (row + 1) * module
                canvas.rect(x + start * module, top, (column - start) * module, module, 0, 1)
            else:
                column += 1
    canvas.setFont("Helvetica", 7)
    canvas.drawRightString(x - 2 * mm, y + 15 * mm, "Pague também com PIX: leia o QR code")


def boletos_pdf(
    boletos: Iterable[Boleto], output: BinaryIO, *, logo: Logo | None = None, compress: bool = True
) -> int:
    """Write one page per boleto (the iterable is consumed one at a time); returns the count.

    `output` is any binary writable: a file, BytesIO, a pipe or a streaming HTTP response.
    """
    canvas = Canvas(output, pagesize=A4, compress=compress)
    canvas.setTitle("Boletos")
    count = 0
    for boleto in boletos:
        _draw(canvas, boleto, boleto_codes(boleto), logo)
        canvas.showPage()
        count += 1
    canvas.save()
    return count
