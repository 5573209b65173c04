"""The printable direct-debit authorisation (autorização de débito em conta), with ReportLab."""

from io import BytesIO

from django.utils import timezone
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from atende.customers.models import Customer, DirectDebit

MARGIN = 20 * mm


def _wrap(canvas: Canvas, text: str, x: float, y: float, width: float, size: int = 11) -> float:
    """Write `text` wrapped to `width`; returns the y below it."""
    canvas.setFont("Helvetica", size)
    line = ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if canvas.stringWidth(candidate, "Helvetica", size) > width:
            canvas.drawString(x, y, line)
            y -= size * 1.5
            line = word
        else:
            line = candidate
    if line:
        canvas.drawString(x, y, line)
        y -= size * 1.5
    return y


def direct_debit_authorisation_pdf(
    *, organization_name: str, customer: Customer, debit: DirectDebit
) -> bytes:
    """One A4 page the customer signs and takes to the bank."""
    buffer = BytesIO()
    canvas = Canvas(buffer, pagesize=A4, pageCompression=1)
    canvas.setTitle(f"Autorização de débito – {customer.name}")
    width, height = A4
    y = height - MARGIN
    canvas.setFont("Helvetica-Bold", 16)
    canvas.drawString(MARGIN, y, "Autorização de débito automático em conta")
    y -= 12 * mm
    rows = [
        ("Empresa beneficiária", organization_name),
        ("Cliente", f"{customer.number} – {customer.name}"),
        ("CPF/CNPJ", customer.document_display or "—"),
        ("Banco", debit.bank_label),
        ("Agência", debit.agency),
        ("Conta", f"{debit.account} ({debit.get_account_type_display().lower()})"),
        ("Código identificador", debit.identifier),
    ]
    for label, value in rows:
        canvas.setFont("Helvetica-Bold", 11)
        canvas.drawString(MARGIN, y, f"{label}:")
        canvas.setFont("Helvetica", 11)
        canvas.drawString(MARGIN + 50 * mm, y, value)
        y -= 7 * mm
    y -= 6 * mm
    text = (
        f"Autorizo o banco acima a debitar em minha conta os valores das faturas emitidas por "
        f"{organization_name}, identificadas pelo código {debit.identifier}, nas datas de seus "
        "vencimentos. Estou ciente de que o débito depende de saldo disponível e de que posso "
        "cancelar esta autorização a qualquer momento, por escrito, junto ao banco ou à empresa."
    )
    y = _wrap(canvas, text, MARGIN, y, width - 2 * MARGIN)
    y -= 25 * mm
    today = timezone.localdate().strftime("%d/%m/%Y")
    canvas.drawString(MARGIN, y, f"{customer.city or '________________'}, {today}")
    y -= 25 * mm
    canvas.line(MARGIN, y, MARGIN + 90 * mm, y)
    canvas.drawString(MARGIN, y - 5 * mm, "Assinatura do titular da conta")
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
