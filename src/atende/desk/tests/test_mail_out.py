"""Sent e-mail (D7) through a real SMTP server (aiosmtpd): replies thread in the customer's
mail client and come back to the ticket; notices to the staff, due dates told once."""

import io
from datetime import timedelta
from email import message_from_bytes, policy
from email.message import EmailMessage

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from atende.accounts.tests.factories import MemberFactory
from atende.core.testing.smtp import smtp_server
from atende.customers.tests.factories import ContactFactory, CustomerFactory
from atende.desk.models import (
    AreaResource,
    EntryKind,
    MailDirection,
    MailMessage,
    Ticket,
    TicketStatus,
    TimelineEntry,
)
from atende.desk.notifications import tickets_due_soon_notify_task
from atende.desk.services.tickets import ticket_note, ticket_open, ticket_reply
from atende.desk.sla import organization_today
from atende.desk.tasks import ticket_reply_email_task
from atende.desk.tests import mail_samples as samples
from atende.desk.tests.factories import AreaFactory, TicketFactory
from atende.files.tests.samples import pdf_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def smtp(settings):
    settings.DESK_MAIL_ADDRESS = samples.DESK
    with smtp_server() as server:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = server.host, server.port
        yield server


@pytest.fixture
def support(organization, admin_member):
    area = AreaFactory(organization=organization, name="Suporte", is_default=True, email="")
    AreaResource.objects.create(area=area, member=admin_member)
    return area


@pytest.fixture
def rita(organization):
    customer = CustomerFactory(organization=organization, name="Padaria Pão Quente")
    return ContactFactory(
        organization=organization, customer=customer, name="Rita Souza", email="rita@padaria.com.br"
    )


def pipe(message: EmailMessage | bytes) -> str:
    raw = message if isinstance(message, bytes) else message.as_bytes()
    out = io.StringIO()
    call_command("desk_mail_in", stdin=io.BytesIO(raw), stdout=out)
    return out.getvalue().strip()


def answer(received: EmailMessage, body: str) -> EmailMessage:
    """What the customer's mail client sends when Rita presses "Responder"."""
    reply = samples.plain(
        body,
        subject=f"Re: {received['Subject']}",
        to=received["Reply-To"],
        headers={
            "In-Reply-To": received["Message-ID"],
            "References": f"{received['References']} {received['Message-ID']}",
        },
    )
    return message_from_bytes(reply.as_bytes(), policy=policy.default)


def test_the_e_mail_round_trip_threads_in_both_directions(
    smtp, support, rita, admin_member, django_capture_on_commit_callbacks
):
    # given: Rita wrote to the desk
    opening = samples.plain()
    pipe(opening)
    ticket = Ticket.objects.get()

    # when: the staff answer, with a file
    with django_capture_on_commit_callbacks(execute=True):
        first_reply = ticket_reply(
            actor=admin_member,
            ticket=ticket,
            body="Vamos trocar o roteador amanhã.",
            attachments=[SimpleUploadedFile("os.pdf", pdf_bytes())],
        )
    [received] = smtp.wait_for(1, timeout=10)

    # then: one thread in her mail client, answers come back to the ticket
    assert received["Subject"] == "[#1] Internet caiu"
    assert received["From"] == "Alfa Provedor Ltda <nao-responda@atende.local>"
    assert received["To"] == "rita@padaria.com.br"
    assert received["Reply-To"] == "suporte+alfa@atende.example"
    assert received["In-Reply-To"] == opening["Message-ID"]
    assert received["References"] == opening["Message-ID"]
    sent = MailMessage.objects.get(direction=MailDirection.OUT)
    assert received["Message-ID"] == sent.message_id
    assert sent.sent_at is not None
    assert TimelineEntry.objects.get(pk=first_reply.pk).mail == sent
    assert "Vamos trocar o roteador amanhã." in received.get_body(("plain",)).get_content()
    [attachment] = list(received.iter_attachments())
    assert attachment.get_filename() == "os.pdf"
    assert "Auto-Submitted" not in received  # a person wrote it

    # Rita answers from her mail client; no number needed, the headers find the ticket.
    assert pipe(answer(received, "Combinado, estarei aqui.")) == "replied #1"
    customer_entry = TimelineEntry.objects.get(kind=EntryKind.CUSTOMER)
    assert (customer_entry.ticket, customer_entry.body) == (ticket, "Combinado, estarei aqui.")
    rita_answer_id = customer_entry.mail.message_id

    # The next reply continues the same chain.
    with django_capture_on_commit_callbacks(execute=True):
        ticket_reply(actor=admin_member, ticket=ticket, body="Técnico a caminho.")
    second = smtp.wait_for(2, timeout=10)[1]
    assert second["In-Reply-To"] == rita_answer_id
    assert second["References"].split() == [opening["Message-ID"], sent.message_id, rita_answer_id]


def test_an_unknown_sender_is_answered_at_their_address(
    smtp, support, admin_member, django_capture_on_commit_callbacks
):
    pipe(samples.plain(sender="Fulano <fulano@desconhecido.com>", subject="Orçamento"))
    ticket = Ticket.objects.get()
    assert ticket.customer is None
    with django_capture_on_commit_callbacks(execute=True):
        ticket_reply(actor=admin_member, ticket=ticket, body="Segue o orçamento.")
    [received] = smtp.wait_for(1, timeout=10)
    assert received["To"] == "fulano@desconhecido.com"
    assert received["Subject"] == "[#1] Orçamento"


def test_a_redelivered_task_sends_once_and_notes_never_leave(
    smtp, support, rita, admin_member, organization, django_capture_on_commit_callbacks
):
    ticket = TicketFactory(
        organization=organization, area=support, customer=rita.customer, contact=rita
    )
    with django_capture_on_commit_callbacks(execute=True):
        reply = ticket_reply(actor=admin_member, ticket=ticket, body="Resolvido.")
        ticket_note(actor=admin_member, ticket=ticket, body="Cliente difícil.")
    smtp.wait_for(1, timeout=10)

    assert ticket_reply_email_task.delay(organization.pk, reply.pk).get() == "already sent"
    note = TimelineEntry.objects.get(kind=EntryKind.NOTE)
    assert ticket_reply_email_task.delay(organization.pk, note.pk).get() == "internal"
    assert len(smtp.messages) == 1
    assert MailMessage.objects.filter(direction=MailDirection.OUT).count() == 1


def test_the_reply_to_names_the_area_alias(
    smtp, support, rita, admin_member, organization, django_capture_on_commit_callbacks
):
    support.mail_alias = "suporte-tecnico"
    support.save()
    ticket = TicketFactory(
        organization=organization, area=support, customer=rita.customer, contact=rita
    )
    with django_capture_on_commit_callbacks(execute=True):
        ticket_reply(actor=admin_member, ticket=ticket, body="Oi")
    [received] = smtp.wait_for(1, timeout=10)
    assert received["Reply-To"] == "suporte+alfa.suporte-tecnico@atende.example"
    assert "responda a este e-mail" in received.get_content()


def test_without_a_desk_address_there_is_no_reply_to(
    settings, smtp, support, rita, admin_member, organization, django_capture_on_commit_callbacks
):
    settings.DESK_MAIL_ADDRESS = ""
    ticket = TicketFactory(
        organization=organization, area=support, customer=rita.customer, contact=rita
    )
    with django_capture_on_commit_callbacks(execute=True):
        ticket_reply(actor=admin_member, ticket=ticket, body="Oi")
    [received] = smtp.wait_for(1, timeout=10)
    assert "Reply-To" not in received
    assert "responda a este e-mail" not in received.get_content()
    assert received["Message-ID"].endswith("@atende.local>")


def test_a_staff_notice_fed_back_to_the_desk_is_ignored(
    smtp, support, rita, django_capture_on_commit_callbacks
):
    support.email = "suporte+alfa@atende.example"  # a loop by misconfiguration
    support.save()
    with django_capture_on_commit_callbacks(execute=True):
        pipe(samples.plain())
    [notice] = smtp.wait_for(1, timeout=10)
    raw = notice.as_bytes()
    assert pipe(raw) == "automatic"
    assert (Ticket.objects.count(), TimelineEntry.objects.count()) == (1, 0)


def test_a_colleague_given_a_new_ticket_hears_of_it(
    support, admin_member, organization, mailoutbox, django_capture_on_commit_callbacks
):
    bia = MemberFactory(organization=organization, user__full_name="Bia Lima")
    AreaResource.objects.create(area=support, member=bia)
    with django_capture_on_commit_callbacks(execute=True):
        ticket_open(actor=admin_member, title="Trocar cabo", assignee=admin_member, channel="phone")
        ticket_open(actor=admin_member, title="Visita técnica", assignee=bia, channel="phone")
    [notice] = mailoutbox
    assert notice.to == [bia.user.email]
    assert notice.subject == "[#2] Novo atendimento (Telefone): Visita técnica"
    assert "Ana Admin abriu o atendimento 2." in notice.body


def test_due_dates_near_are_told_once_per_due_date(
    support, rita, admin_member, organization, mailoutbox
):
    today = organization_today(organization)
    support.email = "suporte@alfa.com.br"
    support.save()

    def ticket(title, due_on, **fields):
        return TicketFactory(
            organization=organization, area=support, title=title, due_on=due_on, **fields
        )

    due_today = ticket("Hoje", today, assignee=admin_member)
    due_tomorrow = ticket("Amanhã", today + timedelta(days=1))
    ticket("Depois", today + timedelta(days=2))
    ticket("Atrasado", today - timedelta(days=1))
    ticket("Fechado", today, status=TicketStatus.DONE)
    ticket("Sem data", None)

    assert tickets_due_soon_notify_task.delay(organization.pk).get() == [
        due_today.number,
        due_tomorrow.number,
    ]
    assert tickets_due_soon_notify_task.delay(organization.pk).get() == []  # not twice
    assert [(m.subject, m.to, m.cc) for m in mailoutbox] == [
        (
            f"[#{due_today.number}] Vence hoje: Hoje",
            [admin_member.user.email],
            ["suporte@alfa.com.br"],
        ),
        (f"[#{due_tomorrow.number}] Vence amanhã: Amanhã", ["suporte@alfa.com.br"], []),
    ]
    assert mailoutbox[0].extra_headers["Auto-Submitted"] == "auto-generated"

    # A new due date is a new notice.
    Ticket.objects.filter(pk=due_tomorrow.pk).update(due_on=today)
    assert tickets_due_soon_notify_task.delay(organization.pk).get() == [due_tomorrow.number]
    assert mailoutbox[-1].subject == f"[#{due_tomorrow.number}] Vence hoje: Amanhã"
