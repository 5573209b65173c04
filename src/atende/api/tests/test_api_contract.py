"""The OpenAPI document is the contract: Schemathesis generates requests from it (valid and
invalid) and runs all its checks on every answer — no server error, every status documented,
bodies and headers as documented, valid data accepted, invalid data refused."""

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from atende.accounts.services.tokens import api_token_create
from atende.customers.tests.factories import (
    CategoryFactory,
    ContactFactory,
    CustomerFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def api_token(admin_member, organization):
    """An administrator's token, over an organization with some customers to find."""
    CategoryFactory(organization=organization, name="Residencial")
    for index in range(3):
        customer = CustomerFactory(organization=organization, name=f"Cliente {index}")
        ContactFactory(organization=organization, customer=customer)
    return api_token_create(actor=admin_member, name="schemathesis")[1]


@pytest.fixture
def portal_token(organization, admin_member):
    """A customer's contact's token, with a request type to open and one request to follow."""
    from atende.desk.services.requests import request_open
    from atende.desk.tests.factories import AreaFactory
    from atende.portal.tests.isolation import portal_account_for
    from atende.portal.tokens import portal_token_create
    from atende.workflow.tests.factories import service_request_type

    area = AreaFactory(organization=organization, name="Suporte", is_default=True)
    request_type = service_request_type(organization, area=area, attendant=admin_member)
    account = portal_account_for(organization, email="rita@padaria.example")
    request_open(
        actor=account, request_type=request_type, title="Trocar roteador",
        values={"endereco": "Rua A, 10"},
    )  # fmt: skip
    return portal_token_create(account=account, name="schemathesis")[1]


def _schema(token: str):
    # Like Django's test client: keep the test's connection (and its transaction) open across
    # the requests Schemathesis sends straight to the WSGI application.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
        # Given to Schemathesis as configuration, so its authentication checks can take it away.
        schema.config.update(headers={"Authorization": f"Bearer {token}"})
        yield schema
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


@pytest.fixture
def api_schema(db, api_token):
    """The staff API, with a member's token."""
    for schema in _schema(api_token):
        yield schema.exclude(path_regex=PORTAL_PATHS)


@pytest.fixture
def portal_schema(db, portal_token):
    """The customers' API (/portal/…), with a portal account's token."""
    for schema in _schema(portal_token):
        yield schema.include(path_regex=PORTAL_PATHS)


PORTAL_PATHS = "^/api/v1/portal/"
schema = schemathesis.pytest.from_fixture("api_schema")
portal = schemathesis.pytest.from_fixture("portal_schema")


@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
def test_every_operation_keeps_the_contract(case):
    case.call_and_validate()


@portal.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
def test_every_portal_operation_keeps_the_contract(case):
    case.call_and_validate()


def test_sequences_of_calls_keep_the_contract(api_schema):
    """Stateful: what one call creates, the next ones find (a contact created is then changed
    and deleted by its id), with every check on every answer."""
    api_schema.as_state_machine().run(
        settings=settings(
            max_examples=30,
            stateful_step_count=6,
            deadline=None,
            derandomize=True,
            suppress_health_check=list(HealthCheck),
        )
    )
