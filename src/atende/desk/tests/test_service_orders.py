"""Service orders (D8): totals in Decimal, the per-organization number, refused input, the
PDF's text and the logo it prints."""

import shutil
import subprocess
from decimal import Decimal

import pytest
from django.db import transaction

from atende.core.errors import DomainError, InvalidFields
from atende.customers.tests.factories import CustomerFactory
from atende.desk.models import ServiceOrder, ServiceOrderItem, ServiceOrderSettings, TimelineEntry
from atende.desk.service_order_pdf import service_order_pdf
from atende.desk.services.service_orders import (
    ItemInput,
    service_order_create,
    service_order_logo_set,
    service_order_totals,
    service_order_update,
)
from atende.desk.tests.factories import TicketFactory, service_order
from atende.files.models import StoredFile
from atende.files.tests import samples
from atende.tenancy.context import activate

pytestmark = pytest.mark.django_db

D = Decimal


@pytest.fixture
def ticket(organization):
    customer = CustomerFactory(
        organization=organization,
        name="Padaria Pão Quente Ltda",
        street="Rua das Flores",
        street_number="12",
        city="Campinas",
        state="SP",
    )
    return TicketFactory(organization=organization, customer=customer)


def test_totals_round_each_line_to_cents_and_never_use_floats():
    totals = service_order_totals(
        items=[
            ItemInput("Cabo UTP (m)", D("12.5"), D("1.99")),  # 24.875 → 24.88
            ItemInput("Conector", D("3"), D("0.10")),  # 0.1 * 3 is 0.30000000000000004 in float
            ItemInput("Roteador", D("1"), D("249.90"), kind="product"),
        ],
        labour_hours=D("1.75"),
        hourly_rate=D("85.00"),  # 148.75
        discount=D("10.00"),
    )
    assert totals.lines == (D("24.88"), D("0.30"), D("249.90"))
    assert totals.items == D("275.08")
    assert totals.labour == D("148.75")
    assert totals.subtotal == D("423.83")
    assert totals.total == D("413.83")
    assert str(totals.total) == "413.83"


def test_an_order_is_written_with_its_items_and_totals(admin_member, ticket):
    order = service_order_create(
        actor=admin_member,
        ticket=ticket,
        items=[
            ItemInput("Troca de conector", D("2"), D("15.50")),
            ItemInput("Cabo UTP (m)", D("10"), D("2.35"), kind="product"),
        ],
        address="Rua das Flores, 12 – Campinas/SP",
        labour_hours=D("1.5"),
        hourly_rate=D("80"),
        discount=D("4.50"),
        observations="Cliente acompanhou a visita.",
    )
    order.refresh_from_db()
    assert (order.number, order.customer_id, order.status) == (1, ticket.customer_id, "open")
    assert (order.items_total, order.labour_total, order.discount, order.total) == (
        D("54.50"),
        D("120.00"),
        D("4.50"),
        D("170.00"),
    )
    rows = list(order.items.order_by("position").values_list("position", "line_total", "kind"))
    assert rows == [(1, D("31.00"), "service"), (2, D("23.50"), "product")]
    note = TimelineEntry.objects.get(ticket=ticket)
    assert note.body == "Ordem de serviço 1 emitida."
    assert note.is_public is False


def test_numbers_follow_each_other_per_organization(
    admin_member, ticket, organization, other_organization
):
    first = service_order(organization, ticket=ticket)
    second = service_order(organization, ticket=ticket)
    elsewhere = service_order(other_organization)
    assert (first.number, second.number, elsewhere.number) == (1, 2, 1)


def test_a_refused_order_gives_its_number_back(admin_member, ticket):
    with pytest.raises(DomainError), transaction.atomic():
        service_order_create(
            actor=admin_member, ticket=ticket, items=[ItemInput("Visita", D("-1"), D("10"))]
        )
    order = service_order_create(
        actor=admin_member, ticket=ticket, items=[ItemInput("Visita", D("1"), D("10"))]
    )
    assert order.number == 1
    assert ServiceOrder.objects.count() == 1


VISIT = ItemInput("Visita", D("1"), D("10"))
ITEM_QTY = "Item 1, quantidade:"
ITEM_PRICE = "Item 1, valor unitário:"
ITEM_TEXT = "Item 1, descrição:"


def _visit(**changes) -> list[ItemInput]:
    return [ItemInput(**{**VISIT.__dict__, **changes})]


@pytest.mark.parametrize(
    ("items", "fields", "message"),
    [
        (_visit(quantity=D("-1")), {}, f"{ITEM_QTY} deve ser maior que zero."),
        (_visit(quantity=D("0")), {}, f"{ITEM_QTY} deve ser maior que zero."),
        (_visit(unit_price=D("-10")), {}, f"{ITEM_PRICE} deve ser zero ou mais."),
        (_visit(quantity=D("1e9")), {}, f"{ITEM_QTY} valor grande demais."),
        (_visit(quantity=D("NaN")), {}, f"{ITEM_QTY} informe um número."),
        (_visit(unit_price=D("Infinity")), {}, f"{ITEM_PRICE} informe um número."),
        (
            _visit(quantity=D("999999"), unit_price=D("999999999999")),
            {},
            "O total da ordem de serviço é grande demais.",
        ),
        (_visit(), {"discount": D("10.01")}, "O desconto não pode passar do valor"),
        (_visit(), {"labour_hours": D("-2")}, "Horas: deve ser zero ou mais."),
        (_visit(kind="gift"), {}, "Item 1: tipo inválido."),
        (_visit(description="Visita\x00"), {}, f"{ITEM_TEXT} Contém caracteres não permitidos"),
        (_visit(description="x" * 201), {}, f"{ITEM_TEXT} Certifique-se de que o valor tenha"),
        (_visit(description=""), {}, f"{ITEM_TEXT} Este campo não pode estar vazio."),
    ],
)
def test_bad_input_is_refused_with_a_message_and_nothing_is_written(
    admin_member, ticket, items, fields, message
):
    with pytest.raises(DomainError) as refused:
        service_order_create(actor=admin_member, ticket=ticket, items=items, **fields)
    messages = (
        [m for ms in refused.value.errors.values() for m in ms]
        if isinstance(refused.value, InvalidFields)
        else [refused.value.message]
    )
    assert any(text.startswith(message) for text in messages), messages
    assert ServiceOrder.objects.count() == 0
    assert ServiceOrderItem.objects.count() == 0


def test_a_ticket_without_customer_has_no_service_order(admin_member, organization):
    ticket = TicketFactory(organization=organization)
    with pytest.raises(DomainError, match="Informe o cliente do atendimento"):
        service_order_create(
            actor=admin_member, ticket=ticket, items=[ItemInput("Visita", D("1"), D("10"))]
        )


def test_update_replaces_items_recomputes_totals_and_notes_the_status(admin_member, ticket):
    order = service_order(ticket.organization, ticket=ticket)
    service_order_update(
        actor=admin_member,
        order=order,
        items=[ItemInput("Roteador", D("1"), D("199.90"), kind="product")],
        status="done",
    )
    order.refresh_from_db()
    assert (order.items_total, order.total, order.status) == (D("199.90"), D("199.90"), "done")
    assert list(order.items.values_list("description", flat=True)) == ["Roteador"]
    bodies = list(TimelineEntry.objects.filter(ticket=ticket).values_list("body", flat=True))
    assert "Ordem de serviço 1: Aberta → Concluída." in bodies


def test_member_without_change_permission_cannot_issue(member, ticket):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        service_order_create(
            actor=member, ticket=ticket, items=[ItemInput("Visita", D("1"), D("10"))]
        )
    assert ServiceOrder.objects.count() == 0


def _png(width: int = 120, height: int = 40) -> bytes:
    from io import BytesIO

    from PIL import Image

    buffer = BytesIO()
    Image.new("RGB", (width, height), (20, 90, 160)).save(buffer, format="PNG")
    return buffer.getvalue()


def _pdf_text(pdf: bytes, tmp_path) -> str:
    assert pdf.startswith(b"%PDF-")
    if shutil.which("pdftotext") is None:  # pragma: no cover  (poppler-utils is installed here)
        pytest.skip("pdftotext (poppler-utils) is not installed")
    path = tmp_path / "os.pdf"
    path.write_bytes(pdf)
    result = subprocess.run(  # noqa: S603
        ["pdftotext", "-layout", str(path), "-"],  # noqa: S607
        capture_output=True,
        check=True,
        text=True,
    )
    return " ".join(result.stdout.split())


def test_the_pdf_shows_customer_items_totals_in_reais_and_signature_lines(
    admin_member, ticket, organization, tmp_path
):
    order = service_order_create(
        actor=admin_member,
        ticket=ticket,
        items=[
            ItemInput("Switch 24 portas", D("2"), D("1234.56"), kind="product"),
            ItemInput("Configuração de VLAN", D("1.5"), D("100")),
        ],
        address="Rua das Flores, 12 – Campinas/SP",
        labour_hours=D("2"),
        hourly_rate=D("90"),
        observations="Equipamento testado na presença do cliente.",
    )
    pdf = service_order_pdf(order=order, items=list(order.items.all()), organization=organization)
    text = _pdf_text(pdf, tmp_path)

    assert "Alfa Provedor Ltda" in text
    assert "Ordem de serviço nº 1" in text
    assert "Padaria Pão Quente Ltda" in text
    assert "Rua das Flores, 12 – Campinas/SP" in text
    assert "R$ 2.469,12" in text  # 2 × 1.234,56
    assert "1,5" in text
    assert "R$ 180,00" in text  # 2 h × R$ 90,00
    assert "Total R$ 2.799,12" in text  # 2.469,12 + 150,00 + 180,00
    assert "Equipamento testado na presença do cliente." in text
    assert "Técnico responsável" in text
    assert "Cliente" in text


def test_the_logo_is_stored_through_the_upload_validator_and_printed(
    admin_member, ticket, organization, tmp_path
):
    settings = service_order_logo_set(actor=admin_member, logo=samples.upload("logo.png", _png()))
    assert settings.logo.use == "organization_logo"
    order = service_order(organization, ticket=ticket)
    with_logo = service_order_pdf(
        order=order, items=[], organization=organization, logo=settings.logo
    )
    without = service_order_pdf(order=order, items=[], organization=organization)
    assert b"/Subtype /Image" in with_logo
    assert b"/Subtype /Image" not in without

    with pytest.raises(DomainError, match="Tipo de arquivo não permitido"):
        service_order_logo_set(actor=admin_member, logo=samples.upload("logo.svg", samples.SVG))
    service_order_logo_set(actor=admin_member, logo=None, remove=True)
    assert ServiceOrderSettings.objects.get().logo is None
    assert StoredFile.objects.count() == 0


def test_an_unreadable_logo_does_not_stop_printing(admin_member, ticket, organization):
    settings = service_order_logo_set(
        actor=admin_member, logo=samples.upload("logo.png", samples.PNG)
    )
    settings.logo.file.storage.delete(settings.logo.file.name)
    order = service_order(organization, ticket=ticket)
    pdf = service_order_pdf(order=order, items=[], organization=organization, logo=settings.logo)
    assert pdf.startswith(b"%PDF-")


def test_another_organizations_orders_stay_out_of_reach(other_organization, admin_member):
    service_order(other_organization)
    assert ServiceOrder.objects.count() == 0
    with activate(other_organization):
        assert ServiceOrder.objects.count() == 1
