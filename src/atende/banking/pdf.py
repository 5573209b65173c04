"""Boleto PDF: payer's receipt + ficha de compensação with every FEBRABAN field, interleaved
2 of 5 barcode at the standard size (103 × 13 mm, FACTS.md §1), optional organization logo and
PIX QR code. Pages are streamed to the output one by one (pdfwriter), so a batch of 10 000
boletos keeps memory flat. Text is set in an embedded TrueType font and fitted to its box by
measured width (pdflayout)."""

from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import BinaryIO

import segno
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

from atende.banking.banks import bank_module
from atende.banking.barcode import format_brl
from atende.banking.boleto import boleto_codes
from atende.banking.models import Boleto, BoletoCodes
from atende.banking.pdffont import BOLD, REGULAR
from atende.banking.pdflayout import LEADING, fit_line, fit_paragraphs
from atende.banking.pdfwriter import StreamingCanvas as Canvas
from atende.banking.pix import boleto_pix

# Interleaved 2 of 5: n = narrow, w = wide; bars from the first digit of a pair, spaces from
# the second.
I2OF5 = ["nnwwn", "wnnnw", "nwnnw", "wwnnn", "nnwnw", "wnwnn", "nwwnn", "nnnww", "wnnwn", "nwnwn"]

LEFT, WIDTH = 12 * mm, 186 * mm
MAIN, SIDE = 140 * mm, 46 * mm  # the slip's two columns
SHORT_NAMES = {
    "001": "Banco do Brasil",
    "033": "Santander",
    "104": "CAIXA",
    "237": "Bradesco",
    "341": "Itaú",
    "748": "Sicredi",
    "756": "Sicoob",
}
# The bank code's DV printed beside it, as each bank prints it (104-0 and 748-X are both a
# remainder of 10: the banks chose differently, so this is a table, not a computation).
BANK_DVS = {"001": "9", "033": "7", "104": "0", "237": "2", "341": "7", "748": "X", "756": "0"}
Logo = str | Path | bytes  # a file path or the image's bytes (JPEG, PNG, …)
NARROW_BAR = 103 * mm / 405  # 44 digits in I2of5 with ratio 3: 405 narrow units in 103 mm
PAD = 1.2 * mm
QR_SIZE = 30 * mm


def _document(digits: str) -> str:
    """CPF or CNPJ with its usual punctuation (as typed when it is neither)."""
    if len(digits) == 11 and digits.isdigit():
        return f"CPF {digits[:3]}.{digits[3:6]}.{digits[6:9]}-{digits[9:]}"
    if len(digits) == 14 and digits.isdigit():
        return f"CNPJ {digits[:2]}.{digits[2:5]}.{digits[5:8]}/{digits[8:12]}-{digits[12:]}"
    return f"CPF/CNPJ {digits}"


def _named(name: str, document: str) -> str:
    return f"{name} – {_document(document)}" if document else name


def _date(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else "Contra-apresentação"


def _money(value: Decimal | None) -> str:
    return format_brl(value) if value is not None else ""


def _address(street: str, district: str, city: str, state: str, postal_code: str) -> str:
    """`Rua A, 10 – Centro – Campinas/SP – CEP 13010-000`, leaving out what is empty."""
    cep = postal_code
    if len(cep) == 8 and cep.isdigit():
        cep = f"CEP {cep[:5]}-{cep[5:]}"
    place = "/".join(part for part in (city, state) if part)
    return " – ".join(part for part in (street, district, place, cep) if part)


def _box(
    canvas: Canvas,
    x: float,
    y: float,
    w: float,
    label: str,
    value: str,
    h: float = 9 * mm,
    *,
    right: bool = False,
) -> None:
    """A framed field: its label at the top, the value fitted to the width at the bottom."""
    canvas.rect(x, y, w, h)
    text, size = fit_line(label, REGULAR, 6, w - 2 * PAD, 4)
    canvas.setFont(REGULAR, size)
    canvas.drawString(x + PAD, y + h - 2.6 * mm, text)
    if value:
        text, size = fit_line(value, BOLD, 9, w - 2 * PAD)
        canvas.setFont(BOLD, size)
        if right:
            canvas.drawRightString(x + w - PAD, y + 2 * mm, text)
        else:
            canvas.drawString(x + PAD, y + 2 * mm, text)


def _lines(
    canvas: Canvas,
    x: float,
    top: float,
    w: float,
    h: float,
    texts: list[str],
    font: str,
    size: float,
) -> None:
    """Paragraphs wrapped inside the area whose top-left corner is (x, top)."""
    lines, fitted = fit_paragraphs(texts, font, size, w, h)
    canvas.setFont(font, fitted)
    for index, line in enumerate(lines):
        canvas.drawString(x, top - fitted - index * fitted * LEADING, line)


def _bank_line(canvas: Canvas, y: float, boleto: Boleto, linha: str) -> None:
    """Bank name | code-DV | linha digitável, above a heavier rule (FEBRABAN layout)."""
    name, size = fit_line(SHORT_NAMES[boleto.bank], BOLD, 13, 36 * mm)
    canvas.setFont(BOLD, size)
    canvas.drawString(LEFT, y, name)
    canvas.rect(LEFT + 38 * mm, y - 1.5 * mm, 0.6, 7 * mm, stroke=0, fill=1)
    canvas.rect(LEFT + 58 * mm, y - 1.5 * mm, 0.6, 7 * mm, stroke=0, fill=1)
    canvas.setFont(BOLD, 14)
    code = f"{boleto.bank}-{BANK_DVS[boleto.bank]}"
    canvas.drawString(LEFT + 48 * mm - canvas.stringWidth(code, BOLD, 14) / 2, y, code)
    text, size = fit_line(linha, BOLD, 11.5, WIDTH - 61 * mm, 8)
    canvas.setFont(BOLD, size)
    canvas.drawRightString(LEFT + WIDTH, y, text)
    canvas.rect(LEFT, y - 2.2 * mm, WIDTH, 0.8, stroke=0, fill=1)


def _common_boxes(canvas: Canvas, y: float, boleto: Boleto, codes: BoletoCodes) -> float:
    """The rows both parts carry, from the top at `y`; returns the bottom of the last row."""
    b = boleto.beneficiary
    y -= 9 * mm
    _box(canvas, LEFT, y, MAIN, "Local de pagamento", "Pagável em qualquer banco")
    _box(canvas, LEFT + MAIN, y, SIDE, "Vencimento", _date(boleto.due_date), right=True)
    y -= 12 * mm
    canvas.rect(LEFT, y, MAIN, 12 * mm)
    canvas.setFont(REGULAR, 6)
    canvas.drawString(LEFT + PAD, y + 12 * mm - 2.6 * mm, "Beneficiário")
    name, size = fit_line(_named(b.name, b.document), BOLD, 9, MAIN - 2 * PAD)
    canvas.setFont(BOLD, size)
    canvas.drawString(LEFT + PAD, y + 5.6 * mm, name)
    address = _address(b.address, b.district, b.city, b.state, b.postal_code)
    text, size = fit_line(address, REGULAR, 7.5, MAIN - 2 * PAD)
    canvas.setFont(REGULAR, size)
    canvas.drawString(LEFT + PAD, y + 1.8 * mm, text)
    code = bank_module(boleto.bank).beneficiary_code(boleto)
    label = "Agência / Código do beneficiário"
    _box(canvas, LEFT + MAIN, y, SIDE, label, code, 12 * mm, right=True)
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
    _box(canvas, LEFT + MAIN, y, SIDE, "Nosso número", codes.nosso_numero, right=True)
    y -= 9 * mm
    for x, w, label, value in (
        (0, 30, "Uso do banco", ""), (30, 25, "Carteira", wallet), (55, 15, "Espécie", "R$"),
        (70, 35, "Quantidade", ""), (105, 35, "(x) Valor", ""),
    ):  # fmt: skip
        _box(canvas, LEFT + x * mm, y, w * mm, label, value)
    amount = format_brl(boleto.amount) if boleto.amount else ""  # 0: the payer types it
    _box(canvas, LEFT + MAIN, y, SIDE, "(=) Valor do documento", amount, right=True)
    return y


def _payer_box(canvas: Canvas, y: float, h: float, boleto: Boleto, *, address: bool) -> float:
    """Pagador (name, CPF/CNPJ and, on the slip, the address) and Sacador/Avalista."""
    payer = boleto.payer
    y -= h
    canvas.rect(LEFT, y, WIDTH, h)
    canvas.setFont(REGULAR, 6)
    canvas.drawString(LEFT + PAD, y + h - 2.6 * mm, "Pagador")
    if address:
        canvas.drawRightString(LEFT + WIDTH - PAD, y + h - 2.6 * mm, "Código de baixa")
    name, size = fit_line(_named(payer.name, payer.document), BOLD, 9, WIDTH - 2 * PAD)
    canvas.setFont(BOLD, size)
    canvas.drawString(LEFT + PAD, y + h - 6.4 * mm, name)
    if address:
        where = _address(payer.address, payer.district, payer.city, payer.state,
                         payer.postal_code)  # fmt: skip
        _lines(canvas, LEFT + PAD, y + h - 7.4 * mm, WIDTH - 2 * PAD, h - 12 * mm, [where],
               REGULAR, 8)  # fmt: skip
    guarantor = _named(boleto.guarantor_name, boleto.guarantor_document)
    text, size = fit_line(f"Sacador/Avalista: {guarantor}".strip(), REGULAR, 7.5,
                          WIDTH - 2 * PAD)  # fmt: skip
    canvas.setFont(REGULAR, size)
    canvas.drawString(LEFT + PAD, y + 1.6 * mm, text)
    return y


def _draw(canvas: Canvas, boleto: Boleto, codes: BoletoCodes, logo: Logo | None, pix: bool) -> None:
    top = A4[1] - 12 * mm
    if logo:
        canvas.drawImage(logo, LEFT, top - 12 * mm, 40 * mm, 12 * mm)
    canvas.setFont(BOLD, 10)
    canvas.drawRightString(LEFT + WIDTH, top - 4 * mm, "Recibo do pagador")
    _bank_line(canvas, top - 19 * mm, boleto, codes.linha_digitavel)
    y = _common_boxes(canvas, top - 21.5 * mm, boleto, codes)
    y = _payer_box(canvas, y, 12 * mm, boleto, address=False)
    canvas.setFont(REGULAR, 6)
    canvas.drawRightString(LEFT + WIDTH, y - 3 * mm, "Autenticação mecânica")
    canvas.setDash(2, 2)
    canvas.line(LEFT, y - 8 * mm, LEFT + WIDTH, y - 8 * mm)
    canvas.setDash()
    canvas.drawRightString(LEFT + WIDTH, y - 7 * mm, "Corte na linha pontilhada")
    slip = y - 17 * mm
    _bank_line(canvas, slip, boleto, codes.linha_digitavel)
    y = _common_boxes(canvas, slip - 2.5 * mm, boleto, codes)
    block = 5 * 9 * mm
    canvas.rect(LEFT, y - block, MAIN, block)
    canvas.setFont(REGULAR, 6)
    canvas.drawString(
        LEFT + PAD, y - 2.6 * mm, "Instruções (texto de responsabilidade do beneficiário)"
    )
    _lines(canvas, LEFT + 2 * mm, y - 4 * mm, MAIN - 4 * mm, block - 5 * mm,
           list(boleto.instructions), REGULAR, 8.5)  # fmt: skip
    for index, (label, value) in enumerate(
        (
            ("(-) Desconto / Abatimento", boleto.discount),
            ("(-) Outras deduções", boleto.other_deductions),
            ("(+) Mora / Multa", boleto.fine),
            ("(+) Outros acréscimos", boleto.other_additions),
            ("(=) Valor cobrado", boleto.charged),
        )
    ):
        row = y - (index + 1) * 9 * mm
        _box(canvas, LEFT + MAIN, row, SIDE, label, _money(value), right=True)
    y = _payer_box(canvas, y - block, 18 * mm, boleto, address=True)
    canvas.setFont(REGULAR, 7)
    canvas.drawRightString(LEFT + WIDTH, y - 3 * mm, "Autenticação mecânica – Ficha de Compensação")
    _barcode(canvas, codes.barcode, LEFT, y - 18 * mm)
    if pix:
        _pix(canvas, boleto, y - 4.5 * mm)


def _barcode(canvas: Canvas, digits: str, x: float, y: float) -> None:
    """Bars of the 44 digits: start (nnnn), digit pairs, stop (wnn); wide = 3 × narrow."""
    widths = {"n": NARROW_BAR, "w": 3 * NARROW_BAR}
    elements = "nnnn"
    for first, second in zip(digits[0::2], digits[1::2], strict=True):
        bars, spaces = I2OF5[int(first)], I2OF5[int(second)]
        elements += "".join(bar + space for bar, space in zip(bars, spaces, strict=True))
    elements += "wnn"
    spans: list[tuple[float, float]] = []  # (x, width) of each bar
    for index, element in enumerate(elements):
        if index % 2 == 0:  # even positions are bars, odd are spaces
            spans.append((x, widths[element]))
        x += widths[element]
    canvas.fill_rects(spans, y, 13 * mm)


def _pix(canvas: Canvas, boleto: Boleto, top: float) -> None:
    """The QR code at the right of the barcode, and how to choose between the two."""
    x = LEFT + WIDTH - QR_SIZE
    _qr(canvas, boleto.pix_payload, x, top - QR_SIZE)
    text_x = LEFT + 107 * mm
    text_w = x - 4 * mm - text_x  # 4 mm: the QR code's quiet zone (4 modules)
    title, size = fit_line("Pague com PIX ou com o código de barras", BOLD, 8, text_w)
    canvas.setFont(BOLD, size)
    canvas.drawString(text_x, top - 3 * mm, title)
    amount = format_brl(boleto.amount) if boleto.amount else "o valor do boleto"
    advice = (
        f"Use só um dos dois meios: o QR code PIX ao lado e o código de barras cobram o mesmo "
        f"valor ({amount}). Quem paga pelos dois paga duas vezes."
    )
    _lines(canvas, text_x, top - 4.5 * mm, text_w, QR_SIZE - 5 * mm, [advice], REGULAR, 7.5)


def _qr(canvas: Canvas, payload: str, x: float, y: float) -> None:
    matrix = segno.make(payload, error="m").matrix
    module = QR_SIZE / len(matrix)
    for row, cells in enumerate(matrix):
        column = 0
        while column < len(cells):  # one rectangle per run of dark modules
            if cells[column]:
                start = column
                while column < len(cells) and cells[column]:
                    column += 1
                bottom = y + QR_SIZE - (row + 1) * module
                canvas.rect(x + start * module, bottom, (column - start) * module, module, 0, 1)
            else:
                column += 1


def printable(boleto: Boleto) -> BoletoCodes:
    """Everything a page needs that can be refused (codes, beneficiary code, PIX), checked
    without drawing: a batch that passes prints whole. Raises BankingError."""
    codes = boleto_codes(boleto)
    bank_module(boleto.bank).beneficiary_code(boleto)
    if boleto.pix_payload:
        boleto_pix(boleto.pix_payload, boleto.amount)
    return codes


def boletos_pdf(
    boletos: Iterable[Boleto], output: BinaryIO, *, logo: Logo | None = None, compress: bool = True
) -> int:
    """Write one page per boleto (the iterable is consumed one at a time); returns the count.

    `output` is any binary writable: a file, BytesIO, a pipe or a streaming HTTP response. A
    boleto whose codes or PIX payload are invalid raises BankingError before its page is drawn
    (the pages before it are already written: check a batch first with `printable`).
    """
    canvas = Canvas(output, pagesize=A4, compress=compress)
    canvas.setTitle("Boletos")
    count = 0
    for boleto in boletos:
        codes = printable(boleto)
        _draw(canvas, boleto, codes, logo, pix=bool(boleto.pix_payload))
        canvas.showPage()
        count += 1
    canvas.save()
    return count
