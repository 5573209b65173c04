"""Configurações → Clientes: categories, origins, contact types, extra fields, sector limits."""

import pytest

from atende.accounts.tests.factories import SectorFactory
from atende.customers.models import Category, ExtraField, SectorCategory
from atende.customers.tests.factories import CategoryFactory
from atende.tenancy.urls import org_reverse

pytestmark = pytest.mark.django_db


def test_admin_creates_a_category_and_a_duplicate_is_refused(client_as, admin_member, organization):
    client = client_as(admin_member)
    url = org_reverse("customers:settings_new", organization=organization, catalog="categorias")
    client.post(url, {"name": "Fornecedor", "is_active": "on"})
    response = client.post(url, {"name": "Fornecedor", "is_active": "on"})
    assert "Já existe um item com este nome." in response.content.decode()
    assert list(Category.objects.values_list("name", flat=True)) == ["Fornecedor"]


def test_choice_extra_field_needs_options(client_as, admin_member, organization):
    client = client_as(admin_member)
    url = org_reverse("customers:settings_new", organization=organization, catalog="campos-extras")
    data = {"target": "customer", "label": "Plano", "key": "plano", "kind": "choice", "position": 0}
    response = client.post(url, data)
    assert "Informe as opções, uma por linha." in response.content.decode()
    client.post(url, {**data, "choices": "Básico\nPro"})
    assert ExtraField.objects.get().options == ["Básico", "Pro"]


def test_sector_is_limited_to_categories(client_as, admin_member, organization):
    sector = SectorFactory(organization=organization, name="RH")
    staff = CategoryFactory(organization=organization, name="Colaborador")
    client_as(admin_member).post(
        org_reverse("customers:sector_categories", organization=organization, pk=sector.pk),
        {"categories": [staff.pk]},
    )
    assert list(SectorCategory.objects.values_list("category__name", flat=True)) == ["Colaborador"]


def test_unknown_catalog_is_404(client_as, admin_member, organization):
    url = org_reverse("customers:settings", organization=organization, catalog="nada")
    assert client_as(admin_member).get(url).status_code == 404


def test_settings_are_forbidden_without_permission(client_as, member, organization):
    url = org_reverse("customers:settings_home", organization=organization)
    assert client_as(member).get(url).status_code == 403
