"""Batch emission with e-mail (B5): when the batch is done each customer with an e-mail gets
its boleto as a PDF through a real SMTP server (aiosmtpd), once — a redelivered run sends
nothing again."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from atende.billing.models import BatchStatus
from atende.billing.services.batches import batch_create, batch_run
from atende.billing.tests.factories import bank_account
from atende.billing.tests.test_reminders import attachments
from atende.core.testing.smtp import smtp_server
from atende.customers.tests.factories import CustomerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def smtp(settings):
    with smtp_server() as server:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = server.host, server.port
        settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
        yield server


def test_a_done_batch_emails_each_boleto_once(
    organization, admin_member, smtp, django_capture_on_commit_callbacks
):
    account = bank_account(organization, "237")
    with_email = [
        CustomerFactory(organization=organization, email=f"financeiro{n}@cliente.com.br")
        for n in range(2)
    ]
    without_email = CustomerFactory(organization=organization, email="")
    numbers = [customer.number for customer in [*with_email, without_email]]
    with django_capture_on_commit_callbacks(execute=True):
        batch = batch_create(
            actor=admin_member, bank_account=account, description="Mensalidade",
            amount=Decimal("99.90"), due_date=timezone.localdate() + timedelta(days=10),
            customers_queryset_or_numbers=numbers, send_email=True,
        )  # fmt: skip
    batch.refresh_from_db()
    assert batch.status == BatchStatus.DONE
    messages = smtp.wait_for(2)
    assert sorted(message["To"] for message in messages) == [
        "financeiro0@cliente.com.br", "financeiro1@cliente.com.br"
    ]  # fmt: skip
    for message in messages:
        ((name, content_type, content),) = attachments(message)
        assert content_type == "application/pdf"
        assert content.startswith(b"%PDF")

    with django_capture_on_commit_callbacks(execute=True):
        assert batch_run(batch=batch).status == BatchStatus.DONE
    assert len(smtp.messages) == 2
