"""The scoped manager fails closed, filters by the active organization and refuses cross writes."""

from contextvars import copy_context

import pytest
from django.db import connection

from atende.accounts.models import Sector
from atende.accounts.tests.factories import SectorFactory
from atende.tenancy import context
from atende.tenancy.context import (
    NoActiveOrganization,
    activate,
    active_organization_id,
    dangerously_unscoped,
)
from atende.tenancy.models import NoCrossOrganizationWrite

pytestmark = pytest.mark.django_db


def _with_no_organization(function):
    """Run `function` in a copy of the context where no organization is active."""

    def run():
        context._active_organization_id.set(None)
        return function()

    return copy_context().run(run)


def test_manager_raises_when_no_organization_is_active(organization):
    SectorFactory(organization=organization, name="Financeiro")

    with pytest.raises(NoActiveOrganization):
        _with_no_organization(lambda: list(Sector.objects.all()))
    with pytest.raises(NoActiveOrganization):
        _with_no_organization(lambda: Sector.objects.create(name="Sem empresa"))
    assert _with_no_organization(lambda: list(Sector.objects.none())) == []


def test_queries_see_only_the_active_organization(organization, other_organization):
    SectorFactory(organization=organization, name="Financeiro")
    SectorFactory(organization=other_organization, name="Suporte")

    with activate(organization):
        assert list(Sector.objects.values_list("name", flat=True)) == ["Financeiro"]
    with activate(other_organization):
        assert list(Sector.objects.values_list("name", flat=True)) == ["Suporte"]
    with dangerously_unscoped():
        everyone = sorted(Sector.objects.values_list("name", flat=True))
    # The ORM's switch is spelled out; on PostgreSQL the application role still cannot use it
    # (only the owner's policy reads it): the database keeps to the active organization.
    expected = ["Financeiro"] if connection.vendor == "postgresql" else ["Financeiro", "Suporte"]
    assert everyone == expected


def test_new_row_takes_the_active_organization(organization):
    sector = Sector.objects.create(name="RH")
    assert sector.organization_id == organization.pk == active_organization_id()


def test_saving_a_row_of_another_organization_is_refused(organization, other_organization):
    foreign = SectorFactory(organization=other_organization, name="Suporte")
    foreign.name = "Invadido"
    with pytest.raises(NoCrossOrganizationWrite):
        foreign.save()
    with activate(other_organization):
        assert Sector.objects.get(pk=foreign.pk).name == "Suporte"


def test_bulk_create_binds_rows_to_the_active_organization(organization):
    Sector.objects.bulk_create([Sector(name="A"), Sector(name="B")])
    assert set(Sector.objects.values_list("organization_id", flat=True)) == {organization.pk}


def test_activation_ends_with_its_block(organization, other_organization):
    with activate(other_organization):
        assert active_organization_id() == other_organization.pk
    assert active_organization_id() == organization.pk


def test_a_service_refuses_an_actor_of_another_organization(organization, other_member):
    from atende.customers.models import Customer
    from atende.customers.services.customers import customer_create
    from atende.tenancy.context import ActorOutsideOrganization

    # `organization` is active; other_member belongs to other_organization.
    with pytest.raises(ActorOutsideOrganization):
        customer_create(actor=other_member, kind="person", name="Intruso")
    assert Customer.objects.count() == 0
