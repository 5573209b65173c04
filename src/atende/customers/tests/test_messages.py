"""E-mail to contacts through a real SMTP server, re-send, and SMS through a gateway."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from atende.core.errors import DomainError
from atende.core.testing.smtp import smtp_server
from atende.customers.models import CustomerEmail, CustomerSms, MessageStatus
from atende.customers.services.messages import (
    customer_email_resend,
    customer_email_send,
    customer_sms_send,
)
from atende.customers.sms import HttpSmsGateway, SmsError
from atende.customers.tests.factories import ContactFactory, CustomerFactory
from atende.files.tests import samples

pytestmark = pytest.mark.django_db


@pytest.fixture
def smtp(settings):
    with smtp_server() as server:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = server.host, server.port
        yield server


def test_email_with_cc_and_attachment_arrives_and_is_logged(
    smtp, admin_member, organization, django_capture_on_commit_callbacks
):
    customer = CustomerFactory(organization=organization)
    contact = ContactFactory(organization=organization, customer=customer, email="rita@loja.com")
    pdf = samples.pdf_bytes()

    with django_capture_on_commit_callbacks(execute=True):
        email = customer_email_send(
            actor=admin_member,
            customer=customer,
            to=[contact.email],
            cc=["gerente@loja.com", ""],
            subject="Segunda via",
            body="Segue o contrato.",
            attachments=[SimpleUploadedFile("contrato.pdf", pdf)],
        )
    [message] = smtp.wait_for(1, timeout=10)

    assert message["To"] == "rita@loja.com"
    assert message["Cc"] == "gerente@loja.com"
    assert message["Subject"] == "Segunda via"
    [attachment] = list(message.iter_attachments())
    assert (attachment.get_filename(), attachment.get_content()) == ("contrato.pdf", pdf)
    email.refresh_from_db()
    assert (email.status, email.attempts) == (MessageStatus.SENT, 1)
    assert email.message_id == message["Message-ID"]


def test_failed_email_is_marked_and_can_be_resent(
    admin_member, organization, settings, django_capture_on_commit_callbacks
):
    from atende.core.testing.smtp import free_port

    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()  # nobody listens
    customer = CustomerFactory(organization=organization, email="cliente@loja.com")
    with django_capture_on_commit_callbacks(execute=True):
        email = customer_email_send(
            actor=admin_member, customer=customer, to=[customer.email], cc=[], subject="Oi",
            body=".",
        )  # fmt: skip
    email.refresh_from_db()
    assert email.status == MessageStatus.FAILED

    with smtp_server() as server:
        settings.EMAIL_HOST, settings.EMAIL_PORT = server.host, server.port
        with django_capture_on_commit_callbacks(execute=True):
            customer_email_resend(actor=admin_member, email=email)
        server.wait_for(1, timeout=10)
    email.refresh_from_db()
    assert (email.status, email.attempts) == (MessageStatus.SENT, 2)


def test_bad_addresses_are_refused_and_nothing_is_logged(admin_member, organization):
    customer = CustomerFactory(organization=organization)
    with pytest.raises(DomainError, match="E-mail inválido: nao-e-email"):
        customer_email_send(
            actor=admin_member, customer=customer, to=["nao-e-email"], cc=[], subject="x", body="."
        )
    assert CustomerEmail.objects.count() == 0


def test_email_tab_sends_from_the_page(
    client_as, admin_member, organization, mailoutbox, django_capture_on_commit_callbacks
):
    from atende.tenancy.urls import org_reverse

    customer = CustomerFactory(organization=organization, email="cliente@loja.com")
    with django_capture_on_commit_callbacks(execute=True):
        client_as(admin_member).post(
            org_reverse("customers:email_send", organization=organization, number=customer.number),
            {"to": ["cliente@loja.com"], "subject": "Boas-vindas", "body": "Olá!"},
        )
    assert [m.subject for m in mailoutbox] == ["Boas-vindas"]


class FakeGateway(BaseHTTPRequestHandler):
    received: list = []

    def do_POST(self) -> None:  # noqa: N802
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        FakeGateway.received.append((self.headers["Authorization"], body))
        answer = json.dumps({"id": f"sms-{len(FakeGateway.received)}"}).encode()
        self.send_response(200)
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, *args) -> None:
        return


@pytest.fixture
def gateway(settings):
    FakeGateway.received = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeGateway)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.SMS_GATEWAY_URL = f"http://127.0.0.1:{server.server_address[1]}/send"
    settings.SMS_GATEWAY_TOKEN = "segredo"
    yield FakeGateway.received
    server.shutdown()


def test_sms_goes_only_to_consenting_mobiles(
    gateway, admin_member, organization, django_capture_on_commit_callbacks
):
    customer = CustomerFactory(organization=organization)
    yes = ContactFactory(
        organization=organization, customer=customer, mobile="(19) 99876-5432", sms_consent=True
    )
    no = ContactFactory(organization=organization, customer=customer, mobile="19 91111-2222")

    with django_capture_on_commit_callbacks(execute=True):
        sent = customer_sms_send(
            actor=admin_member, customer=customer, contacts=[yes, no], text="Sua fatura venceu."
        )

    assert gateway == [("Bearer segredo", {"to": "+5519998765432", "text": "Sua fatura venceu."})]
    assert [(s.contact_id, s.status, s.provider_id) for s in CustomerSms.objects.all()] == [
        (yes.pk, MessageStatus.SENT, "sms-1")
    ]
    assert len(sent) == 1


def test_sms_without_consent_is_refused(admin_member, organization):
    customer = CustomerFactory(organization=organization)
    contact = ContactFactory(organization=organization, customer=customer, mobile="19 91111-2222")
    with pytest.raises(DomainError, match="autorizou SMS"):
        customer_sms_send(actor=admin_member, customer=customer, contacts=[contact], text="Oi")


def test_unreachable_gateway_is_an_sms_error():
    from atende.core.testing.smtp import free_port

    with pytest.raises(SmsError):
        HttpSmsGateway(f"http://127.0.0.1:{free_port()}/send", "x", timeout=1).send(
            to="+5519999999999", text="oi"
        )


def test_sms_page_sends_the_template_text(
    gateway, client_as, admin_member, organization, django_capture_on_commit_callbacks
):
    from atende.customers.models import SmsTemplate
    from atende.tenancy.urls import org_reverse

    template = SmsTemplate.objects.create(name="Cobrança", text="Sua fatura vence amanhã.")
    customer = CustomerFactory(organization=organization)
    contact = ContactFactory(
        organization=organization, customer=customer, mobile="19 99999-0000", sms_consent=True
    )
    with django_capture_on_commit_callbacks(execute=True):
        client_as(admin_member).post(
            org_reverse("customers:sms_send", organization=organization, number=customer.number),
            {"contacts": [contact.pk], "template": template.pk, "text": ""},
        )
    assert [body["text"] for _, body in gateway] == ["Sua fatura vence amanhã."], list(
        CustomerSms.objects.values_list("status", "error")
    )
