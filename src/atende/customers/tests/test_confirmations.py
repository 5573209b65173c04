"""Destructive actions ask first (issue 9, C6): a <dialog> with the page script, a confirmation
page without it; nothing changes until confirmed=1 arrives."""

import pytest

from atende.accounts.models import ApiToken
from atende.accounts.services.tokens import api_token_create
from atende.customers.models import Address, Contact, Customer, CustomerDocument
from atende.customers.tests.factories import ContactFactory, CustomerFactory
from atende.tenancy.urls import org_reverse

pytestmark = pytest.mark.django_db


def url(organization, name, **kwargs):
    return org_reverse(f"customers:{name}", organization=organization, **kwargs)


def test_deleting_a_contact_without_confirming_asks_on_a_page(
    client_as, admin_member, organization
):
    contact = ContactFactory(organization=organization, name="Rita Lee")
    target = url(organization, "contact_delete", number=contact.customer.number, pk=contact.pk)
    client = client_as(admin_member)

    asked = client.post(target)
    page = asked.content.decode()
    assert asked.status_code == 200
    assert "Excluir o contato Rita Lee?" in page
    assert '<input type="hidden" name="confirmed" value="1">' in page
    assert f'action="{target}"' in page
    assert Contact.objects.filter(pk=contact.pk).exists()

    done = client.post(target, {"confirmed": "1"})
    assert done.status_code == 302
    assert not Contact.objects.filter(pk=contact.pk).exists()


def test_deactivating_asks_and_the_page_posts_the_same_fields(
    client_as, admin_member, organization
):
    customer = CustomerFactory(organization=organization)
    target = url(organization, "set_active", number=customer.number)
    client = client_as(admin_member)

    page = client.post(target, {"is_active": "0"}).content.decode()
    assert '<input type="hidden" name="is_active" value="0">' in page
    customer.refresh_from_db()
    assert customer.is_active is True

    client.post(target, {"is_active": "0", "confirmed": "1"})
    customer.refresh_from_db()
    assert customer.is_active is False


def test_reactivating_needs_no_confirmation(client_as, admin_member, organization):
    customer = CustomerFactory(organization=organization, is_active=False)
    client_as(admin_member).post(url(organization, "set_active", number=customer.number),
                                 {"is_active": "1"})  # fmt: skip
    customer.refresh_from_db()
    assert customer.is_active is True


def test_deleting_an_address_asks_first(client_as, admin_member, organization):
    customer = CustomerFactory(organization=organization)
    address = Address.objects.create(customer=customer, label="Entrega", city="Campinas")
    target = url(organization, "address_delete", number=customer.number, pk=address.pk)
    client = client_as(admin_member)
    assert "Excluir o endereço Entrega?" in client.post(target).content.decode()
    assert Address.objects.count() == 1
    client.post(target, {"confirmed": "1"})
    assert Address.objects.count() == 0


def test_deleting_a_document_asks_first(client_as, admin_member, organization):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from atende.customers.services.documents import customer_document_add
    from atende.files.tests import samples

    customer = CustomerFactory(organization=organization)
    document = customer_document_add(
        actor=admin_member, customer=customer, document_type=None, description="",
        uploaded_file=SimpleUploadedFile("foto.png", samples.PNG),
    )  # fmt: skip
    target = url(organization, "document_delete", number=customer.number, pk=document.pk)
    client = client_as(admin_member)
    assert "Excluir o documento foto.png?" in client.post(target).content.decode()
    assert CustomerDocument.objects.count() == 1
    client.post(target, {"confirmed": "1"})
    assert CustomerDocument.objects.count() == 0


def test_revoking_a_token_asks_first(client_as, member, organization):
    token, _ = api_token_create(actor=member, name="ERP")
    target = org_reverse("accounts:token_revoke", organization=organization, pk=token.pk)
    client = client_as(member)
    assert "Revogar o token “ERP”?" in client.post(target).content.decode()
    assert ApiToken.objects.get(pk=token.pk).revoked_at is None
    client.post(target, {"confirmed": "1"})
    assert ApiToken.objects.get(pk=token.pk).revoked_at is not None


def test_buttons_carry_the_dialog_question(client_as, admin_member, organization):
    contact = ContactFactory(organization=organization, name="Rita Lee")
    client = client_as(admin_member)
    page = client.get(
        url(organization, "contact_edit", number=contact.customer.number, pk=contact.pk)
    ).content.decode()
    assert 'data-confirm="Excluir o contato Rita Lee? Isso não pode ser desfeito."' in page
    # the dialog every page carries, labelled for screen readers
    assert 'aria-labelledby="confirmar-titulo" aria-describedby="confirmar-texto"' in page
    registry = client.get(
        url(organization, "tab", number=contact.customer.number, tab="cadastro")
    ).content.decode()
    assert "data-confirm=" in registry
    assert Customer.objects.count() == 1
