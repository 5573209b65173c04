"""`@organization_task` runs its body inside the organization it was given, and only there.

The tasks below run eagerly (CELERY_TASK_ALWAYS_EAGER in tests); a real worker only runs
production tasks, which it imports (see core/tests/test_celery_worker.py).
"""

import pytest

from atende.accounts.models import Sector
from atende.accounts.tasks import member_invite_email_task
from atende.accounts.tests.factories import SectorFactory
from atende.tenancy.context import NoActiveOrganization, active_organization_id
from atende.tenancy.tasks import organization_task


@organization_task
def active_organization_task(organization_id: int, fail: bool = False) -> int | None:
    if fail:
        raise ValueError("the task failed")
    return active_organization_id()


@organization_task
def sector_names_task(organization_id: int) -> list[str]:
    return list(Sector.objects.order_by("name").values_list("name", flat=True))


@organization_task(max_retries=2)
def sector_create_task(organization_id: int, name: str) -> int:
    return Sector.objects.create(name=name).organization_id


def test_the_organization_is_active_inside_and_nothing_leaks_after():
    assert active_organization_id() is None

    assert active_organization_task.delay(7).get() == 7
    assert active_organization_task.delay(organization_id="8").get() == 8  # as JSON may carry it

    assert active_organization_id() is None


def test_nothing_leaks_when_the_task_fails():
    with pytest.raises(ValueError, match="the task failed"):
        active_organization_task.delay(7, fail=True)
    assert active_organization_id() is None


def test_the_organization_id_is_required():
    with pytest.raises(TypeError):
        active_organization_task.delay()
    with pytest.raises(TypeError):
        active_organization_task.delay(None)
    assert active_organization_id() is None


def test_without_the_task_wrapper_tenant_tables_refuse_to_answer():
    with pytest.raises(NoActiveOrganization):
        list(Sector.objects.all())


@pytest.mark.django_db
def test_the_scoped_manager_reads_the_task_organization_only(organization, other_organization):
    SectorFactory(organization=organization, name="Financeiro")
    SectorFactory(organization=other_organization, name="Suporte")

    assert sector_names_task.delay(other_organization.pk).get() == ["Suporte"]
    assert sector_names_task.delay(organization_id=organization.pk).get() == ["Financeiro"]
    assert active_organization_id() == organization.pk  # the test's own organization, as before


@pytest.mark.django_db
def test_rows_created_inside_belong_to_the_task_organization(organization, other_organization):
    assert sector_create_task.delay(other_organization.pk, "Cobrança").get() == (
        other_organization.pk
    )
    assert not Sector.objects.filter(name="Cobrança").exists()  # not in the test's organization


def test_celery_options_and_names_pass_through():
    assert sector_create_task.max_retries == 2
    assert member_invite_email_task.name == "atende.accounts.tasks.member_invite_email_task"
    assert member_invite_email_task.max_retries == 5
    assert member_invite_email_task.autoretry_for == (OSError,)
