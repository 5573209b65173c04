"""Deleting a sector: its members stay, without a sector and so without its permissions."""

import pytest
from django.contrib.auth.models import Permission

from atende.accounts.models import Sector
from atende.accounts.permissions import can
from atende.accounts.tests.factories import MemberFactory, SectorFactory
from atende.tenancy.context import activate
from atende.tenancy.models import Member
from atende.tenancy.urls import org_reverse

pytestmark = pytest.mark.django_db


def _delete_url(organization, sector):
    return org_reverse("accounts:sector_delete", organization=organization, pk=sector.pk)


def test_deleting_a_sector_keeps_its_members_without_it(client_as, admin_member, organization):
    sector = SectorFactory(organization=organization, name="Suporte")
    sector.permissions.set(Permission.objects.filter(codename="view_customer"))
    person = MemberFactory(organization=organization, sector=sector)
    assert can(person, "customers.view_customer") is True

    response = client_as(admin_member).post(_delete_url(organization, sector), follow=True)

    assert "Setor “Suporte” excluído." in response.content.decode()
    assert Sector.objects.count() == 0
    person = Member.objects.get(pk=person.pk)
    assert person.is_active is True
    assert person.sector_id is None
    assert can(person, "customers.view_customer") is False


def test_deleting_a_sector_needs_the_sector_permission(client_as, member, organization):
    sector = SectorFactory(organization=organization, name="Financeiro")
    member.sector = sector
    member.save()
    sector.permissions.set(Permission.objects.filter(codename="view_sector"))

    response = client_as(member).post(_delete_url(organization, sector))

    assert response.status_code == 403
    assert Sector.objects.filter(pk=sector.pk).exists()


def test_deleting_is_post_only(client_as, admin_member, organization):
    sector = SectorFactory(organization=organization)
    assert client_as(admin_member).get(_delete_url(organization, sector)).status_code == 405
    assert Sector.objects.filter(pk=sector.pk).exists()


def test_another_organizations_sector_is_not_found(client_as, admin_member, other_organization):
    foreign = SectorFactory(organization=other_organization, name="Deles")

    response = client_as(admin_member).post(_delete_url(admin_member.organization, foreign))

    assert response.status_code == 404
    # As the other organization (the app role of the PostgreSQL run has no unscoped reads).
    with activate(other_organization):
        assert Sector.objects.filter(pk=foreign.pk).exists()
