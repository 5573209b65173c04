"""Per-organization numbers start at 1 in each organization and never repeat."""

import pytest
from django.db import transaction

from atende.tenancy.context import activate
from atende.tenancy.sequences import next_number

pytestmark = pytest.mark.django_db


def test_numbers_are_per_organization(organization, other_organization):
    assert [next_number("customer") for _ in range(3)] == [1, 2, 3]
    with activate(other_organization):
        assert next_number("customer") == 1
    assert next_number("ticket") == 1
    assert next_number("customer") == 4


def test_a_rolled_back_write_gives_its_number_back(organization):
    next_number("customer")

    def failing_write():
        with transaction.atomic():
            next_number("customer")
            raise RuntimeError("the write failed")

    with pytest.raises(RuntimeError):
        failing_write()
    assert next_number("customer") == 2
