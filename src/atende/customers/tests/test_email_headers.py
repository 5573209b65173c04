"""Hostile e-mail headers: a line break or NUL in the subject or an address is refused by the
service (so the page and any other caller share it), shown on the field, and nothing is queued."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from atende.core.errors import DomainError
from atende.customers.models import CustomerEmail, MessageStatus
from atende.customers.services.messages import customer_email_send
from atende.customers.tasks import customer_email_deliver_task
from atende.customers.tests.factories import CustomerFactory
from atende.files.models import StoredFile
from atende.files.tests import samples
from atende.tenancy.urls import org_reverse

pytestmark = pytest.mark.django_db

SUBJECT_REFUSED = (
    "O assunto deve ter uma linha só, sem quebras de linha nem caracteres de controle."
)
ADDRESS_REFUSED = "Endereço de e-mail com quebra de linha ou caractere de controle."


@pytest.fixture
def customer(organization):
    return CustomerFactory(organization=organization, email="cliente@loja.com")


def _send(actor, customer, **overrides):
    fields = {"to": [customer.email], "cc": [], "subject": "Segunda via", "body": "Segue."}
    return customer_email_send(actor=actor, customer=customer, **{**fields, **overrides})


@pytest.mark.parametrize(
    "subject",
    [
        "Segunda via\r\nBcc: todos@evil.example",
        "Segunda via\nBcc: todos@evil.example",
        "Segunda via\rX",
        "Segunda via\x00",
        "Segunda via\u2028X",
        "Segunda via\x85X",
    ],
)
def test_subject_with_a_line_break_or_control_character_is_refused(
    admin_member, customer, subject, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks, pytest.raises(DomainError) as error:
        _send(admin_member, customer, subject=subject)
    assert (error.value.message, error.value.code, error.value.field) == (
        SUBJECT_REFUSED,
        "invalid_subject",
        "subject",
    )
    assert CustomerEmail.objects.count() == 0
    assert callbacks == []


@pytest.mark.parametrize(
    ("field", "address"),
    [
        ("to", "cliente@loja.com\r\nBcc: todos@evil.example"),
        ("to", "cliente@loja.com\x00"),
        ("cc", "gerente@loja.com\nBcc: todos@evil.example"),
        ("cc", "\x00gerente@loja.com"),
        ("cc", "gerente@loja.com\r"),
    ],
)
def test_address_with_a_line_break_or_nul_is_refused(
    admin_member, customer, field, address, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks, pytest.raises(DomainError) as error:
        _send(admin_member, customer, **{field: [address]})
    assert (error.value.message, error.value.code, error.value.field) == (
        ADDRESS_REFUSED,
        "invalid_email",
        field,
    )
    assert CustomerEmail.objects.count() == 0
    assert callbacks == []


def test_body_with_nul_is_refused(admin_member, customer):
    with pytest.raises(DomainError, match="A mensagem tem um caractere nulo") as error:
        _send(admin_member, customer, body="Segue\x00.")
    assert error.value.field == "body"
    assert CustomerEmail.objects.count() == 0


def test_body_keeps_its_line_breaks(admin_member, customer):
    email = _send(admin_member, customer, body="Olá,\r\nsegue a fatura.\n\nAtenciosamente")
    assert email.body == "Olá,\r\nsegue a fatura.\n\nAtenciosamente"


def test_page_shows_the_refusal_on_the_subject_and_stores_nothing(
    client_as, admin_member, organization, customer, mailoutbox, django_capture_on_commit_callbacks
):
    url = org_reverse("customers:email_send", organization=organization, number=customer.number)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client_as(admin_member).post(
            url,
            {
                "to": [customer.email],
                "subject": "Fatura\r\nBcc: todos@evil.example",
                "body": "Texto que o usuário digitou.",
                "attachment": SimpleUploadedFile("fatura.pdf", samples.pdf_bytes()),
            },
        )

    assert response.status_code == 200
    body = response.content.decode()
    assert f'<div class="error" id="id_subject_error"><p>{SUBJECT_REFUSED}</p></div>' in body
    assert "Texto que o usuário digitou.</textarea>" in body
    assert CustomerEmail.objects.count() == 0
    assert StoredFile.objects.count() == 0
    assert callbacks == []
    assert mailoutbox == []


def test_page_shows_the_refusal_on_the_copy_field(
    client_as, admin_member, organization, customer, django_capture_on_commit_callbacks
):
    url = org_reverse("customers:email_send", organization=organization, number=customer.number)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client_as(admin_member).post(
            url,
            {
                "to": [customer.email],
                "cc": "gerente@loja.com\nBcc: todos@evil.example",
                "subject": "Fatura",
                "body": "Segue.",
            },
        )

    assert response.status_code == 200
    assert f'<div class="error" id="id_cc_error"><p>{ADDRESS_REFUSED}</p></div>' in (
        response.content.decode()
    )
    assert CustomerEmail.objects.count() == 0
    assert callbacks == []


def test_a_logged_message_with_a_broken_subject_fails_instead_of_staying_queued(
    organization, customer, mailoutbox
):
    # A row written before the service refused line breaks.
    email = CustomerEmail.objects.create(
        customer=customer, to=[customer.email], subject="Oi\r\nBcc: x@evil.example", body="."
    )

    assert customer_email_deliver_task(organization.pk, email.pk) == MessageStatus.FAILED

    email.refresh_from_db()
    assert (email.status, email.attempts) == (MessageStatus.FAILED, 1)
    assert "Header values can't contain newlines" in email.error
    assert mailoutbox == []
