"""The customer routes for the walkers: the objects they point to, the permission each needs and
a valid body for each write (see atende.tenancy.testing)."""

from django.core.files.uploadedfile import SimpleUploadedFile

from atende.core.testing.forms import form_data
from atende.customers.forms import ContactForm, CustomerForm
from atende.customers.models import Address, Contact, Customer, ExtraField
from atende.customers.permissions import CustomerPerm
from atende.customers.tests.factories import (
    CategoryFactory,
    ContactFactory,
    CustomerFactory,
    ObservationFactory,
)
from atende.files.tests.samples import PNG
from atende.tenancy.testing import isolation_factory, isolation_static, route_access

# --- objects behind the URLs -------------------------------------------------------------


@isolation_factory(
    "customers:detail",
    "customers:edit",
    "customers:extra_fields",
    "customers:set_active",
    "customers:favorite",
    "customers:contact_new",
    "customers:observation_new",
    "customers:address_new",
    "customers:direct_debit",
    "customers:document_upload",
    "customers:email_send",
    "customers:sms_send",
    "api:get_customer",
    "api:update_customer",
    "api:deactivate_customer",
    "api:list_contacts",
    "api:create_contact",
)
def customer(organization):
    return {"number": CustomerFactory(organization=organization).number}


@isolation_factory("customers:tab")
def customer_tab(organization):
    return {"number": CustomerFactory(organization=organization).number, "tab": "contatos"}


@isolation_factory("customers:observations_read")
def customer_with_mandatory_reading(organization):
    observation = ObservationFactory(organization=organization, is_mandatory_reading=True)
    return {"number": observation.customer.number}


@isolation_factory(
    "customers:contact_edit",
    "customers:contact_delete",
    "api:update_contact",
    "api:delete_contact",
)
def contact(organization):
    contact = ContactFactory(organization=organization)
    return {"number": contact.customer.number, "pk": contact.pk}


@isolation_factory("customers:observation_edit")
def observation(organization):
    observation = ObservationFactory(organization=organization)
    return {"number": observation.customer.number, "pk": observation.pk}


@isolation_factory("customers:settings_edit")
def catalog_entry(organization):
    return {"catalog": "categorias", "pk": CategoryFactory(organization=organization).pk}


isolation_static("customers:settings", "customers:settings_new", catalog="categorias")


@isolation_factory("customers:bulk_detail")
def bulk_message(organization):
    from atende.customers.models import BulkMessage

    return {"pk": BulkMessage.objects.create(channel="sms", text="Oi {nome}").pk}


@isolation_factory("customers:sector_categories")
def sector_categories(organization):
    from atende.accounts.tests.factories import SectorFactory

    return {"pk": SectorFactory(organization=organization).pk}


@isolation_factory("customers:address_edit", "customers:address_delete")
def address(organization):
    customer = CustomerFactory(organization=organization)
    address = Address.objects.create(customer=customer, label="Instalação", city="Campinas")
    return {"number": customer.number, "pk": address.pk}


@isolation_factory("customers:direct_debit_pdf")
def direct_debit(organization):
    from atende.customers.models import DirectDebit

    customer = CustomerFactory(organization=organization)
    DirectDebit.objects.create(
        customer=customer, bank_code="001", agency="1234", account="56789-0", identifier="X1"
    )
    return {"number": customer.number}


@isolation_factory("customers:document_delete")
def customer_document(organization):
    from atende.customers.documents import CUSTOMER_DOCUMENT
    from atende.customers.models import CustomerDocument
    from atende.files.services import stored_file_create

    customer = CustomerFactory(organization=organization)
    stored = stored_file_create(
        actor=None, uploaded_file=SimpleUploadedFile("rg.png", PNG), use=CUSTOMER_DOCUMENT
    )
    document = CustomerDocument.objects.create(customer=customer, stored_file=stored)
    return {"number": customer.number, "pk": document.pk}


@isolation_factory("customers:email_resend")
def customer_email(organization):
    from atende.customers.models import CustomerEmail

    customer = CustomerFactory(organization=organization)
    email = CustomerEmail.objects.create(
        customer=customer, to=["a@b.com"], subject="Oi", body=".", status="failed", error="421"
    )
    return {"number": customer.number, "pk": email.pk}


# --- valid bodies ------------------------------------------------------------------------


def _customer(kwargs) -> Customer:
    return Customer.objects.get(number=kwargs["number"])


def new_customer_body(organization, kwargs) -> dict:
    return form_data(CustomerForm(), kind="person", name="Cliente do Walker")


def customer_edit_body(organization, kwargs) -> dict:
    return form_data(CustomerForm(instance=_customer(kwargs)), name="Nome Alterado")


def extra_fields_body(organization, kwargs) -> dict:
    ExtraField.objects.create(target="customer", key="plano", label="Plano", kind="text")
    return {"extra_plano": "Fibra 500"}


def contact_edit_body(organization, kwargs) -> dict:
    contact = Contact.objects.get(pk=kwargs["pk"])
    form = ContactForm(instance=contact, customer=contact.customer)
    return form_data(form, name="Contato Renomeado")


def document_body(organization, kwargs) -> dict:
    return {"file": SimpleUploadedFile("rg.png", PNG, content_type="image/png")}


def email_body(organization, kwargs) -> dict:
    ContactFactory(organization=organization, customer=_customer(kwargs), email="ana@example.com")
    return {"to": ["ana@example.com"], "subject": "Boleto de maio", "body": "Segue o boleto."}


def bulk_body(organization, kwargs) -> dict:
    ContactFactory(organization=organization, mobile="19991234567", sms_consent=True)
    return {"channel": "sms", "text": "Oi {primeiro_nome}!", "action": "send"}


def sms_body(organization, kwargs) -> dict:
    contact = ContactFactory(
        organization=organization,
        customer=_customer(kwargs),
        mobile="19991234567",
        sms_consent=True,
    )
    return {"contacts": [contact.pk], "text": "Seu técnico chega às 14h."}


def sector_categories_body(organization, kwargs) -> dict:
    return {"categories": [CategoryFactory(organization=organization, name="Revenda").pk]}


ADDRESS = {"label": "Entrega", "postal_code": "13010-000", "city": "Campinas", "state": "SP"}

# --- what each route needs -----------------------------------------------------------------

route_access(
    "customers:list",
    "customers:detail",
    "customers:tab",
    "customers:direct_debit_pdf",
    "api:list_customers",
    "api:get_customer",
    "api:list_contacts",
    "api:list_categories",
    "api:list_origin_types",
    "api:list_origins",
    "api:list_contact_types",
    "api:list_document_types",
    "api:list_extra_fields",
    needs=CustomerPerm.VIEW,
)
route_access("customers:favorite", needs=CustomerPerm.VIEW, body={}, personal=True)
route_access("customers:observations_read", needs=CustomerPerm.VIEW, body={}, personal=True)
route_access("customers:export", needs=CustomerPerm.EXPORT)
route_access("customers:cep", needs=CustomerPerm.CHANGE)
route_access("customers:create", needs=CustomerPerm.ADD, body=new_customer_body)
route_access("api:create_customer", needs=CustomerPerm.ADD, body={"name": "Cliente pela API"})
route_access("customers:edit", needs=CustomerPerm.CHANGE, body=customer_edit_body)
route_access("api:update_customer", needs=CustomerPerm.CHANGE, body={"name": "Nome pela API"})
route_access("customers:extra_fields", needs=CustomerPerm.CHANGE, body=extra_fields_body)
# Destructive actions need confirmed=1 (sent by the dialog or the confirmation page).
CONFIRMED = {"confirmed": "1"}
route_access(
    "customers:set_active", needs=CustomerPerm.DELETE, body={"is_active": "0", **CONFIRMED}
)
route_access("api:deactivate_customer", needs=CustomerPerm.DELETE, body={})
route_access("customers:contact_new", needs=CustomerPerm.CHANGE, body={"name": "Contato Novo"})
route_access("api:create_contact", needs=CustomerPerm.CHANGE, body={"name": "Contato pela API"})
route_access("customers:contact_edit", needs=CustomerPerm.CHANGE, body=contact_edit_body)
route_access("api:update_contact", needs=CustomerPerm.CHANGE, body={"name": "Contato Alterado"})
route_access("customers:contact_delete", needs=CustomerPerm.CHANGE, body=CONFIRMED)
route_access("api:delete_contact", needs=CustomerPerm.CHANGE, body={})
route_access("customers:observation_new", needs=CustomerPerm.CHANGE, body={"text": "Ligar às 9h."})
route_access(
    "customers:observation_edit", needs=CustomerPerm.CHANGE, body={"text": "Ligar às 10h."}
)
route_access(
    "customers:address_new", "customers:address_edit", needs=CustomerPerm.CHANGE, body=ADDRESS
)
route_access("customers:address_delete", needs=CustomerPerm.CHANGE, body=CONFIRMED)
route_access(
    "customers:direct_debit",
    needs=CustomerPerm.CHANGE,
    body={
        "bank_code": "237",
        "agency": "1234",
        "account": "5678-9",
        "account_type": "checking",
        "identifier": "C000123",
        "status": "pending",
    },
)
route_access("customers:document_upload", needs=CustomerPerm.CHANGE, body=document_body)
route_access("customers:document_delete", needs=CustomerPerm.CHANGE, body=CONFIRMED)
route_access("customers:email_send", needs=CustomerPerm.SEND_EMAIL, body=email_body)
route_access("customers:email_resend", needs=CustomerPerm.SEND_EMAIL, body={})
route_access("customers:sms_send", needs=CustomerPerm.SEND_SMS, body=sms_body)
route_access("customers:bulk_new", needs=CustomerPerm.SEND_SMS, body=bulk_body)
route_access("customers:bulk_detail", needs=CustomerPerm.SEND_SMS)
route_access("customers:settings_home", "customers:settings", needs=CustomerPerm.MANAGE_SETTINGS)
route_access(
    "customers:settings_new",
    needs=CustomerPerm.MANAGE_SETTINGS,
    body={"name": "Atacado", "is_active": "on"},
)
route_access(
    "customers:settings_edit",
    needs=CustomerPerm.MANAGE_SETTINGS,
    body={"name": "Varejo", "is_active": "on"},
)
route_access(
    "customers:sector_categories", needs=CustomerPerm.MANAGE_SETTINGS, body=sector_categories_body
)
