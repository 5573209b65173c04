"""Creating and changing customers: validation in Portuguese, nothing saved on bad input."""

import pytest
from django.core.exceptions import PermissionDenied

from atende.core.errors import DomainError
from atende.customers.models import Customer, ExtraField
from atende.customers.services.customers import customer_create, customer_update
from atende.customers.tests.factories import CustomerFactory

pytestmark = pytest.mark.django_db

VALID_CPF = "529.982.247-25"
VALID_CNPJ = "11.222.333/0001-81"
ALPHANUMERIC_CNPJ = "12.ABC.345/01DE-35"


def test_customers_get_sequential_codes_per_organization(admin_member):
    first = customer_create(actor=admin_member, kind="person", name="Ana", document=VALID_CPF)
    second = customer_create(actor=admin_member, kind="company", name="Beta", document=VALID_CNPJ)
    assert (first.number, second.number) == (1, 2)
    assert (first.document, second.document) == ("52998224725", "11222333000181")


def test_alphanumeric_cnpj_is_accepted_and_stored_without_mask(admin_member):
    customer = customer_create(
        actor=admin_member, kind="company", name="Nova S.A.", document=ALPHANUMERIC_CNPJ
    )
    assert customer.document == "12ABC34501DE35"
    assert customer.document_display == "12.ABC.345/01DE-35"


@pytest.mark.parametrize(
    ("kind", "document", "message"),
    [
        ("person", "529.982.247-26", "CPF inválido"),
        ("person", VALID_CNPJ, "CPF inválido"),
        ("company", "11.222.333/0001-82", "CNPJ inválido"),
    ],
)
def test_invalid_documents_are_refused_and_nothing_is_saved(admin_member, kind, document, message):
    with pytest.raises(DomainError, match=message) as error:
        customer_create(actor=admin_member, kind=kind, name="X", document=document)
    assert error.value.field == "document"
    assert Customer.objects.count() == 0


def test_duplicate_document_names_the_existing_customer(admin_member, organization):
    existing = CustomerFactory(
        organization=organization, name="Maria Souza", document="52998224725"
    )
    with pytest.raises(DomainError) as error:
        customer_create(actor=admin_member, kind="person", name="Outra", document=VALID_CPF)
    assert (
        error.value.message == f"Já existe o cliente {existing.number} – Maria Souza com este CPF."
    )
    assert Customer.objects.count() == 1


def test_same_document_in_another_organization_is_fine(admin_member, other_organization):
    CustomerFactory(organization=other_organization, document="52998224725")
    customer = customer_create(actor=admin_member, kind="person", name="A", document=VALID_CPF)
    assert customer.number == 1


def test_invalid_cep_is_refused(admin_member):
    with pytest.raises(DomainError, match="CEP inválido"):
        customer_create(actor=admin_member, kind="person", name="A", postal_code="1301-00")
    assert Customer.objects.count() == 0


def test_company_only_fields_are_cleared_for_people(admin_member):
    customer = customer_create(
        actor=admin_member,
        kind="person",
        name="Ana",
        trade_name="Não se aplica",
        municipal_registration="123",
    )
    assert (customer.trade_name, customer.municipal_registration) == ("", "")


def test_extra_fields_are_validated_by_type(admin_member, organization):
    ExtraField.objects.create(
        target="customer", label="Nº de filiais", key="filiais", kind="number"
    )
    ExtraField.objects.create(target="customer", label="Contrato", key="contrato", kind="date")
    ExtraField.objects.create(
        target="customer", label="Plano", key="plano", kind="choice", choices="Básico\nPro"
    )

    with pytest.raises(DomainError, match="“Nº de filiais”: informe um número."):
        customer_create(actor=admin_member, kind="person", name="A", extra={"filiais": "três"})
    with pytest.raises(DomainError, match="escolha uma das opções: Básico, Pro"):
        customer_create(actor=admin_member, kind="person", name="A", extra={"plano": "Gold"})
    assert Customer.objects.count() == 0

    customer = customer_create(
        actor=admin_member,
        kind="person",
        name="A",
        extra={"filiais": "1.234,5", "contrato": "31/12/2026", "plano": "Pro"},
    )
    assert customer.extra == {"filiais": "1234.5", "contrato": "2026-12-31", "plano": "Pro"}


def test_member_without_permission_cannot_create(member):
    with pytest.raises(PermissionDenied):
        customer_create(actor=member, kind="person", name="A")


def test_update_keeps_the_code_and_refreshes_search(admin_member, organization):
    customer = CustomerFactory(organization=organization, name="Joao")
    customer_update(actor=admin_member, customer=customer, name="João Álvares")
    customer.refresh_from_db()
    assert customer.search_text.startswith(f"{customer.number} | joao alvares")


def test_origin_must_belong_to_the_chosen_type(admin_member, organization):
    from atende.customers.models import Origin, OriginType

    digital = OriginType.objects.create(name="Mídia digital")
    printed = OriginType.objects.create(name="Mídia impressa")
    instagram = Origin.objects.create(origin_type=digital, name="Instagram")
    with pytest.raises(DomainError, match="não pertence a esse tipo"):
        customer_create(
            actor=admin_member, kind="person", name="A", origin_type=printed, origin=instagram
        )
    customer = customer_create(actor=admin_member, kind="person", name="B", origin=instagram)
    assert customer.origin_type == digital


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("kind", "robot"),
        ("email", "ana@example.com\r\nBcc: todos@example.com"),
        ("state", "ZZZ"),
        ("name", "Ana\x07"),
        ("city", "x" * 101),
    ],
)
def test_the_service_refuses_what_the_form_refuses_whoever_calls_it(
    admin_member, organization, field, value
):
    from atende.core.errors import InvalidFields

    customer = CustomerFactory(organization=organization, name="Ana", email="ana@example.com")
    with pytest.raises(InvalidFields) as refused:
        customer_update(actor=admin_member, customer=customer, **{field: value})
    assert field in refused.value.errors
    customer.refresh_from_db()
    assert (customer.kind, customer.email, customer.state) == ("person", "ana@example.com", "SP")


def test_every_field_error_comes_at_once(admin_member):
    from atende.core.errors import InvalidFields

    with pytest.raises(InvalidFields) as refused:
        customer_create(actor=admin_member, kind="person", name="X", email="não", state="ZZ")
    assert set(refused.value.errors) == {"email", "state"}
