"""`manage.py demo_load` creates the demo organizations and customers once, and only once."""

import io

import pytest
from django.core.management import call_command

from atende.core.documents import is_valid_cnpj, is_valid_cpf
from atende.customers.models import Customer
from atende.tenancy.context import activate
from atende.tenancy.models import Organization

pytestmark = pytest.mark.django_db


def test_demo_load_is_idempotent_and_realistic():
    call_command("demo_load", stdout=io.StringIO())
    call_command("demo_load", stdout=io.StringIO())

    demo = Organization.objects.get(slug="demo")
    with activate(demo):
        customers = list(Customer.objects.all())
        assert len(customers) == 200
        assert all(
            is_valid_cnpj(c.document) if c.is_company else is_valid_cpf(c.document)
            for c in customers
        )
        assert len({c.document for c in customers}) == 200
        assert Customer.objects.filter(contacts__isnull=False).distinct().count() > 100
    with activate(Organization.objects.get(slug="acme")):
        assert Customer.objects.count() == 40
