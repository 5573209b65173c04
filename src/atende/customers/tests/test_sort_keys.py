"""The stored reading-order keys the customer list sorts by: written by the services, filled by
the migration for customers saved before it, and read by the list in one query through the
index (no per-row function on SQLite)."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test.utils import CaptureQueriesContext

from atende.core.sorting import KEY_LENGTH, SortKey, sort_key
from atende.customers.models import Customer
from atende.customers.selectors import CustomerFilters, customer_list
from atende.customers.services.customers import customer_create, customer_update
from atende.customers.tests.factories import CustomerFactory

pytestmark = pytest.mark.django_db

READING_ORDER = ["alberto Reis", "Álvaro Dias", "Amanda Luz", "Éder Sá", "Edson Lima", "Zeca Prado"]


def test_the_key_folds_accents_case_apostrophes_and_spaces():
    assert sort_key("  Álvaro  D'Ávila ") == "alvaro davila"
    assert sort_key("SÃO PAULO") == "sao paulo"
    assert sort_key("") == sort_key(None) == ""
    # "ﬁ" folds to two letters: the key stays within its column.
    assert len(sort_key("ﬁ" * KEY_LENGTH)) == KEY_LENGTH


def _names(actor, sort="name", cursor=None, size=50):
    page = customer_list(actor=actor, filters=CustomerFilters(sort=sort), cursor=cursor, size=size)
    return [customer.name for customer in page.items], page


def test_create_and_rename_keep_the_keys_and_the_order(admin_member):
    zeca = customer_create(actor=admin_member, kind="person", name="Zeca Prado", city="Águas")
    customer_create(actor=admin_member, kind="person", name="Bruno Reis", city="Campinas")
    assert (zeca.name_key, zeca.city_key) == ("zeca prado", "aguas")
    assert _names(admin_member)[0] == ["Bruno Reis", "Zeca Prado"]

    customer_update(actor=admin_member, customer=zeca, name="Ângela Prado", city="São Paulo")

    stored = Customer.objects.values_list("name_key", "city_key").get(pk=zeca.pk)
    assert stored == ("angela prado", "sao paulo")
    assert _names(admin_member)[0] == ["Ângela Prado", "Bruno Reis"]
    assert _names(admin_member, sort="city")[0] == ["Bruno Reis", "Ângela Prado"]


def test_a_change_of_other_fields_leaves_the_keys_as_they_were(admin_member):
    customer = customer_create(actor=admin_member, kind="person", name="Érica", city="Natal")
    customer_update(actor=admin_member, customer=customer, email="erica@example.com")
    assert Customer.objects.values_list("name_key", "city_key").get(pk=customer.pk) == (
        "erica",
        "natal",
    )


@pytest.mark.parametrize("indexed", [True, False])
def test_both_forms_of_the_key_give_reading_order(organization, indexed):
    for name in reversed(READING_ORDER):
        CustomerFactory(organization=organization, name=name)
    ordered = Customer.objects.annotate(key=SortKey("name_key", indexed=indexed)).order_by(
        "key", "pk"
    )
    assert [customer.name for customer in ordered] == READING_ORDER


def test_the_list_is_one_query_on_the_stored_key_both_ways(organization, admin_member):
    for index, name in enumerate(READING_ORDER * 3):
        CustomerFactory(organization=organization, name=name, city=["Águas", "Natal"][index % 2])
    _, first = _names(admin_member, size=4)
    for sort, cursor in [("name", None), ("name", first.next_cursor), ("-city", None)]:
        with CaptureQueriesContext(connection) as captured:
            _names(admin_member, sort=sort, cursor=cursor, size=4)
        [query] = captured.captured_queries  # the page with category and owner, nothing else
        assert "atende_sortkey" not in query["sql"]
        assert "name_key" in query["sql"]
    _, second = _names(admin_member, cursor=first.next_cursor, size=4)
    back, _ = _names(admin_member, cursor=second.previous_cursor, size=4)
    assert back == [name for name in READING_ORDER for _ in range(3)][:4]


@pytest.mark.skipif(
    connection.vendor == "postgresql",
    reason="the tests run as the application role, which may not alter tables",
)
@pytest.mark.django_db(transaction=True)
def test_the_migration_fills_the_keys_of_existing_customers(organization):
    before = [("customers", "0009_forms_that_help")]
    after = [("customers", "0010_name_sort_key")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    try:
        old_apps = executor.loader.project_state(before).apps
        OldCustomer = old_apps.get_model("customers", "Customer")
        for number, (name, city) in enumerate(
            [("Zeca Prado", "São Paulo"), ("Álvaro Dias", "Águas"), ("alberto Reis", "")], 1
        ):
            OldCustomer.objects.create(
                organization_id=organization.pk, number=number, name=name, city=city
            )
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(after)
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())

    rows = Customer.objects.order_by("name_key", "pk").values_list("name", "name_key", "city_key")
    assert list(rows) == [
        ("alberto Reis", "alberto reis", ""),
        ("Álvaro Dias", "alvaro dias", "aguas"),
        ("Zeca Prado", "zeca prado", "sao paulo"),
    ]
