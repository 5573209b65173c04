"""Sectors grant module permissions; record rules come from `rules` predicates."""

import pytest
from django.contrib.auth.models import Permission

from atende.accounts.models import Sector
from atende.accounts.modules import module_permissions
from atende.accounts.permissions import can
from atende.accounts.services.sectors import sector_save
from atende.accounts.tests.factories import SectorFactory
from atende.core.errors import DomainError
from atende.tenancy.urls import org_reverse

pytestmark = pytest.mark.django_db


def _permission(codename: str) -> Permission:
    return Permission.objects.get(codename=codename, content_type__app_label="accounts")


def test_sector_permissions_grant_module_actions(admin_member, member):
    sector = sector_save(
        actor=admin_member, sector=None, name="Suporte", permissions=[_permission("view_sector")]
    )
    member.sector = sector
    member.save()

    assert can(member, "accounts.view_sector") is True
    assert can(member, "accounts.delete_sector") is False
    assert can(admin_member, "accounts.delete_sector") is True


def test_member_without_sector_can_do_nothing(member):
    assert can(member, "accounts.view_sector") is False
    assert can(None, "accounts.view_sector") is False


def test_duplicate_sector_name_is_refused_case_insensitively(admin_member, organization):
    SectorFactory(organization=organization, name="Financeiro")
    with pytest.raises(DomainError, match="Já existe um setor"):
        sector_save(actor=admin_member, sector=None, name="financeiro", permissions=[])
    assert Sector.objects.count() == 1


def test_same_sector_name_in_two_organizations_is_fine(admin_member, other_organization):
    SectorFactory(organization=other_organization, name="Financeiro")
    sector_save(actor=admin_member, sector=None, name="Financeiro", permissions=[])
    assert Sector.objects.count() == 1


def test_sector_edit_page_saves_permissions(client_as, admin_member, organization):
    sector = SectorFactory(organization=organization, name="RH")
    permission = Permission.objects.get(codename="view_customer")
    client = client_as(admin_member)
    response = client.post(
        org_reverse("accounts:sector_edit", organization=organization, pk=sector.pk),
        {"name": "Recursos Humanos", "permissions": [permission.pk]},
    )
    assert response.status_code == 302
    sector.refresh_from_db()
    assert sector.name == "Recursos Humanos"
    assert list(sector.permissions.all()) == [permission]


def test_sector_change_is_in_the_history_with_actor_and_ip(client_as, admin_member, organization):
    sector = SectorFactory(organization=organization, name="RH")
    client = client_as(admin_member)
    url = org_reverse("accounts:sector_edit", organization=organization, pk=sector.pk)
    client.post(url, {"name": "Pessoas"}, REMOTE_ADDR="203.0.113.7")

    page = client.get(url).content.decode()

    assert "203.0.113.7" in page
    assert "Ana Admin" in page
    assert "Pessoas" in page


def test_the_matrix_offers_only_registered_modules():
    offered = {f"{p.content_type.app_label}.{p.codename}" for p in module_permissions()}
    assert "customers.view_customer" in offered
    assert "customers.send_sms_customer" in offered
    assert not any(name.startswith("accounts.") for name in offered)


def test_history_shows_labels_and_hides_reverse_relations(client_as, admin_member, organization):
    sector = SectorFactory(organization=organization, name="RH")
    client = client_as(admin_member)
    url = org_reverse("accounts:sector_edit", organization=organization, pk=sector.pk)
    client.post(url, {"name": "Gente e Gestão"})
    panel = client.get(url).content.decode().split('id="historico"')[1]
    assert "Gente e Gestão" in panel
    assert "tenancy.Member.None" not in panel
    assert ">members<" not in panel


def test_history_names_permissions_as_the_matrix_does(client_as, admin_member, organization):
    sector = SectorFactory(organization=organization, name="RH")
    granted = Permission.objects.filter(
        codename__in=["view_customer", "send_sms_customer"], content_type__app_label="customers"
    )
    client = client_as(admin_member)
    url = org_reverse("accounts:sector_edit", organization=organization, pk=sector.pk)
    client.post(url, {"name": "RH", "permissions": [p.pk for p in granted]})

    panel = client.get(url).content.decode().split('id="historico"')[1]

    assert "adicionados: " in panel
    assert "Cliente: Ver" in panel
    assert "Pode enviar SMS a clientes" in panel
    assert "Can view customer" not in panel
