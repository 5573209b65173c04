"""Extra field keys come from their labels; direct debit takes a bank from the list and fills
its identifier in (issue 9, C4, C8)."""

import pytest

from atende.customers.models import ExtraField
from atende.customers.services.catalogs import catalog_save
from atende.customers.tests.factories import CustomerFactory
from atende.tenancy.urls import org_reverse

pytestmark = pytest.mark.django_db


def url(organization, name, **kwargs):
    return org_reverse(f"customers:{name}", organization=organization, **kwargs)


def test_extra_field_key_is_derived_from_its_label(client_as, admin_member, organization):
    target = url(organization, "settings_new", catalog="campos-extras")
    client = client_as(admin_member)
    page = client.get(target).content.decode()
    assert 'name="key"' not in page
    client.post(target, {"target": "customer", "label": "Nº de filiais", "kind": "number",
                         "position": 0})  # fmt: skip
    client.post(target, {"target": "customer", "label": "Nº de Filiais!", "kind": "text",
                         "position": 1})  # fmt: skip
    client.post(target, {"target": "contact", "label": "Nº de filiais", "kind": "text",
                         "position": 0})  # fmt: skip
    keys = sorted(ExtraField.objects.values_list("target", "key"))
    assert keys == [
        ("contact", "no_de_filiais"), ("customer", "no_de_filiais"),
        ("customer", "no_de_filiais_2"),
    ]  # fmt: skip


def test_renaming_an_extra_field_keeps_its_key(admin_member):
    field = catalog_save(actor=admin_member, model=ExtraField, instance=None, target="customer",
                         label="Plano", kind="text")  # fmt: skip
    catalog_save(actor=admin_member, model=ExtraField, instance=field, label="Plano contratado")
    field.refresh_from_db()
    assert (field.label, field.key) == ("Plano contratado", "plano")


def test_label_without_letters_still_gets_a_key(admin_member):
    field = catalog_save(actor=admin_member, model=ExtraField, instance=None, target="customer",
                         label="???", kind="text")  # fmt: skip
    assert field.key == "campo"


def test_debit_bank_is_chosen_from_the_list_and_identifier_filled_in(
    client_as, admin_member, organization
):
    customer = CustomerFactory(organization=organization)
    target = url(organization, "direct_debit", number=customer.number)
    client = client_as(admin_member)
    page = client.get(target).content.decode()
    assert '<option value="237">237 – Bradesco</option>' in page
    identifier = f"{customer.number:08d}"
    assert f'data-fill="{identifier}"' in page
    body = {"bank_code": "237", "agency": "0123", "account": "45678-9",
            "account_type": "checking", "identifier": "", "status": "pending"}  # fmt: skip
    client.post(target, body)
    debit = customer.direct_debits.get()
    assert (debit.bank_code, debit.identifier) == ("237", identifier)
    registry = client.get(url(organization, "tab", number=customer.number, tab="cadastro"))
    assert "237 – Bradesco" in registry.content.decode()


def test_debit_with_a_bank_off_the_list_is_refused(client_as, admin_member, organization):
    from atende.core.errors import DomainError
    from atende.customers.services.contacts import direct_debit_save

    customer = CustomerFactory(organization=organization)
    response = client_as(admin_member).post(
        url(organization, "direct_debit", number=customer.number),
        {"bank_code": "999", "agency": "1", "account": "2", "account_type": "checking",
         "status": "pending"},
    )  # fmt: skip
    assert "Faça uma escolha válida" in response.content.decode()
    with pytest.raises(DomainError) as refused:
        direct_debit_save(actor=admin_member, customer=customer, bank_code="999", agency="1",
                          account="2")  # fmt: skip
    assert refused.value.code == "bank"
    assert customer.direct_debits.count() == 0


def test_debit_names_every_missing_field_at_once(admin_member, organization):
    from atende.core.errors import InvalidFields
    from atende.customers.services.contacts import direct_debit_save

    customer = CustomerFactory(organization=organization)
    with pytest.raises(InvalidFields) as refused:
        direct_debit_save(actor=admin_member, customer=customer, bank_code="", agency="",
                          account="")  # fmt: skip
    assert set(refused.value.errors) == {"bank_code", "agency", "account"}
