"""Factories of the customer registry (every factory takes organization)."""

import factory

from atende.accounts.tests.factories import TenantFactory
from atende.core.documents import cpf_check_digits
from atende.customers.models import Category, Contact, Customer, Observation
from atende.tenancy.sequences import next_number


def valid_cpf(n: int) -> str:
    base = f"{100000000 + n * 7919:09d}"[-9:]
    return base + cpf_check_digits(base)


class CategoryFactory(TenantFactory):
    class Meta:
        model = Category
        django_get_or_create = ("organization", "name")

    name = "Cliente"


class CustomerFactory(TenantFactory):
    class Meta:
        model = Customer

    name = factory.Sequence(lambda n: f"Cliente {n:04}")
    document = factory.Sequence(valid_cpf)
    city = "Campinas"
    state = "SP"

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        from atende.tenancy.context import activate

        with activate(kwargs["organization"]):
            from atende.customers.services.customers import (
                customer_refresh_search,
                customer_sort_keys,
            )

            kwargs.setdefault("number", next_number("customer"))
            customer = model_class(*args, **kwargs)
            customer_sort_keys(customer)
            customer.save()

            customer_refresh_search(customer)
            return customer


class ContactFactory(TenantFactory):
    class Meta:
        model = Contact

    customer = factory.SubFactory(
        CustomerFactory, organization=factory.SelfAttribute("..organization")
    )
    name = factory.Sequence(lambda n: f"Contato {n}")
    email = factory.Sequence(lambda n: f"contato{n}@example.com")


class ObservationFactory(TenantFactory):
    class Meta:
        model = Observation

    customer = factory.SubFactory(
        CustomerFactory, organization=factory.SelfAttribute("..organization")
    )
    text = "Cliente prefere contato por WhatsApp."
