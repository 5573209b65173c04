"""SMS templates with placeholders, previewed with their size (issue 9, C11)."""

import pytest

from atende.core.errors import DomainError
from atende.customers.models import CustomerSms, SmsTemplate
from atende.customers.services.catalogs import catalog_save
from atende.customers.services.messages import customer_sms_send
from atende.customers.sms_text import sms_size
from atende.customers.tests.factories import ContactFactory, CustomerFactory
from atende.tenancy.urls import org_reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("text", "characters", "parts", "is_unicode"),
    [
        ("", 0, 0, False),
        ("a" * 160, 160, 1, False),
        ("a" * 161, 161, 2, False),
        ("a" * 307, 307, 3, False),
        ("€" * 80, 160, 1, False),  # extension table: two each
        ("Sua fatura de março vence amanhã", 32, 1, True),
        ("ç" * 70, 70, 1, True),
        ("ç" * 71, 71, 2, True),
    ],
)
def test_sms_size_counts_like_the_network(text, characters, parts, is_unicode):
    size = sms_size(text)
    assert (size.characters, size.parts, size.is_unicode) == (characters, parts, is_unicode)


def test_placeholders_are_filled_in_for_each_contact(admin_member, organization):
    customer = CustomerFactory(organization=organization, name="Padaria Sol")
    ana = ContactFactory(organization=organization, customer=customer, name="Ana Maria",
                         mobile="(19) 99999-0000", sms_consent=True)  # fmt: skip
    bia = ContactFactory(organization=organization, customer=customer, name="Bia",
                         mobile="(19) 99999-1111", sms_consent=True)  # fmt: skip
    text = "Oi {primeiro_nome}, cliente {codigo} ({cliente}) da {empresa}."
    customer_sms_send(actor=admin_member, customer=customer, contacts=[ana, bia], text=text)
    texts = sorted(CustomerSms.objects.values_list("text", flat=True))
    company = organization.name
    assert texts == [
        f"Oi Ana, cliente {customer.number} (Padaria Sol) da {company}.",
        f"Oi Bia, cliente {customer.number} (Padaria Sol) da {company}.",
    ]


def test_unknown_placeholder_is_refused_and_nothing_sent(admin_member, organization):
    contact = ContactFactory(organization=organization, mobile="(19) 99999-0000", sms_consent=True)
    with pytest.raises(DomainError, match=r"Marcador desconhecido: \{nmoe\}"):
        customer_sms_send(actor=admin_member, customer=contact.customer, contacts=[contact],
                          text="Oi {nmoe}")  # fmt: skip
    assert CustomerSms.objects.count() == 0


def test_template_with_an_unknown_placeholder_is_refused(admin_member):
    with pytest.raises(DomainError, match="Marcador desconhecido"):
        catalog_save(actor=admin_member, model=SmsTemplate, instance=None, name="Cobrança",
                     text="Olá {cliente_nome}", is_active=True)  # fmt: skip
    assert SmsTemplate.objects.count() == 0


def test_preview_shows_the_text_and_its_size_without_sending(client_as, admin_member, organization):
    template = SmsTemplate.objects.create(name="Cobrança", text="Olá {nome}, sua fatura venceu.")
    contact = ContactFactory(organization=organization, name="Rita", mobile="(19) 99999-0000",
                             sms_consent=True)  # fmt: skip
    target = org_reverse("customers:sms_send", organization=organization,
                         number=contact.customer.number)  # fmt: skip
    client = client_as(admin_member)
    body = {"contacts": [contact.pk], "template": template.pk, "text": "", "preview": "1"}

    fragment = client.post(target, body, HTTP_HX_REQUEST="true").content.decode()
    assert "Olá Rita, sua fatura venceu." in fragment
    assert "28 caracteres · 1 SMS · acentos como ã e ç" in fragment
    assert "<html" not in fragment

    page = client.post(target, body).content.decode()  # without JS: the tab, form as typed
    assert "Olá Rita, sua fatura venceu." in page
    assert f'value="{template.pk}" selected' in page
    assert CustomerSms.objects.count() == 0


def test_preview_names_an_unknown_placeholder(client_as, admin_member, organization):
    contact = ContactFactory(organization=organization, mobile="(19) 99999-0000", sms_consent=True)
    target = org_reverse("customers:sms_send", organization=organization,
                         number=contact.customer.number)  # fmt: skip
    fragment = client_as(admin_member).post(
        target, {"contacts": [contact.pk], "text": "Oi {xyz}", "preview": "1"},
        HTTP_HX_REQUEST="true",
    ).content.decode()  # fmt: skip
    assert "Marcador desconhecido: {xyz}" in fragment
