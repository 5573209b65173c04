"""CSV export: the filtered list, under the record rules, streamed."""

import csv
import io
from contextvars import copy_context

import pytest
from django.contrib.auth.models import Permission

from atende.accounts.tests.factories import SectorFactory
from atende.customers.tests.factories import CustomerFactory
from atende.tenancy import context
from atende.tenancy.urls import org_reverse

pytestmark = pytest.mark.django_db


def _read_outside_the_request(response) -> str:
    """Stream the body with no organization active, as the WSGI server does after the view."""

    def read():
        context._active_organization_id.set(None)
        return b"".join(response.streaming_content).decode("utf-8-sig")

    return copy_context().run(read)


def test_export_streams_the_filtered_list(client_as, admin_member, organization):
    CustomerFactory(organization=organization, name="Ana Lima", city="Recife", state="PE")
    CustomerFactory(organization=organization, name="Bruno Costa", city="Campinas")
    response = client_as(admin_member).get(
        org_reverse("customers:export", organization=organization), {"city": "Recife"}
    )
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    lines = _read_outside_the_request(response).strip().split("\r\n")
    assert lines[0].startswith("Código;Tipo;Situação;Nome / razão social")
    assert len(lines) == 2
    assert ";Ana Lima;" in lines[1]
    assert ";Recife;PE;" in lines[1]


def test_export_obeys_the_portfolio_rule(client_as, member, admin_member, organization):
    sector = SectorFactory(organization=organization, name="Comercial")
    sector.permissions.set(
        Permission.objects.filter(
            content_type__app_label="customers", codename__in=["view_customer", "export_customer"]
        )
    )
    member.sector, member.only_own_portfolio = sector, True
    member.save()
    CustomerFactory(organization=organization, name="Meu", owner=member)
    CustomerFactory(organization=organization, name="Do admin", owner=admin_member)
    response = client_as(member).get(org_reverse("customers:export", organization=organization))
    body = _read_outside_the_request(response)
    assert ";Meu;" in body
    assert "Do admin" not in body


def test_export_needs_its_permission(client_as, member, organization):
    response = client_as(member).get(org_reverse("customers:export", organization=organization))
    assert response.status_code == 403


def test_export_writes_formula_like_cells_as_text(client_as, admin_member, organization):
    # given a customer whose fields a spreadsheet would run as formulas
    CustomerFactory(
        organization=organization,
        name="=cmd|' /C calc'!A0",
        trade_name=' "@SUM(A1:A9)',
        phone="-",
        street="\t=1+1",
        street_number="0042",
        complement="Sala 3; fundos",
        city="Recife",
    )
    # when the list is exported
    response = client_as(admin_member).get(
        org_reverse("customers:export", organization=organization)
    )
    body = _read_outside_the_request(response)
    [header, row] = list(csv.reader(io.StringIO(body, newline=""), delimiter=";"))
    cells = dict(zip(header, row, strict=True))
    # then those cells start with a quote, and the others (and the quoting) are as they were
    assert cells["Nome / razão social"] == "'=cmd|' /C calc'!A0"
    assert cells["Nome fantasia"] == "' \"@SUM(A1:A9)"
    assert cells["Telefone"] == "'-"
    assert cells["Endereço"] == "'\t=1+1"
    assert cells["Número"] == "0042"
    assert cells["Complemento"] == "Sala 3; fundos"
    assert cells["Cidade"] == "Recife"
