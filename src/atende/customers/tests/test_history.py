"""Histórico: the customer and everything filed under it, in Portuguese, one page at a time."""

import datetime
import importlib

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from atende.core.history import history_page
from atende.core.history_format import history_events
from atende.customers.models import (
    Category,
    ContactType,
    Customer,
    CustomerKind,
    ExtraField,
    Observation,
)
from atende.customers.services.contacts import (
    address_save,
    contact_delete,
    contact_save,
    direct_debit_save,
    observation_add,
    observations_mark_read,
)
from atende.customers.services.documents import customer_document_add, customer_document_delete
from atende.customers.services.messages import customer_email_send, customer_sms_send
from atende.customers.tests.factories import ContactFactory, CustomerFactory
from atende.files.tests import samples
from atende.tenancy.context import activate
from atende.tenancy.models import AuditLogEntry
from atende.tenancy.urls import org_reverse

pytestmark = pytest.mark.django_db


def _history_url(organization, customer) -> str:
    return org_reverse(
        "customers:tab", organization=organization, number=customer.number, tab="historico"
    )


def _events(customer):
    return history_events(history_page(customer, size=100).items, subject=customer)


def _titles(customer) -> list[str]:
    return [event.title for event in _events(customer)]


def _rows(event) -> dict[str, tuple[str, str]]:
    return {change.label: (change.old, change.new) for change in event.changes}


def test_each_related_record_leaves_a_trace_on_the_customer(
    admin_member, organization, mailoutbox, django_capture_on_commit_callbacks
):
    customer = CustomerFactory(organization=organization, name="Padaria Pão Quente")
    other = CustomerFactory(organization=organization, name="Outro Cliente")

    # when: every kind of related record is written through its service
    contact = contact_save(
        actor=admin_member, customer=customer, name="Rita", mobile="19991234567", sms_consent=True
    )
    address_save(
        actor=admin_member, customer=customer, label="Filial", postal_code="13010-000", city="X"
    )
    document = customer_document_add(
        actor=admin_member,
        customer=customer,
        uploaded_file=SimpleUploadedFile("rg.pdf", samples.pdf_bytes()),
        description="RG do titular",
    )
    customer_document_delete(actor=admin_member, document=document)
    observation_add(
        actor=admin_member, customer=customer, text="Ligar antes", is_mandatory_reading=True
    )
    observations_mark_read(actor=admin_member, customer=customer)
    direct_debit_save(
        actor=admin_member,
        customer=customer,
        bank_code="001",
        agency="1234",
        account="56789-0",
        identifier="ABC123",
    )
    with django_capture_on_commit_callbacks(execute=True):
        customer_email_send(
            actor=admin_member,
            customer=customer,
            to=["rita@padaria.com"],
            cc=[],
            subject="Boas-vindas",
            body="Olá!",
        )
        customer_sms_send(actor=admin_member, customer=customer, contacts=[contact], text="Oi")
    contact_delete(actor=admin_member, contact=contact)

    # then: each is on the customer's Histórico, newest first
    titles = _titles(customer)
    assert titles[0] == "Excluído · Contato: Rita"
    assert titles[1:] == [
        "Alterado · SMS: (19) 99123-4567 · Oi",  # delivered after the commit, in order
        "Alterado · E-mail: Boas-vindas",
        "Novo SMS: (19) 99123-4567 · Oi",
        "Novo e-mail: Boas-vindas",
        "Criado · Débito automático: 001 1234/56789-0",
        "Observação lida: Ligar antes",
        "Criado · Observação: Ligar antes",
        "Documento excluído: RG do titular (rg.pdf)",
        "Documento anexado: RG do titular (rg.pdf)",
        "Criado · Endereço: Filial: X – CEP 13010-000",
        "Criado · Contato: Rita",
        "Criado",
    ]
    assert [m.subject for m in mailoutbox] == ["Boas-vindas"]
    # and another customer's page shows none of it
    assert _titles(other) == ["Criado"]


def test_message_rows_read_as_sent(
    admin_member, organization, mailoutbox, django_capture_on_commit_callbacks
):
    customer = CustomerFactory(organization=organization)
    with django_capture_on_commit_callbacks(execute=True):
        customer_email_send(
            actor=admin_member,
            customer=customer,
            to=["a@b.com", "c@d.com"],
            cc=[],
            subject="Fatura",
            body="Segue.",
            attachments=[SimpleUploadedFile("fatura.pdf", samples.pdf_bytes())],
        )
    status_change, attached, created = _events(customer)[:3]
    assert attached.title == "Alterado · E-mail: Fatura"
    assert [(c.label, c.note) for c in attached.changes] == [("Anexos", "adicionados: fatura.pdf")]
    assert _rows(created)["Para"] == ("", "a@b.com, c@d.com")
    assert _rows(created)["Situação"] == ("", "Na fila")
    assert _rows(status_change)["Situação"] == ("Na fila", "Enviado")


def test_observation_read_is_recorded_once(admin_member, organization):
    customer = CustomerFactory(organization=organization)
    observation_add(
        actor=admin_member, customer=customer, text="Cão bravo", is_mandatory_reading=True
    )
    assert observations_mark_read(actor=admin_member, customer=customer) == 1
    assert observations_mark_read(actor=admin_member, customer=customer) == 0
    assert _titles(customer).count("Observação lida: Cão bravo") == 1


def test_labels_are_portuguese_and_values_written_as_people_write_them(
    admin_member, member, organization
):
    ExtraField.objects.create(target="customer", key="plano", label="Plano contratado", kind="text")
    ExtraField.objects.create(target="customer", key="desde", label="Cliente desde", kind="date")
    category = Category.objects.create(name="Varejo")
    customer = CustomerFactory(
        organization=organization, document="", postal_code="", phone="", owner=admin_member
    )
    # when
    customer.kind = CustomerKind.COMPANY
    customer.document = "11222333000181"
    customer.postal_code = "13010000"
    customer.phone = "1932345678"
    customer.state = "RJ"
    customer.registered_on = datetime.date(2026, 3, 1)
    customer.never_send_to_credit_bureau = True
    customer.owner = member
    customer.category = category
    customer.extra = {"plano": "Fibra 500", "desde": "2020-05-04"}
    customer.save()

    # then
    changed = _events(customer)[0]
    assert changed.title == "Alterado"
    # in the form's order
    assert [change.label for change in changed.changes][:3] == [
        "Tipo",
        "Data de cadastro",
        "CPF/CNPJ",
    ]
    assert _rows(changed) == {
        "Tipo": ("Pessoa física (CPF)", "Pessoa jurídica (CNPJ)"),
        "CPF/CNPJ": ("", "11.222.333/0001-81"),
        "CEP": ("", "13010-000"),
        "Telefone": ("", "(19) 3234-5678"),
        "UF": ("SP", "RJ"),
        "Data de cadastro": (timezone.localdate().strftime("%d/%m/%Y"), "01/03/2026"),
        "Nunca protestar (SPC/Serasa)": ("Não", "Sim"),
        "Carteira (vendedor)": ("Ana Admin", "Bruno Membro"),
        "Categoria": ("", "Varejo"),
        "Cliente desde": ("", "04/05/2020"),
        "Plano contratado": ("", "Fibra 500"),
    }


def test_the_page_shows_old_and_new_and_no_raw_names(client_as, admin_member, organization):
    customer = CustomerFactory(organization=organization, document="", postal_code="")
    customer.document, customer.postal_code = "11222333000181", "13010000"
    customer.save()

    panel = client_as(admin_member).get(_history_url(organization, customer)).content.decode()
    panel = panel.split('id="historico"')[1]

    assert "<dt>CPF/CNPJ</dt>" in panel
    assert "<del>—</del>" in panel
    assert "<ins>11.222.333/0001-81</ins>" in panel
    assert "<ins>13010-000</ins>" in panel
    for raw in ("Cpf/cnpj", "Cep", "Uf", "None", "True", "False", "person", "{"):
        assert raw not in panel


def test_a_removed_record_is_named_by_its_number(admin_member, organization):
    contact_type = ContactType.objects.create(name="Financeiro")
    contact = ContactFactory(organization=organization, contact_type=contact_type)
    contact.contact_type = None
    contact.save()
    removed_pk = contact_type.pk
    contact_type.delete()

    changed = _events(contact.customer)[0]
    assert _rows(changed)["Tipo de contato"] == (f"nº {removed_pk} (removido)", "")


def _contact_changes(customer, count: int, contact_types, members) -> None:
    contact = ContactFactory(organization=customer.organization, customer=customer)
    for index in range(count):
        contact.contact_type = contact_types[index % 2]
        contact.save()
        customer.owner = members[index % 2]
        customer.save()


@pytest.mark.parametrize("changes", [3, 12])
def test_a_history_page_costs_the_same_whatever_its_entries(
    admin_member, member, organization, django_assert_num_queries, changes
):
    customer = CustomerFactory(organization=organization)
    contact_types = [ContactType.objects.create(name=n) for n in ("Financeiro", "Técnico")]
    _contact_changes(customer, changes, contact_types, [admin_member, member])
    page = history_page(customer, size=100)
    assert len(page.items) == 2 + 2 * changes  # customer, contact, the changes

    # entries with actors and content types; contact types; members with their users
    with django_assert_num_queries(3):
        history_events(history_page(customer).items, subject=customer)


@pytest.mark.parametrize("changes", [3, 12])
def test_the_history_tab_query_count_is_pinned(
    client_as, admin_member, member, organization, django_assert_num_queries, changes
):
    customer = CustomerFactory(organization=organization)
    contact_types = [ContactType.objects.create(name=n) for n in ("Financeiro", "Técnico")]
    _contact_changes(customer, changes, contact_types, [admin_member, member])
    client = client_as(admin_member)
    # session, user, organization by slug, member, customer, favourite, unread observations,
    # history entries, contact types, members, switcher organizations
    with django_assert_num_queries(11):
        client.get(_history_url(organization, customer))


def test_another_organizations_entries_never_show(
    client_as, admin_member, organization, other_organization
):
    customer = CustomerFactory(organization=organization, name="Nosso Cliente")
    with activate(other_organization):
        theirs = CustomerFactory(organization=other_organization, name="Cliente Alheio")
        ContactFactory(organization=other_organization, customer=theirs, name="Contato Alheio")
        # an entry of theirs that claims our customer as its subject
        AuditLogEntry.objects.create(
            organization=other_organization,
            content_type=ContentType.objects.get_for_model(Observation),
            object_pk="999",
            object_repr="Segredo alheio",
            action=0,
            subject_type=ContentType.objects.get_for_model(Customer),
            subject_id=customer.pk,
        )

    page = client_as(admin_member).get(_history_url(organization, customer)).content.decode()

    assert "Nosso Cliente" in page
    for foreign in ("Cliente Alheio", "Contato Alheio", "Segredo alheio"):
        assert foreign not in page


def test_entries_written_before_subjects_are_filed_under_their_customer(admin_member, organization):
    customer = CustomerFactory(organization=organization)
    contact = ContactFactory(organization=organization, customer=customer, name="Antigo")
    gone = ContactFactory(organization=organization, customer=customer, name="Apagado")
    gone.delete()
    AuditLogEntry.objects.update(subject_type=None, subject_id=None)  # as before 0013
    assert _titles(customer) == ["Criado"]

    backfill = importlib.import_module(
        "atende.tenancy.migrations.0014_audit_subject_backfill_history"
    )
    backfill.forwards(apps, None)

    assert _titles(customer) == [
        "Excluído · Contato: Apagado",
        "Criado · Contato: Apagado",
        "Criado · Contato: Antigo",
        "Criado",
    ]
    assert contact.pk != gone.pk
