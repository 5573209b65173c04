"""Objects behind the customer routes, for the isolation walker."""

from atende.customers.tests.factories import ContactFactory, CustomerFactory, ObservationFactory
from atende.tenancy.testing import isolation_factory, isolation_static


@isolation_factory(
    "customers:detail",
    "customers:edit",
    "customers:extra_fields",
    "customers:set_active",
    "customers:favorite",
    "customers:observations_read",
    "customers:contact_new",
    "customers:observation_new",
    "customers:address_new",
    "customers:direct_debit",
    "customers:document_upload",
    "customers:email_send",
    "customers:sms_send",
)
def customer(organization):
    return {"number": CustomerFactory(organization=organization).number}


@isolation_factory("customers:tab")
def customer_tab(organization):
    return {"number": CustomerFactory(organization=organization).number, "tab": "contatos"}


@isolation_factory("customers:contact_edit", "customers:contact_delete")
def contact(organization):
    contact = ContactFactory(organization=organization)
    return {"number": contact.customer.number, "pk": contact.pk}


@isolation_factory("customers:observation_edit")
def observation(organization):
    observation = ObservationFactory(organization=organization)
    return {"number": observation.customer.number, "pk": observation.pk}


@isolation_factory(
    "api:get_customer",
    "api:update_customer",
    "api:deactivate_customer",
    "api:list_contacts",
    "api:create_contact",
)
def api_customer(organization):
    return {"number": CustomerFactory(organization=organization).number}


@isolation_factory("api:update_contact", "api:delete_contact")
def api_contact(organization):
    contact = ContactFactory(organization=organization)
    return {"number": contact.customer.number, "pk": contact.pk}


@isolation_factory("customers:settings_edit")
def catalog_entry(organization):
    from atende.customers.tests.factories import CategoryFactory

    return {"catalog": "categorias", "pk": CategoryFactory(organization=organization).pk}


isolation_static("customers:settings", "customers:settings_new", catalog="categorias")


@isolation_factory("customers:sector_categories")
def sector_categories(organization):
    from atende.accounts.tests.factories import SectorFactory

    return {"pk": SectorFactory(organization=organization).pk}


@isolation_factory("customers:address_edit", "customers:address_delete")
def address(organization):
    from atende.customers.models import Address

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
    from django.core.files.uploadedfile import SimpleUploadedFile

    from atende.customers.documents import CUSTOMER_DOCUMENT
    from atende.customers.models import CustomerDocument
    from atende.files.services import stored_file_create
    from atende.files.tests.samples import PNG

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
    email = CustomerEmail.objects.create(customer=customer, to=["a@b.com"], subject="Oi", body=".")
    return {"number": customer.number, "pk": email.pk}
