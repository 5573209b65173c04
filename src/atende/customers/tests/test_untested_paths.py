"""Paths of the customer registry that had no test: the edit page, activate/deactivate,
observations, deleting contacts/addresses/documents, e-mail re-send, extra-field parsing,
each tab's own content and the query counts of every tab and every API list."""

import json
from datetime import date

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from atende.accounts.services.tokens import api_token_create
from atende.accounts.tests.factories import SectorFactory
from atende.core.errors import DomainError
from atende.customers.models import (
    Address,
    Category,
    Contact,
    ContactType,
    CustomerDocument,
    CustomerEmail,
    DocumentType,
    ExtraField,
    MessageStatus,
    Observation,
    Origin,
    OriginType,
)
from atende.customers.services.extra_fields import extra_values_clean
from atende.customers.tests.factories import ContactFactory, CustomerFactory, ObservationFactory
from atende.files.models import StoredFile
from atende.files.tests import samples
from atende.tenancy.urls import org_reverse

pytestmark = pytest.mark.django_db


def url(organization, name, **kwargs):
    return org_reverse(f"customers:{name}", organization=organization, **kwargs)


def _sector_member(member, *codenames):
    sector = SectorFactory(organization=member.organization)
    sector.permissions.set(
        Permission.objects.filter(codename__in=codenames, content_type__app_label="customers")
    )
    member.sector = sector
    member.save()
    return member


# --- the edit page ---


def test_edit_page_shows_the_customer_and_saves_the_change(client_as, admin_member, organization):
    customer = CustomerFactory(organization=organization, name="Padaria Antiga", kind="person")
    client = client_as(admin_member)
    edit = url(organization, "edit", number=customer.number)

    page = client.get(edit).content.decode()
    assert 'value="Padaria Antiga"' in page

    response = client.post(
        edit,
        {"kind": "person", "registered_on": "2026-11-22", "name": "Padaria Nova",
         "document": customer.document, "postal_code": "", "subscriber_type": "residential",
         "is_active": "on"},
    )  # fmt: skip
    assert response.status_code == 302
    assert response["Location"] == url(organization, "tab", number=customer.number, tab="cadastro")
    customer.refresh_from_db()
    assert customer.name == "Padaria Nova"
    assert "padaria nova" in customer.search_text


def test_edit_page_with_a_bad_cpf_shows_the_error_and_keeps_the_record(
    client_as, admin_member, organization
):
    customer = CustomerFactory(organization=organization, name="Sem Mudança", kind="person")
    response = client_as(admin_member).post(
        url(organization, "edit", number=customer.number),
        {"kind": "person", "registered_on": "2026-11-22", "name": "Outro Nome",
         "document": "111.111.111-12", "subscriber_type": "residential"},
    )  # fmt: skip
    assert response.status_code == 200
    assert "CPF inválido" in response.content.decode()
    customer.refresh_from_db()
    assert customer.name == "Sem Mudança"


def test_edit_page_is_refused_to_a_member_who_may_only_view(client_as, member, organization):
    customer = CustomerFactory(organization=organization, name="Só Leitura")
    viewer = _sector_member(member, "view_customer")
    response = client_as(viewer).post(
        url(organization, "edit", number=customer.number),
        {"kind": "person", "registered_on": "2026-11-22", "name": "Mudado"},
    )
    assert response.status_code == 403
    customer.refresh_from_db()
    assert customer.name == "Só Leitura"


# --- activate / deactivate ---


def test_deactivate_then_reactivate(client_as, admin_member, organization):
    customer = CustomerFactory(organization=organization)
    client = client_as(admin_member)
    target = url(organization, "set_active", number=customer.number)

    response = client.post(target, {"is_active": "0", "confirmed": "1"}, follow=True)
    customer.refresh_from_db()
    assert customer.is_active is False
    assert "Cliente desativado." in response.content.decode()
    assert "Inativo" in response.content.decode()

    client.post(target, {"is_active": "1"})
    customer.refresh_from_db()
    assert customer.is_active is True


def test_deactivating_needs_the_delete_permission(client_as, member, organization):
    customer = CustomerFactory(organization=organization)
    editor = _sector_member(member, "view_customer", "change_customer")
    response = client_as(editor).post(
        url(organization, "set_active", number=customer.number), {"is_active": "0"}
    )
    assert response.status_code == 403
    customer.refresh_from_db()
    assert customer.is_active is True


def test_set_active_is_post_only(client_as, admin_member, organization):
    customer = CustomerFactory(organization=organization)
    response = client_as(admin_member).get(url(organization, "set_active", number=customer.number))
    assert response.status_code == 405


# --- observations ---


def test_observation_is_created_with_its_author(client_as, admin_member, organization):
    customer = CustomerFactory(organization=organization)
    response = client_as(admin_member).post(
        url(organization, "observation_new", number=customer.number),
        {"text": "Prefere ligação à tarde.", "is_mandatory_reading": "on"},
    )
    observation = Observation.objects.get()
    assert response["Location"] == url(
        organization, "tab", number=customer.number, tab="observacoes"
    )
    assert (observation.text, observation.is_mandatory_reading) == (
        "Prefere ligação à tarde.",
        True,
    )
    assert observation.author == admin_member


def test_observation_is_edited(client_as, admin_member, organization):
    customer = CustomerFactory(organization=organization)
    observation = ObservationFactory(organization=organization, customer=customer, text="Antes")
    client = client_as(admin_member)
    edit = url(organization, "observation_edit", number=customer.number, pk=observation.pk)

    assert "Antes" in client.get(edit).content.decode()
    client.post(edit, {"text": "Depois"})
    observation.refresh_from_db()
    assert (observation.text, observation.is_mandatory_reading) == ("Depois", False)


def test_empty_observation_is_refused(client_as, admin_member, organization):
    customer = CustomerFactory(organization=organization)
    response = client_as(admin_member).post(
        url(organization, "observation_new", number=customer.number), {"text": ""}
    )
    assert response.status_code == 200
    assert Observation.objects.count() == 0


def test_observation_of_another_customer_is_not_found(client_as, admin_member, organization):
    customer = CustomerFactory(organization=organization)
    someone_else = ObservationFactory(organization=organization)
    response = client_as(admin_member).post(
        url(organization, "observation_edit", number=customer.number, pk=someone_else.pk),
        {"text": "Sequestro"},
    )
    assert response.status_code == 404
    someone_else.refresh_from_db()
    assert someone_else.text != "Sequestro"


# --- deleting contacts, addresses and documents ---


def test_contact_is_deleted_and_leaves_the_search(client_as, admin_member, organization):
    customer = CustomerFactory(organization=organization)
    client = client_as(admin_member)
    client.post(
        url(organization, "contact_new", number=customer.number),
        {"name": "Rita Lee", "email": "rita@mutantes.com.br"},
    )
    contact = customer.contacts.get()

    response = client.post(
        url(organization, "contact_delete", number=customer.number, pk=contact.pk),
        {"confirmed": "1"},
    )

    assert response["Location"] == url(organization, "tab", number=customer.number, tab="contatos")
    assert Contact.objects.count() == 0
    customer.refresh_from_db()
    assert "mutantes" not in customer.search_text


def test_contact_of_another_customer_is_not_deleted(client_as, admin_member, organization):
    customer = CustomerFactory(organization=organization)
    other = ContactFactory(organization=organization)
    response = client_as(admin_member).post(
        url(organization, "contact_delete", number=customer.number, pk=other.pk)
    )
    assert response.status_code == 404
    assert Contact.objects.filter(pk=other.pk).exists()


def test_address_is_deleted(client_as, admin_member, organization):
    customer = CustomerFactory(organization=organization)
    address = Address.objects.create(customer=customer, label="Entrega", city="Campinas")
    kept = Address.objects.create(customer=customer, label="Instalação", city="Campinas")

    response = client_as(admin_member).post(
        url(organization, "address_delete", number=customer.number, pk=address.pk),
        {"confirmed": "1"},
    )

    assert response.status_code == 302
    assert list(customer.addresses.all()) == [kept]


def test_document_is_deleted_with_its_file(
    client_as, admin_member, organization, django_capture_on_commit_callbacks
):
    customer = CustomerFactory(organization=organization)
    client = client_as(admin_member)
    client.post(
        url(organization, "document_upload", number=customer.number),
        {"file": SimpleUploadedFile("rg.pdf", samples.pdf_bytes()), "description": "RG"},
    )
    document = CustomerDocument.objects.get()
    stored = document.stored_file
    path = stored.file.path

    with django_capture_on_commit_callbacks(execute=True):  # the bytes go after the commit
        response = client.post(
            url(organization, "document_delete", number=customer.number, pk=document.pk),
            {"confirmed": "1"},
            follow=True,
        )

    assert "Documento excluído." in response.content.decode()
    assert CustomerDocument.objects.count() == 0
    assert StoredFile.objects.filter(pk=stored.pk).exists() is False
    assert not stored.file.storage.exists(path)


def test_deleting_is_refused_to_a_member_who_may_only_view(client_as, member, organization):
    customer = CustomerFactory(organization=organization)
    contact = ContactFactory(organization=organization, customer=customer)
    address = Address.objects.create(customer=customer, label="Entrega")
    client = client_as(_sector_member(member, "view_customer"))

    for name, pk in [("contact_delete", contact.pk), ("address_delete", address.pk)]:
        response = client.post(url(organization, name, number=customer.number, pk=pk))
        assert response.status_code == 403
    assert (Contact.objects.count(), Address.objects.count()) == (1, 1)


# --- e-mail re-send ---


def test_email_resend_from_the_page_delivers_again(
    client_as, admin_member, organization, mailoutbox, django_capture_on_commit_callbacks
):
    customer = CustomerFactory(organization=organization)
    email = CustomerEmail.objects.create(
        customer=customer, to=["rita@loja.com"], subject="Segunda via", body="Segue.",
        status=MessageStatus.FAILED, error="Conexão recusada", attempts=1,
    )  # fmt: skip

    with django_capture_on_commit_callbacks(execute=True):
        response = client_as(admin_member).post(
            url(organization, "email_resend", number=customer.number, pk=email.pk)
        )

    assert response["Location"] == url(organization, "tab", number=customer.number, tab="emails")
    [message] = mailoutbox
    assert (message.subject, message.to) == ("Segunda via", ["rita@loja.com"])
    email.refresh_from_db()
    assert (email.status, email.error, email.attempts) == (MessageStatus.SENT, "", 2)


def test_email_resend_needs_the_send_permission(client_as, member, organization, mailoutbox):
    customer = CustomerFactory(organization=organization)
    email = CustomerEmail.objects.create(
        customer=customer, to=["a@b.com"], subject="x", body=".", status=MessageStatus.FAILED
    )
    response = client_as(_sector_member(member, "view_customer")).post(
        url(organization, "email_resend", number=customer.number, pk=email.pk)
    )
    assert response.status_code == 403
    email.refresh_from_db()
    assert email.status == MessageStatus.FAILED
    assert mailoutbox == []


# --- extra fields: date, yes/no and choice ---


@pytest.fixture
def extra_fields(organization):
    ExtraField.objects.create(target="customer", label="Contrato", key="contrato", kind="date")
    ExtraField.objects.create(target="customer", label="Fibra", key="fibra", kind="boolean")
    ExtraField.objects.create(
        target="customer", label="Plano", key="plano", kind="choice", choices="Básico\nPro\n"
    )


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("31/12/2026", "2026-12-31"), ("2026-01-05", "2026-01-05"), (date(2027, 2, 1), "2027-02-01"),
     ("  1/3/2026 ", "2026-03-01")],
)  # fmt: skip
def test_extra_date_accepts_brazilian_and_iso_forms(extra_fields, raw, expected):
    assert extra_values_clean(target="customer", values={"contrato": raw}) == {"contrato": expected}


@pytest.mark.parametrize("raw", ["31/02/2026", "2026-13-01", "amanhã", "1/2", "1/2/3/4"])
def test_extra_date_refuses_what_is_not_a_date(extra_fields, raw):
    with pytest.raises(DomainError, match="“Contrato”: informe uma data válida") as caught:
        extra_values_clean(target="customer", values={"contrato": raw})
    assert caught.value.field == "extra_contrato"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("sim", True), ("S", True), ("on", True), ("1", True), (True, True),
     ("não", False), ("nao", False), ("0", False), ("off", False), (False, False)],
)  # fmt: skip
def test_extra_yes_no_reads_the_usual_answers(extra_fields, raw, expected):
    assert extra_values_clean(target="customer", values={"fibra": raw}) == {"fibra": expected}


def test_extra_yes_no_refuses_anything_else(extra_fields):
    with pytest.raises(DomainError, match="“Fibra”: responda sim ou não."):
        extra_values_clean(target="customer", values={"fibra": "talvez"})


def test_extra_choice_takes_only_a_listed_option(extra_fields):
    assert extra_values_clean(target="customer", values={"plano": "Pro"}) == {"plano": "Pro"}
    with pytest.raises(DomainError, match="escolha uma das opções: Básico, Pro."):
        extra_values_clean(target="customer", values={"plano": "pro"})


def test_extra_empty_values_are_left_out_and_unknown_keys_refused(extra_fields):
    assert extra_values_clean(target="customer", values={"contrato": "", "fibra": None}) == {}
    with pytest.raises(DomainError, match="Campo extra desconhecido: cor."):
        extra_values_clean(target="customer", values={"cor": "azul"})


def test_required_extra_field_must_be_filled(organization):
    ExtraField.objects.create(
        target="customer", label="Vencimento", key="venc", kind="date", is_required=True
    )
    with pytest.raises(DomainError, match="“Vencimento” é obrigatório."):
        extra_values_clean(target="customer", values={"venc": ""})


def test_extra_yes_no_and_choice_show_on_the_registry_tab(client_as, admin_member, organization):
    ExtraField.objects.create(target="customer", label="Fibra", key="fibra", kind="boolean")
    ExtraField.objects.create(
        target="customer", label="Plano", key="plano", kind="choice", choices="Básico\nPro"
    )
    customer = CustomerFactory(organization=organization)
    client = client_as(admin_member)
    client.post(
        url(organization, "extra_fields", number=customer.number),
        {"extra_fibra": "on", "extra_plano": "Pro"},
    )
    customer.refresh_from_db()
    assert customer.extra == {"fibra": True, "plano": "Pro"}
    page = client.get(url(organization, "detail", number=customer.number)).content.decode()
    assert "<dt>Fibra</dt><dd>Sim</dd>" in page
    assert "<dt>Plano</dt><dd>Pro</dd>" in page


# --- each tab shows its own content; query counts of every tab ---


def _customer_with_everything(organization, admin_member, rows: int):
    from atende.desk.tests.factories import TicketFactory

    customer = CustomerFactory(organization=organization, name="Mercado Central")
    for index in range(rows):
        ContactFactory(organization=organization, customer=customer, name=f"Contato Único {index}")
        ObservationFactory(
            organization=organization, customer=customer, text=f"Nota própria {index}"
        )
        Address.objects.create(customer=customer, label=f"Endereço {index}", city="Campinas")
        CustomerEmail.objects.create(
            customer=customer, to=[f"c{index}@loja.com"], subject=f"Assunto próprio {index}",
            body=".", status=MessageStatus.SENT,
        )  # fmt: skip
        stored = StoredFile.objects.create(
            use="customer_document", original_name=f"arquivo-{index}.pdf", size=3,
            content_type="application/pdf", file=f"org/x/{index}.pdf", sha256="0" * 64,
            created_at=timezone.now(),
        )  # fmt: skip
        CustomerDocument.objects.create(customer=customer, stored_file=stored, description="RG")
        TicketFactory(
            organization=organization, customer=customer, title=f"Chamado próprio {index}"
        )
    return customer


# tab → (text only that tab shows, queries). The base of every tab: session, user, organization
# by slug, member, customer, favourite, unread observations, switcher organizations (8).
TAB_CONTENT = {
    "cadastro": ("Endereço 0", 11),  # + addresses, direct debit, extra fields
    "contatos": ("Contato Único 0", 9),  # + contacts with their type
    "observacoes": ("Nota própria 0", 9),  # + observations with author
    "documentos": ("arquivo-0.pdf", 10),  # + documents, document types of the upload form
    # + e-mails, their attachments, SMS, contacts with e-mail, SMS templates, mobiles that agreed
    "emails": ("Assunto próprio 0", 14),
    "historico": ("<dd>Mercado Central</dd>", 10),  # + audit entries, their content type
    "atendimentos": ("Chamado próprio 0", 10),  # + tickets page, counts by status
    "portal": ("Contato Único 0", 10),  # + portal accounts, contacts
}
# Another tab's text a tab may show: the e-mail form offers the contacts as recipients; the
# history tells what happened to every record of the customer.
ALSO_SHOWN = {
    "emails": {"Contato Único 0"},
    "historico": {text for text, _ in TAB_CONTENT.values()},
}


@pytest.mark.parametrize("tab", sorted(TAB_CONTENT))
def test_each_tab_shows_its_own_content(client_as, admin_member, organization, tab):
    customer = _customer_with_everything(organization, admin_member, rows=1)
    client = client_as(admin_member)
    own_text, _ = TAB_CONTENT[tab]
    page = client.get(url(organization, "tab", number=customer.number, tab=tab)).content.decode()
    assert own_text in page
    others = {text for key, (text, _) in TAB_CONTENT.items() if key != tab}
    others -= {own_text, *ALSO_SHOWN.get(tab, set())}
    for text in others:  # another tab's content is not on this one
        assert text not in page, f"{text!r} leaked into the {tab} tab"


@pytest.mark.parametrize("tab", sorted(TAB_CONTENT))
@pytest.mark.parametrize("rows", [1, 4])
def test_each_tab_has_a_fixed_query_count(
    client_as, admin_member, organization, django_assert_num_queries, tab, rows
):
    customer = _customer_with_everything(organization, admin_member, rows=rows)
    client = client_as(admin_member)
    _, expected = TAB_CONTENT[tab]
    with django_assert_num_queries(expected):
        response = client.get(url(organization, "tab", number=customer.number, tab=tab))
    assert response.status_code == 200


# --- query counts of every API list ---


def _catalogs(organization, rows: int):
    for index in range(rows):
        Category.objects.create(name=f"Categoria {index}")
        origin_type = OriginType.objects.create(name=f"Tipo {index}")
        Origin.objects.create(origin_type=origin_type, name=f"Origem {index}")
        ContactType.objects.create(name=f"Contato {index}")
        DocumentType.objects.create(name=f"Documento {index}")
        ExtraField.objects.create(
            target="customer", label=f"Campo {index}", key=f"campo{index}", kind="text"
        )


# path → queries: token (with member, user, organization), then the list itself.
API_LISTS = {
    "/customers": 2,
    "/customers/{number}/contacts": 3,  # + the customer
    "/customer-settings/categories": 2,
    "/customer-settings/origin-types": 2,
    "/customer-settings/origins": 2,
    "/customer-settings/contact-types": 2,
    "/customer-settings/document-types": 2,
    "/customer-settings/extra-fields": 2,
    "/tickets": 2,
}


@pytest.mark.parametrize("path", sorted(API_LISTS))
@pytest.mark.parametrize("rows", [1, 4])
def test_each_api_list_has_a_fixed_query_count(
    client, admin_member, organization, django_assert_num_queries, path, rows
):
    from atende.desk.tests.factories import TicketFactory

    _catalogs(organization, rows)
    customer = CustomerFactory(organization=organization)
    for index in range(rows):
        CustomerFactory(organization=organization, owner=admin_member)
        ContactFactory(organization=organization, customer=customer)
        TicketFactory(organization=organization, customer=customer, title=f"Lento {index}")
    _, token = api_token_create(actor=admin_member, name="contagem")
    with django_assert_num_queries(API_LISTS[path] + 1):  # + the token's last-used stamp
        response = client.get(
            "/api/v1" + path.format(number=customer.number),
            HTTP_AUTHORIZATION=f"Bearer {token}",
        )
    assert response.status_code == 200, response.content
    body = json.loads(response.content)
    items = body["items"] if isinstance(body, dict) else body
    assert len(items) >= rows
