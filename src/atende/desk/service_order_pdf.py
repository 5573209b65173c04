"""The printable service order (ordem de serviço), with ReportLab: the organization's name and
logo, the customer, the address, the items, totals in reais, observations and two signature
lines (technician and customer)."""

import logging
from io import BytesIO
from xml.sax.saxutils import escape

from django.utils import timezone
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Image, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from atende.core.templatetags.atende import brl
from atende.desk.models import ServiceOrder, ServiceOrderItem
from atende.desk.templatetags.desk import quantity

logger = logging.getLogger(__name__)
MARGIN = 15 * mm
LOGO_BOX = (45 * mm, 22 * mm)  # the logo is scaled to fit, keeping its proportions

_styles = getSampleStyleSheet()
BODY = ParagraphStyle("body", parent=_styles["Normal"], fontSize=9.5, leading=12)
SMALL = ParagraphStyle("small", parent=BODY, fontSize=8.5, leading=10.5)
RIGHT = ParagraphStyle("right", parent=BODY, alignment=TA_RIGHT)
TITLE = ParagraphStyle("title", parent=_styles["Title"], fontSize=15, leading=18, alignment=0)
HEADING = ParagraphStyle("heading", parent=_styles["Heading3"], fontSize=10.5, spaceBefore=6)


def _text(value: object) -> str:
    return escape(str(value or "")).replace("\n", "<br/>")


def _logo(logo_file) -> Image | None:
    if logo_file is None:
        return None
    try:
        with logo_file.file.open("rb") as handle:
            content = handle.read()
        width, height = ImageReader(BytesIO(content)).getSize()
        scale = min(LOGO_BOX[0] / width, LOGO_BOX[1] / height)
        return Image(BytesIO(content), width=width * scale, height=height * scale)
    except Exception:  # noqa: BLE001  an unreadable logo must not stop the order from printing
        logger.warning("service order logo %s could not be read", logo_file.pk, exc_info=True)
        return None


def _header(order: ServiceOrder, organization, logo) -> Table:
    title = [
        Paragraph(_text(organization.name), HEADING),
        Paragraph(f"Ordem de serviço nº {order.number}", TITLE),
        Paragraph(
            f"Atendimento {order.ticket.number} · emitida em "
            f"{timezone.localtime(order.created_at):%d/%m/%Y} · "
            f"situação: {_text(order.get_status_display())}",
            SMALL,
        ),
    ]
    image = _logo(logo)
    cells = [[image, title]] if image else [[title]]
    widths = [LOGO_BOX[0] + 5 * mm, None] if image else [None]
    table = Table(cells, colWidths=widths)
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    return table


def _customer(order: ServiceOrder) -> Table:
    customer = order.customer
    rows = [
        ("Cliente", f"{customer.number} – {customer.display_name}"),
        ("CPF/CNPJ", customer.document_display or "—"),
        ("Telefone", customer.phone or "—"),
        ("Endereço", order.address or "—"),
    ]
    cells = [
        [Paragraph(f"<b>{label}</b>", BODY), Paragraph(_text(value), BODY)] for label, value in rows
    ]
    table = Table(cells, colWidths=[28 * mm, None])
    table.setStyle(
        TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)])
    )
    return table


def _items(items: list[ServiceOrderItem]) -> Table:
    head = ["Tipo", "Descrição", "Qtd.", "Valor unit.", "Total"]
    rows = [
        [
            Paragraph(f"<b>{cell}</b>", RIGHT if index > 1 else BODY)
            for index, cell in enumerate(head)
        ]
    ]
    rows += [
        [
            Paragraph(_text(item.get_kind_display()), SMALL),
            Paragraph(_text(item.description), BODY),
            Paragraph(quantity(item.quantity), RIGHT),
            Paragraph(brl(item.unit_price), RIGHT),
            Paragraph(brl(item.line_total), RIGHT),
        ]
        for item in items
    ]
    if not items:
        rows.append(["", Paragraph("Nenhum item.", BODY), "", "", ""])
    table = Table(rows, colWidths=[20 * mm, None, 18 * mm, 28 * mm, 28 * mm], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eef1f5")),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.HexColor("#c9ced6")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def _totals(order: ServiceOrder) -> Table:
    hours = quantity(order.labour_hours)
    rows = [
        ("Itens", brl(order.items_total)),
        (f"Mão de obra ({hours} h × {brl(order.hourly_rate)})", brl(order.labour_total)),
    ]
    if order.discount:
        rows.append(("Desconto", f"- {brl(order.discount)}"))
    rows.append(("<b>Total</b>", f"<b>{brl(order.total)}</b>"))
    cells = [[Paragraph(label, RIGHT), Paragraph(value, RIGHT)] for label, value in rows]
    table = Table(cells, colWidths=[None, 34 * mm])
    table.setStyle(TableStyle([("LINEABOVE", (0, -1), (-1, -1), 0.8, colors.black)]))
    return table


def _signatures() -> Table:
    line = "_" * 38
    cells = [
        [Paragraph(line, BODY), "", Paragraph(line, BODY)],
        [Paragraph("Técnico responsável", SMALL), "", Paragraph("Cliente", SMALL)],
        [
            Paragraph("Data: ____/____/______", SMALL),
            "",
            Paragraph("Data: ____/____/______", SMALL),
        ],
    ]
    return Table(cells, colWidths=[80 * mm, None, 80 * mm])


def service_order_pdf(
    *, order: ServiceOrder, items: list[ServiceOrderItem], organization, logo=None
) -> bytes:
    """The order on A4 pages (the items table continues on the next page when long)."""
    buffer = BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=f"Ordem de serviço {order.number}",
        author=organization.name,
    )
    story = [
        _header(order, organization, logo),
        Spacer(1, 5 * mm),
        _customer(order),
        Spacer(1, 4 * mm),
        Paragraph("Itens", HEADING),
        _items(items),
        Spacer(1, 3 * mm),
        _totals(order),
    ]
    if order.observations:
        story += [Paragraph("Observações", HEADING), Paragraph(_text(order.observations), BODY)]
    story += [Spacer(1, 22 * mm), _signatures()]
    document.build(story)
    return buffer.getvalue()
