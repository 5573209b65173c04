"""PostgreSQL row-level security: the database itself refuses other organizations' rows.

These run only on PostgreSQL (make test runs the suite there as an ordinary role).
"""

from contextvars import copy_context

import pytest
from django.apps import apps
from django.db import connection, transaction
from django.db.utils import DatabaseError

from atende.accounts.tests.factories import SectorFactory
from atende.tenancy import context
from atende.tenancy.context import activate
from atende.tenancy.models import TenantModel

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="row-level security exists only on PostgreSQL (this run uses SQLite)",
    ),
]


def _without_organization(function):
    def run():
        context._active_organization_id.set(None)
        return function()

    return copy_context().run(run)


def _raw(sql: str, params=None) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _tenant_tables() -> set[str]:
    """Tables of TenantModel subclasses plus any table with an organization_id column."""
    from_models = {
        model._meta.db_table
        for model in apps.get_models(include_auto_created=True)
        if issubclass(model, TenantModel)
    }
    from_catalog = {
        row[0]
        for row in _raw(
            "SELECT table_name FROM information_schema.columns "
            "WHERE table_schema = current_schema() AND column_name = 'organization_id'"
        )
    }
    return from_models | from_catalog


def test_the_application_role_is_subject_to_policies():
    superuser, bypass = _raw(
        "SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user"
    )[0]
    assert (superuser, bypass) == (False, False), (
        "connect as an ordinary role: superusers and BYPASSRLS roles skip every policy"
    )


def test_every_tenant_table_has_a_forced_policy():
    tables = _tenant_tables()
    assert {"accounts_sector", "tenancy_member", "accounts_apitoken"} <= tables
    forced = {
        name
        for name, enabled, force in _raw(
            "SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class "
            "WHERE relname = ANY(%s)",
            [list(tables)],
        )
        if enabled and force
    }
    with_policy = {
        row[0]
        for row in _raw(
            "SELECT tablename FROM pg_policies WHERE tablename = ANY(%s)", [list(tables)]
        )
    }
    assert sorted(tables - forced) == []
    assert sorted(tables - with_policy) == []


def test_raw_select_without_an_organization_returns_no_rows(organization, other_organization):
    SectorFactory(organization=organization, name="Financeiro")
    SectorFactory(organization=other_organization, name="Suporte")

    rows = _without_organization(lambda: _raw("SELECT name FROM accounts_sector"))

    assert rows == []


def test_raw_select_with_one_organization_sees_only_its_rows(organization, other_organization):
    SectorFactory(organization=organization, name="Financeiro")
    SectorFactory(organization=other_organization, name="Suporte")

    with activate(organization):
        mine = _raw("SELECT name FROM accounts_sector ORDER BY name")
    with activate(other_organization):
        theirs = _raw("SELECT name FROM accounts_sector ORDER BY name")

    assert mine == [("Financeiro",)]
    assert theirs == [("Suporte",)]


def test_raw_insert_into_another_organization_is_refused(organization, other_organization):
    with activate(organization), pytest.raises(DatabaseError), transaction.atomic():
        _raw(
            "INSERT INTO accounts_sector (organization_id, name, created_at) "
            "VALUES (%s, 'Intruso', now()) RETURNING id",
            [other_organization.pk],
        )


@pytest.mark.django_db(transaction=True)
def test_the_setting_does_not_outlive_its_transaction(organization):
    SectorFactory(organization=organization, name="Financeiro")
    with activate(organization):
        assert _raw("SELECT name FROM accounts_sector") == [("Financeiro",)]

    # Straight on the driver connection, past our backend: a pooled connection keeps nothing.
    def leftover():
        with connection.connection.cursor() as cursor:
            cursor.execute("SELECT current_setting('atende.organization_id', true)")
            return cursor.fetchone()[0]

    assert _without_organization(leftover) in (None, "")


# --- Two roles: the application role owns nothing and cannot read across organizations ---


def test_the_application_role_owns_no_table():
    owned = _raw(
        "SELECT tablename FROM pg_tables "
        "WHERE schemaname = current_schema() AND tableowner = current_user"
    )
    assert owned == []


def test_the_application_role_cannot_turn_row_security_off():
    with pytest.raises(DatabaseError, match="must be owner"), transaction.atomic():
        _raw("ALTER TABLE accounts_sector NO FORCE ROW LEVEL SECURITY")


def test_the_unscoped_switch_shows_the_application_role_nothing_more(
    organization, other_organization
):
    SectorFactory(organization=organization, name="Financeiro")
    SectorFactory(organization=other_organization, name="Suporte")

    def injected():  # what an injected statement could do from the application role
        with transaction.atomic():
            _raw("SELECT set_config('atende.unscoped', 'on', true)")
            return _raw("SELECT name FROM accounts_sector ORDER BY name")

    assert _without_organization(injected) == []
    with activate(organization):
        assert injected() == [("Financeiro",)]


def test_audit_entries_belong_to_their_organization(organization, other_organization):
    mine = SectorFactory(organization=organization, name="Financeiro")
    SectorFactory(organization=other_organization, name="Suporte")

    with activate(organization):
        rows = _raw("SELECT organization_id, object_pk FROM tenancy_auditlogentry")
    assert rows == [(organization.pk, str(mine.pk))]
    assert _without_organization(lambda: _raw("SELECT id FROM tenancy_auditlogentry")) == []


def test_the_switcher_function_answers_one_user_and_leaves_the_switch_off(
    organization, other_organization
):
    from atende.accounts.tests.factories import MemberFactory, UserFactory

    user = UserFactory()
    MemberFactory(organization=organization, user=user)
    MemberFactory(organization=other_organization, user=user)
    MemberFactory(organization=other_organization)  # someone else

    def call():
        with transaction.atomic():
            ids = _raw("SELECT atende_user_organization_ids(%s) ORDER BY 1", [user.pk])
            return ids, _raw("SELECT current_setting('atende.unscoped', true)")[0][0]

    ids, switch = _without_organization(call)
    assert ids == sorted([(organization.pk,), (other_organization.pk,)])
    assert switch in ("", None)
