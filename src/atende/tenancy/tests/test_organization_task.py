"""`@organization_task` runs its body inside the organization it was given."""

import pytest

from atende.accounts.models import Sector
from atende.accounts.tests.factories import SectorFactory
from atende.tenancy.context import active_organization_id
from atende.tenancy.tasks import organization_task

pytestmark = pytest.mark.django_db


@organization_task
def sector_names_task(organization_id: int) -> list[str]:
    return [active_organization_id(), *Sector.objects.values_list("name", flat=True)]


def test_task_sees_only_its_organization(organization, other_organization):
    SectorFactory(organization=organization, name="Financeiro")
    SectorFactory(organization=other_organization, name="Suporte")

    result = sector_names_task.delay(other_organization.pk).get()

    assert result == [other_organization.pk, "Suporte"]
    assert active_organization_id() == organization.pk  # nothing leaks back


def test_task_needs_its_organization():
    with pytest.raises(TypeError):
        sector_names_task.delay()
