"""Fixtures shared by every app: two organizations with named members, and a logged-in client.

Personas: `organization` has `admin_member` (administrator) and `member` (no sector);
`other_organization` has `other_member` (its administrator). Tests that use the database run
with `organization` active, as a request inside it would.
"""

import os
from contextlib import contextmanager

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from atende.accounts.tests.factories import MemberFactory, OrganizationFactory
from atende.tenancy.context import activate

TEST_PASSWORD = "senha-de-teste-123"  # noqa: S105


@pytest.fixture(autouse=True, scope="session")
def _fast_test_settings(django_test_environment, tmp_path_factory):
    from django.conf import settings

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.CELERY_TASK_ALWAYS_EAGER = True
    settings.MEDIA_ROOT = tmp_path_factory.mktemp("media")  # uploads never land in the repo
    settings.VAR_DIR = tmp_path_factory.mktemp("var")  # nor the demo's sample return file


if os.environ.get("ATENDE_TEST_DATABASE_READY"):

    @pytest.fixture(scope="session")
    def django_db_setup():
        """Use DATABASE_URL as it is: `make test` migrated it as the owner role and connects
        as the application role, which may not create databases or tables (production's
        arrangement). Each test still runs in a transaction that is rolled back."""
        return


@pytest.fixture
def organization(db):
    return OrganizationFactory(slug="alfa", name="Alfa Provedor Ltda")


@pytest.fixture
def other_organization(db):
    return OrganizationFactory(slug="beta", name="Beta Serviços S.A.")


@pytest.fixture(autouse=True)
def _active_organization(request):
    """Activate `organization` for tests that use the database (like a request would)."""
    uses_db = {"db", "transactional_db", "django_db_reset_sequences"} & set(request.fixturenames)
    if not uses_db and request.node.get_closest_marker("django_db") is None:
        yield None
        return
    organization = request.getfixturevalue("organization")
    with activate(organization):
        yield organization


@pytest.fixture
def admin_member(organization):
    with activate(organization):
        return MemberFactory(organization=organization, is_admin=True, user__full_name="Ana Admin")


@pytest.fixture
def member(organization):
    with activate(organization):
        return MemberFactory(organization=organization, user__full_name="Bruno Membro")


@pytest.fixture
def other_member(other_organization):
    with activate(other_organization):
        return MemberFactory(
            organization=other_organization, is_admin=True, user__full_name="Olga Outra"
        )


@pytest.fixture
def client_as():
    """`client_as(member)` → a test client signed in as that member's user."""

    def make(member) -> Client:
        client = Client()
        client.force_login(member.user)
        return client

    return make


TRANSACTION_CONTROL = ("SAVEPOINT", "RELEASE SAVEPOINT", "ROLLBACK TO SAVEPOINT", "BEGIN", "COMMIT")


@pytest.fixture
def django_assert_num_queries():
    """Exact query counts, without transaction bookkeeping: PostgreSQL wraps each request in a
    transaction (ATOMIC_REQUESTS) and SQLite does not, and the reads are what we pin."""

    @contextmanager
    def assert_num_queries(expected: int):
        with CaptureQueriesContext(connection) as captured:
            yield captured
        statements = [
            query["sql"]
            for query in captured.captured_queries
            if not query["sql"].upper().startswith(TRANSACTION_CONTROL)
        ]
        assert len(statements) == expected, (
            f"expected {expected} queries, got {len(statements)}:\n" + "\n".join(statements)
        )

    return assert_num_queries
