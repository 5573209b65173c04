"""Boleto reminders through a real SMTP server (aiosmtpd): the boleto before its due date and
the overdue notice after, each once, to the "Financeiro" contact or the customer, by flag."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from atende.billing.models import Invoice, InvoiceStatus, ReminderKind, ReminderSent
from atende.billing.services.reminders import (
    ISSUED,
    boleto_email_send,
    boleto_recipient,
    reminders_queue,
)
from atende.billing.tasks_plans import billing_plans_daily_task
from atende.billing.tests.factories import bank_account, issued_boleto
from atende.billing.tests.plans_factories import subscription
from atende.core.testing.smtp import smtp_server
from atende.customers.models import Contact, ContactType
from atende.customers.tests.factories import CustomerFactory

pytestmark = pytest.mark.django_db
TODAY = date(2026, 3, 5)  # Thursday


@pytest.fixture
def smtp(settings):
    with smtp_server() as server:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = server.host, server.port
        settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
        yield server


def boleto_for(organization, actor, customer, due_date, account=None):
    return issued_boleto(
        organization,
        actor=actor,
        customer=customer,
        account=account or bank_account(organization),
        issue_date=due_date - timedelta(days=20),
        due_date=due_date,
        amount=Decimal("150.00"),
    )


def attachments(message):
    return [
        (part.get_filename(), part.get_content_type(), part.get_content())
        for part in message.iter_attachments()
    ]


def test_the_boleto_goes_once_before_its_due_date_with_pdf_and_linha_digitavel(
    organization, admin_member, smtp, django_capture_on_commit_callbacks
):
    customer = CustomerFactory(
        organization=organization, name="Padaria Pão Quente", email="caixa@padaria.com.br"
    )
    Contact.objects.create(
        customer=customer,
        name="Rita Souza",
        contact_type=ContactType.objects.create(name="Financeiro"),
        email="rita@padaria.com.br",
    )
    boleto = boleto_for(organization, admin_member, customer, TODAY + timedelta(days=5))
    # Six days ahead is too early (default: five days before).
    boleto_for(organization, admin_member, customer, TODAY + timedelta(days=6))

    with django_capture_on_commit_callbacks(execute=True):
        first = reminders_queue(today=TODAY)
    with django_capture_on_commit_callbacks(execute=True):
        second = reminders_queue(today=TODAY + timedelta(days=1))

    assert (first, second) == (1, 1)  # the second run only finds the other boleto
    messages = smtp.wait_for(2, timeout=10)
    message = messages[0]
    assert message["To"] == "rita@padaria.com.br"
    assert message["Subject"] == f"Seu boleto de {organization.name} vence em 10/03/2026"
    body = message.get_body(preferencelist=("plain",)).get_content()
    assert boleto.linha_digitavel in body
    assert "Valor: R$ 150,00" in body
    [(name, content_type, content)] = attachments(message)
    assert (name, content_type) == (f"boleto-{boleto.number}.pdf", "application/pdf")
    assert content.startswith(b"%PDF-")
    assert list(ReminderSent.objects.values_list("kind", "sent_to").distinct()) == [
        (ReminderKind.BEFORE_DUE, "rita@padaria.com.br")
    ]
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders_queue(today=TODAY + timedelta(days=1)) == 0
    assert len(smtp.messages) == 2


def test_the_overdue_notice_goes_once_after_the_grace_day_with_the_amount_due(
    organization, admin_member, smtp, django_capture_on_commit_callbacks
):
    customer = CustomerFactory(organization=organization, email="ana@example.com")
    # Saturday 28/02/2026: payable without charges until Monday 02/03, overdue from 03/03.
    boleto = boleto_for(organization, admin_member, customer, date(2026, 2, 28))

    with django_capture_on_commit_callbacks(execute=True):
        assert reminders_queue(today=date(2026, 3, 2)) == 0
        assert reminders_queue(today=date(2026, 3, 3)) == 1
        assert reminders_queue(today=date(2026, 3, 3)) == 0
        assert reminders_queue(today=date(2026, 3, 4)) == 0

    [message] = smtp.wait_for(1, timeout=10)
    assert message["To"] == "ana@example.com"
    invoice = boleto.invoice
    assert message["Subject"] == f"Aviso de atraso: título {invoice.number} venceu em 28/02/2026"
    body = message.get_body(preferencelist=("plain",)).get_content()
    # 150.00 + 2% fine 3.00 + 1%/month for 3 days from the due date: 150 × 3 × 1% / 30 = 0.15
    assert "Valor para pagamento em 03/03/2026, com multa e juros: R$ 153,15." in body
    assert boleto.linha_digitavel in body
    assert [a[1] for a in attachments(message)] == ["application/pdf"]


def test_the_customer_flags_turn_each_reminder_off(
    organization, admin_member, smtp, django_capture_on_commit_callbacks
):
    quiet = CustomerFactory(
        organization=organization,
        email="quiet@example.com",
        email_boleto_before_due=False,
        email_overdue_notice=False,
    )
    no_email = CustomerFactory(organization=organization, email="")
    account = bank_account(organization)
    boleto_for(organization, admin_member, quiet, TODAY + timedelta(days=2), account)
    boleto_for(organization, admin_member, quiet, TODAY - timedelta(days=10), account)
    boleto_for(organization, admin_member, no_email, TODAY + timedelta(days=2), account)

    with django_capture_on_commit_callbacks(execute=True):
        assert reminders_queue(today=TODAY) == 0

    assert ReminderSent.objects.count() == 0
    assert smtp.messages == []


def test_a_paid_invoice_gets_no_reminder(
    organization, admin_member, smtp, django_capture_on_commit_callbacks
):
    customer = CustomerFactory(organization=organization, email="ana@example.com")
    boleto = boleto_for(organization, admin_member, customer, TODAY + timedelta(days=2))
    with django_capture_on_commit_callbacks(execute=False) as queued:
        assert reminders_queue(today=TODAY) == 1
    # Paid between the run and the worker: the worker sends nothing.
    Invoice.objects.filter(pk=boleto.invoice_id).update(
        status=InvoiceStatus.PAID, paid_amount=Decimal("150.00")
    )
    for callback in queued:
        callback()

    assert smtp.messages == []
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders_queue(today=TODAY + timedelta(days=1)) == 0


def test_the_recipient_is_the_finance_contact_by_role_or_the_customer(organization):
    customer = CustomerFactory(organization=organization, email="loja@example.com")
    assert boleto_recipient(customer) == "loja@example.com"
    Contact.objects.create(customer=customer, name="Sem e-mail", role="Financeiro")
    Contact.objects.create(customer=customer, name="Técnico", role="Técnico", email="t@x.com")
    assert boleto_recipient(customer) == "loja@example.com"
    Contact.objects.create(customer=customer, name="Caio", role="financeiro", email="caio@x.com")
    assert boleto_recipient(customer) == "caio@x.com"


def test_boleto_email_send_is_reusable_for_a_new_boleto(organization, admin_member, smtp):
    customer = CustomerFactory(organization=organization, email="ana@example.com")
    boleto = boleto_for(organization, admin_member, customer, TODAY + timedelta(days=20))

    assert boleto_email_send(boleto=boleto, kind=ISSUED) == "ana@example.com"

    [message] = smtp.wait_for(1, timeout=10)
    assert boleto.linha_digitavel in message.get_body(preferencelist=("plain",)).get_content()
    assert ReminderSent.objects.count() == 0  # batch e-mails keep their own record


def _due_soon(today: date) -> date:
    """The first day from today numbered 1–28 (a billing day a subscription can have)."""
    day = today
    while day.day > 28:
        day += timedelta(days=1)
    return day


def test_the_daily_task_charges_and_sends_the_boleto_once_even_when_run_twice(
    organization, admin_member, smtp, django_capture_on_commit_callbacks
):
    today = timezone.localdate()
    due = _due_soon(today)
    customer = CustomerFactory(organization=organization, email="ana@example.com")
    sub = subscription(
        organization,
        actor=admin_member,
        customer=customer,
        start_date=today,
        billing_day=due.day,
    )

    with django_capture_on_commit_callbacks(execute=True):
        first = billing_plans_daily_task(organization.pk)
    with django_capture_on_commit_callbacks(execute=True):
        second = billing_plans_daily_task(organization.pk)

    assert first == {
        "charged": 1, "failed": 0, "suspended": 0, "reactivated": 0, "reminders": 1
    }  # fmt: skip
    assert second == {
        "charged": 0, "failed": 0, "suspended": 0, "reactivated": 0, "reminders": 0
    }  # fmt: skip
    [message] = smtp.wait_for(1, timeout=10)
    assert message["To"] == "ana@example.com"
    made = Invoice.objects.get(subscription=sub)
    assert made.due_date == due
    assert made.boletos.get().linha_digitavel in message.get_body().get_content()


def test_the_beat_entry_runs_every_active_organization(
    organization, other_organization, admin_member, other_member, settings
):
    from atende.billing.models import Subscription
    from atende.billing.tasks_plans import billing_plans_daily_all_task
    from atende.celery import app
    from atende.tenancy.context import activate

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    entry = app.conf.beat_schedule["billing-plans-daily"]
    assert entry["task"] == billing_plans_daily_all_task.name
    today = timezone.localdate()
    due = _due_soon(today)
    made = [
        subscription(organization, actor=admin_member, start_date=today, billing_day=due.day),
        subscription(other_organization, actor=other_member, start_date=today, billing_day=due.day),
    ]

    assert billing_plans_daily_all_task() == 2  # Celery runs eagerly in the tests

    for sub in made:
        with activate(sub.organization_id):
            assert Invoice.objects.filter(subscription=sub).count() == 1
            assert Subscription.objects.get(pk=sub.pk).next_period_start > today
