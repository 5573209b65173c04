"""Service-order pages: issue from the ticket page, edit with the items formset (no JavaScript),
refused input as form errors (never a 500), the detail page's queries, the PDF download, the
customer's tab and the logo setting."""

from decimal import Decimal

import pytest

from atende.customers.models import Address
from atende.customers.tests.factories import CustomerFactory
from atende.desk.models import ServiceOrder, ServiceOrderSettings
from atende.desk.tests.factories import TicketFactory, service_order
from atende.desk.tests.isolation import SERVICE_ORDER_BODY
from atende.files.tests import samples
from atende.tenancy.urls import org_reverse

pytestmark = pytest.mark.django_db


@pytest.fixture
def ticket(organization):
    customer = CustomerFactory(
        organization=organization,
        name="Mercado Bom Preço",
        street="Avenida Brasil",
        street_number="500",
        city="Campinas",
        state="SP",
    )
    Address.objects.create(
        customer=customer, label="Depósito", street="Rua do Porto", street_number="7"
    )
    return TicketFactory(organization=organization, customer=customer)


def url(organization, name, **kwargs) -> str:
    return org_reverse(f"desk:{name}", organization=organization, **kwargs)


def body(**changes) -> dict:
    return {**SERVICE_ORDER_BODY, **changes}


def test_the_ticket_page_lists_orders_and_offers_a_new_one(
    client_as, admin_member, ticket, organization
):
    service_order(organization, ticket=ticket)
    page = client_as(admin_member).get(url(organization, "ticket", number=ticket.number))
    html = page.content.decode()
    assert "Ordens de serviço" in html
    assert url(organization, "service_order", number=1) in html
    assert "R$ 120,00" in html
    assert url(organization, "service_order_create", number=ticket.number) in html


def test_issue_from_the_ticket_with_a_customer_address(
    client_as, admin_member, ticket, organization
):
    client = client_as(admin_member)
    form = client.get(url(organization, "service_order_create", number=ticket.number))
    assert form.status_code == 200
    html = form.content.decode()
    assert "Avenida Brasil, 500" in html
    assert "Depósito: Rua do Porto, 7" in html
    depot = f"a{ticket.customer.addresses.get().pk}"

    response = client.post(
        url(organization, "service_order_create", number=ticket.number),
        body(address_choice=depot, discount="1.000,00", **{"itens-0-unit_price": "1.234,56"}),
    )
    assert response.status_code == 302
    order = ServiceOrder.objects.get()
    assert response["Location"] == url(organization, "service_order", number=order.number)
    assert order.address == "Rua do Porto, 7"
    # 4 × 1.234,56 + 1,5 h × 80,00 − 1.000,00
    assert (order.items_total, order.labour_total, order.total) == (
        Decimal("4938.24"),
        Decimal("120.00"),
        Decimal("4058.24"),
    )
    assert order.created_by == admin_member


def test_more_lines_adds_blank_rows_without_saving(client_as, admin_member, ticket, organization):
    response = client_as(admin_member).post(
        url(organization, "service_order_create", number=ticket.number),
        body(more_rows="1"),
    )
    assert response.status_code == 200
    assert len(response.context["items"].forms) == 4
    assert ServiceOrder.objects.count() == 0


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"itens-0-quantity": "-2"}, "quantity", "Certifique-se que este valor seja maior ou"),
        ({"itens-0-quantity": "9" * 60}, "quantity", "Informe um número menor."),
        ({"itens-0-unit_price": "9" * 17}, "unit_price", "Certifique-se de que não tenha mais de"),
        ({"itens-0-unit_price": "dez reais"}, "unit_price", "Informe um número."),
        ({"itens-0-unit_price": "NaN"}, "unit_price", "Informe um número."),
        ({"itens-0-description": ""}, "description", "Descreva o item."),
        ({"itens-0-quantity": ""}, "quantity", "Informe a quantidade."),
        ({"itens-0-kind": "brinde"}, "kind", None),
    ],
)  # fmt: skip
def test_bad_item_input_is_a_form_error(
    client_as, admin_member, ticket, organization, changes, field, message
):
    response = client_as(admin_member).post(
        url(organization, "service_order_create", number=ticket.number), body(**changes)
    )
    assert response.status_code == 400
    errors = response.context["items"].forms[0].errors
    assert field in errors
    if message:
        assert any(text.startswith(message) for text in errors[field]), errors[field]
    assert ServiceOrder.objects.count() == 0


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"discount": "500"}, "discount", "O desconto não pode passar do valor"),
        ({"labour_hours": "100000"}, "labour_hours", None),
        ({"hourly_rate": "-1"}, "hourly_rate", None),
        ({"status": "perdida"}, "status", None),
        ({"address": "Rua\nQuebrada"}, "address", None),
    ],
)  # fmt: skip
def test_bad_order_input_is_a_form_error(
    client_as, admin_member, ticket, organization, changes, field, message
):
    response = client_as(admin_member).post(
        url(organization, "service_order_create", number=ticket.number), body(**changes)
    )
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert field in errors, errors
    if message:
        assert any(text.startswith(message) for text in errors[field]), errors[field]
    assert ServiceOrder.objects.count() == 0


@pytest.mark.parametrize(
    "changes",
    [
        {"itens-0-description": "Cabo\x00"},
        {"itens-TOTAL_FORMS": "1000000"},
        {"itens-TOTAL_FORMS": "muitos"},
    ],
)
def test_tampered_requests_never_cause_a_500(
    client_as, admin_member, ticket, organization, changes
):
    response = client_as(admin_member).post(
        url(organization, "service_order_create", number=ticket.number), body(**changes)
    )
    assert response.status_code == 400
    assert ServiceOrder.objects.count() == 0


def test_edit_shows_the_items_and_saves_changes(client_as, admin_member, ticket, organization):
    order = service_order(organization, ticket=ticket, labour_hours=Decimal("2"))
    client = client_as(admin_member)
    page = client.get(url(organization, "service_order_edit", number=order.number))
    formset = page.context["items"]
    assert formset.forms[0]["description"].value() == "Visita técnica"
    assert 'value="120,00"' in page.content.decode()

    response = client.post(
        url(organization, "service_order_edit", number=order.number),
        body(
            status="done",
            **{
                "itens-TOTAL_FORMS": "2",
                "itens-INITIAL_FORMS": "1",
                "itens-0-DELETE": "on",
                "itens-1-kind": "service",
                "itens-1-description": "Configuração do roteador",
                "itens-1-quantity": "1",
                "itens-1-unit_price": "60",
            },
        ),
    )
    assert response.status_code == 302
    order.refresh_from_db()
    assert list(order.items.values_list("description", flat=True)) == ["Configuração do roteador"]
    assert (order.status, order.total) == ("done", Decimal("180.00"))


def test_detail_page_queries_are_fixed(
    client_as, admin_member, ticket, organization, django_assert_num_queries
):
    order = service_order(organization, ticket=ticket)
    client = client_as(admin_member)
    # session, user, organization, member, the order with ticket and customer, its items,
    # switcher organizations
    with django_assert_num_queries(7):
        response = client.get(url(organization, "service_order", number=order.number))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Mercado Bom Preço" in html
    assert "R$ 120,00" in html
    assert "Visita técnica" in html


def test_pdf_download(client_as, admin_member, ticket, organization):
    order = service_order(organization, ticket=ticket)
    response = client_as(admin_member).get(
        url(organization, "service_order_pdf", number=order.number)
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="ordem-de-servico-1.pdf"'
    assert response.content.startswith(b"%PDF-")


def test_member_without_the_desk_sees_nothing(client_as, member, ticket, organization):
    order = service_order(organization, ticket=ticket)
    client = client_as(member)
    for name in ("service_order", "service_order_pdf", "service_order_edit"):
        assert client.get(url(organization, name, number=order.number)).status_code in {403, 404}
    tab = org_reverse(
        "customers:tab",
        organization=organization,
        number=ticket.customer.number,
        tab="ordens-de-servico",
    )
    assert client.get(tab).status_code in {403, 404}


def test_the_customer_tab_lists_the_customers_orders(
    client_as, admin_member, ticket, organization, django_assert_num_queries
):
    service_order(organization, ticket=ticket)
    service_order(organization)  # another customer's
    tab = org_reverse(
        "customers:tab",
        organization=organization,
        number=ticket.customer.number,
        tab="ordens-de-servico",
    )
    client = client_as(admin_member)
    # session, user, organization, member, customer, favourite, unread observations, the
    # orders with their tickets, switcher
    with django_assert_num_queries(9):
        response = client.get(tab)
    assert response.status_code == 200
    assert [order.number for order in response.context["page"].items] == [1]
    for _ in range(4):
        service_order(organization, ticket=ticket)
    with django_assert_num_queries(9):
        response = client.get(tab)
    assert [order.number for order in response.context["page"].items] == [6, 5, 4, 3, 1]
    assert "R$ 120,00" in response.content.decode()


def test_the_logo_is_uploaded_in_settings(client_as, admin_member, organization):
    client = client_as(admin_member)
    settings_url = url(organization, "service_order_settings")
    assert client.get(settings_url).status_code == 200
    refused = client.post(settings_url, {"logo": samples.upload("logo.svg", samples.SVG)})
    assert refused.status_code == 200
    assert "Tipo de arquivo não permitido" in refused.content.decode()
    saved = client.post(settings_url, {"logo": samples.upload("marca.png", samples.PNG)})
    assert saved.status_code == 302
    assert ServiceOrderSettings.objects.get().logo.original_name == "marca.png"
    assert "marca.png" in client.get(settings_url).content.decode()


def test_the_api_lists_a_tickets_orders_with_items(client, admin_member, ticket, organization):
    from atende.accounts.services.tokens import api_token_create

    service_order(organization, ticket=ticket, labour_hours=Decimal("1.5"), hourly_rate=80)
    _, token = api_token_create(actor=admin_member, name="integração")
    response = client.get(
        f"/api/v1/tickets/{ticket.number}/service-orders", HTTP_AUTHORIZATION=f"Bearer {token}"
    )
    assert response.status_code == 200
    [order] = response.json()
    assert order["number"] == 1
    assert order["customer"] == ticket.customer.number
    assert order["total"] == "240.00"
    assert order["items"] == [
        {
            "kind": "service",
            "description": "Visita técnica",
            "quantity": "1.000",
            "unit_price": "120.00",
            "line_total": "120.00",
        }
    ]


def test_a_portfolio_member_reaches_only_orders_of_own_customers(
    client_as, member, admin_member, organization
):
    from django.contrib.auth.models import Permission

    from atende.accounts.tests.factories import SectorFactory

    sector = SectorFactory(organization=organization, name="Técnicos")
    sector.permissions.set(
        Permission.objects.filter(
            codename__in=["view_customer", "view_ticket", "change_ticket"],
            content_type__app_label__in=["customers", "desk"],
        )
    )
    member.sector, member.only_own_portfolio = sector, True
    member.save()
    mine = TicketFactory(
        organization=organization, customer=CustomerFactory(organization=organization, owner=member)
    )
    theirs = TicketFactory(
        organization=organization,
        customer=CustomerFactory(organization=organization, owner=admin_member),
    )
    own_order = service_order(organization, ticket=mine)
    other_order = service_order(organization, ticket=theirs)
    client = client_as(member)

    for name in ("service_order", "service_order_pdf", "service_order_edit"):
        assert client.get(url(organization, name, number=own_order.number)).status_code == 200
        assert client.get(url(organization, name, number=other_order.number)).status_code == 404
    refused = client.post(
        url(organization, "service_order_edit", number=other_order.number), body()
    )
    assert refused.status_code == 404
    other_order.refresh_from_db()
    assert other_order.status == "open"


def test_a_ticket_with_service_orders_is_not_deleted(client_as, admin_member, ticket, organization):
    from atende.desk.models import Ticket

    service_order(organization, ticket=ticket)
    response = client_as(admin_member).post(
        url(organization, "ticket_delete", number=ticket.number), follow=True
    )
    assert response.status_code == 200
    assert "tem ordens de serviço: cancele-as" in response.content.decode()
    assert Ticket.objects.filter(pk=ticket.pk).exists()
    assert ServiceOrder.objects.count() == 1
