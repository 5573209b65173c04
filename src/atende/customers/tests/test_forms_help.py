"""Forms that help (issue 9): every error at once, Portuguese labels, "Selecione…", dates as
dd/mm/aaaa, phones in one format, SMS consent tied to a mobile."""

import pytest

from atende.core.errors import InvalidFields
from atende.core.phones import InvalidPhone, phone_normalise
from atende.customers.models import Contact, Customer, ExtraField
from atende.customers.services.contacts import contact_save
from atende.customers.services.customers import customer_create
from atende.customers.tests.factories import ContactFactory, CustomerFactory
from atende.tenancy.urls import org_reverse

pytestmark = pytest.mark.django_db


def url(organization, name, **kwargs):
    return org_reverse(f"customers:{name}", organization=organization, **kwargs)


PERSON = {"kind": "person", "registered_on": "22/11/2026", "subscriber_type": "residential"}


def test_invalid_cpf_cep_and_phone_are_shown_in_one_answer(client_as, admin_member, organization):
    response = client_as(admin_member).post(
        url(organization, "create"),
        {**PERSON, "name": "Ana", "document": "123.456.789-00", "postal_code": "1301",
         "phone": "12 34", "email": "não-é-email"},
    )  # fmt: skip
    page = response.content.decode()
    assert response.status_code == 200
    assert "CPF inválido: confira os dígitos." in page
    assert "CEP inválido: são 8 dígitos." in page
    assert "Telefone inválido: informe DDD e número (10 ou 11 dígitos)." in page
    assert "Informe um endereço de email válido." in page
    assert Customer.objects.count() == 0


def test_the_service_refuses_every_field_at_once(admin_member):
    with pytest.raises(InvalidFields) as refused:
        customer_create(
            actor=admin_member, kind="person", name="", document="11111111111",
            postal_code="123", billing_postal_code="9", phone="abc",
        )  # fmt: skip
    assert set(refused.value.errors) == {
        "document", "postal_code", "billing_postal_code", "phone", "name",
    }  # fmt: skip
    assert Customer.objects.count() == 0


def test_a_single_problem_keeps_its_own_code(admin_member):
    from atende.core.errors import DomainError

    with pytest.raises(DomainError) as refused:
        customer_create(actor=admin_member, kind="person", name="Ana", document="11111111111")
    assert (refused.value.code, refused.value.field) == ("invalid_cpf", "document")


def test_form_speaks_portuguese_and_prompts_to_select(client_as, admin_member, organization):
    page = client_as(admin_member).get(url(organization, "create")).content.decode()
    for label in ("Categoria", "Tipo de origem comercial", "Origem comercial"):
        assert f">{label}</label>" in page
    assert "Selecione…" in page
    assert "---------" not in page
    assert 'inputmode="numeric"' in page
    assert 'type="tel"' in page


@pytest.mark.parametrize("name", ["contact_new", "direct_debit"])
def test_other_forms_prompt_to_select(client_as, admin_member, organization, name):
    customer = CustomerFactory(organization=organization)
    page = client_as(admin_member).get(url(organization, name, number=customer.number))
    assert "---------" not in page.content.decode()


def test_dates_are_typed_and_shown_dd_mm_yyyy_extra_fields_included(
    client_as, admin_member, organization
):
    ExtraField.objects.create(target="customer", label="Contrato", key="contrato", kind="date")
    client = client_as(admin_member)
    client.post(
        url(organization, "create"),
        {**PERSON, "name": "Ana", "registered_on": "05/03/2026", "extra_contrato": "31/01/2027"},
    )
    customer = Customer.objects.get()
    assert str(customer.registered_on) == "2026-03-05"
    assert customer.extra == {"contrato": "2027-01-31"}
    edit = client.get(url(organization, "edit", number=customer.number)).content.decode()
    assert 'value="05/03/2026"' in edit
    assert 'value="31/01/2027"' in edit
    tab = client.get(url(organization, "tab", number=customer.number, tab="cadastro"))
    assert "<dd>31/01/2027</dd>" in tab.content.decode()


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("19 3232-4545", "(19) 3232-4545"),
        ("+55 (19) 99123-4567", "(19) 99123-4567"),
        ("0 15 19 99123-4567", "(19) 99123-4567"),
        ("0800 123 4567", "0800 123 4567"),
        ("+1 415 555 1234", "+14155551234"),
        ("", ""),
    ],
)
def test_phones_are_stored_in_one_format(typed, stored):
    assert phone_normalise(typed) == stored


@pytest.mark.parametrize("typed", ["12 34", "10 3232-4545", "19 81234-5678", "ramal 12"])
def test_phones_that_are_not_numbers_are_refused(typed):
    with pytest.raises(InvalidPhone):
        phone_normalise(typed)


def test_a_landline_is_not_a_mobile():
    with pytest.raises(InvalidPhone):
        phone_normalise("19 3232-4545", mobile=True)


def test_customer_phones_are_normalised_when_saved(client_as, admin_member, organization):
    client_as(admin_member).post(
        url(organization, "create"),
        {**PERSON, "name": "Ana", "phone": "19991234567", "phone_alt": "+55 19 3232 4545"},
    )
    customer = Customer.objects.get()
    assert (customer.phone, customer.phone_alt) == ("(19) 99123-4567", "(19) 3232-4545")


def test_consent_without_a_mobile_is_refused(client_as, admin_member, organization):
    customer = CustomerFactory(organization=organization)
    response = client_as(admin_member).post(
        url(organization, "contact_new", number=customer.number),
        {"name": "Rita", "sms_consent": "on", "mobile": ""},
    )
    assert "Informe o celular que receberá SMS" in response.content.decode()
    assert Contact.objects.count() == 0


def test_service_refuses_consent_without_a_mobile(admin_member, organization):
    customer = CustomerFactory(organization=organization)
    with pytest.raises(InvalidFields) as refused:
        contact_save(
            actor=admin_member, customer=customer, name="Rita", sms_consent=True, mobile="",
            phone="x",
        )  # fmt: skip
    assert set(refused.value.errors) == {"mobile", "phone"}
    assert Contact.objects.count() == 0


def test_contact_mobile_is_normalised_and_shown_formatted(client_as, admin_member, organization):
    customer = CustomerFactory(organization=organization)
    client = client_as(admin_member)
    client.post(
        url(organization, "contact_new", number=customer.number),
        {"name": "Rita", "sms_consent": "on", "mobile": "19999990000"},
    )
    contact = Contact.objects.get()
    assert (contact.mobile, contact.sms_consent) == ("(19) 99999-0000", True)
    page = client.get(url(organization, "contact_edit", number=customer.number, pk=contact.pk))
    assert 'value="(19) 99999-0000"' in page.content.decode()


def test_a_landline_as_mobile_is_refused(admin_member, organization):
    customer = CustomerFactory(organization=organization)
    contact = ContactFactory(organization=organization, customer=customer)
    from atende.core.errors import DomainError

    with pytest.raises(DomainError) as refused:
        contact_save(
            actor=admin_member, customer=customer, contact=contact, name="X", mobile="1932324545"
        )
    assert refused.value.field == "mobile"


def test_fields_carry_masks_and_mobile_keyboards(client_as, admin_member, organization):
    response = client_as(admin_member).get(url(organization, "create"))
    page = response.content.decode()
    fields = response.context["form"].fields
    assert fields["document"].widget.attrs["inputmode"] == "numeric"
    assert fields["postal_code"].widget.attrs["inputmode"] == "numeric"
    assert fields["phone"].widget.attrs["inputmode"] == "tel"
    for mask in ("document", "cep", "phone", "date"):
        assert f'data-mask="{mask}"' in page
    assert 'autocomplete="postal-code"' in page


def test_company_document_takes_letters_on_the_keyboard(client_as, admin_member, organization):
    customer = CustomerFactory(organization=organization, kind="company", document="")
    page = client_as(admin_member).get(url(organization, "edit", number=customer.number))
    assert 'data-mask="document"' in page.content.decode()
    assert page.context["form"].fields["document"].widget.attrs["inputmode"] == "text"


def test_main_form_looks_the_cep_up(client_as, admin_member, organization):
    page = client_as(admin_member).get(url(organization, "create")).content.decode()
    assert f'hx-get="{url(organization, "cep")}"' in page
    assert 'hx-trigger="change from:#id_postal_code"' in page


def test_a_refused_upload_keeps_what_was_typed(client_as, admin_member, organization):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from atende.customers.models import CustomerDocument, DocumentType
    from atende.files.tests import samples

    contract = DocumentType.objects.create(name="Contrato")
    customer = CustomerFactory(organization=organization)
    response = client_as(admin_member).post(
        url(organization, "document_upload", number=customer.number),
        {"file": SimpleUploadedFile("rg.pdf", samples.HTML), "description": "RG do titular",
         "document_type": contract.pk},
    )  # fmt: skip
    page = response.content.decode()
    assert response.status_code == 200
    assert "O conteúdo do arquivo não corresponde a PDF" in page
    assert 'value="RG do titular"' in page
    assert f'<option value="{contract.pk}" selected>' in page
    assert CustomerDocument.objects.count() == 0


def test_phones_saved_before_the_rule_are_shown_in_the_one_format(
    client_as, admin_member, organization
):
    customer = CustomerFactory(organization=organization, phone="1932324545", phone_alt="ramal 3")
    ContactFactory(organization=organization, customer=customer, mobile="19 99999 0000")
    client = client_as(admin_member)
    registry = client.get(url(organization, "tab", number=customer.number, tab="cadastro"))
    assert "(19) 3232-4545 · ramal 3" in registry.content.decode()
    contacts = client.get(url(organization, "tab", number=customer.number, tab="contatos"))
    assert "(19) 99999-0000" in contacts.content.decode()
