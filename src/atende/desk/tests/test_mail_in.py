"""Received e-mail (D7): real messages through `manage.py desk_mail_in` (the MTA pipe) become
tickets and replies; machines' mail never does; the organization comes from the address."""

import io

import pytest
from django.core.management import call_command

from atende.customers.tests.factories import ContactFactory, CustomerFactory
from atende.desk.models import (
    Area,
    Channel,
    EntryKind,
    MailDirection,
    MailMessage,
    Ticket,
    TicketAttachment,
    TicketStatus,
    TimelineEntry,
)
from atende.desk.tests import mail_samples as samples
from atende.desk.tests.factories import AreaFactory, TicketFactory
from atende.files.tests.samples import EXE, PNG, pdf_bytes
from atende.tenancy.context import activate

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def desk_address(settings):
    settings.DESK_MAIL_ADDRESS = samples.DESK


@pytest.fixture
def support(organization):
    return AreaFactory(
        organization=organization, name="Suporte", is_default=True, email="suporte@alfa.com.br"
    )


@pytest.fixture
def rita(organization):
    customer = CustomerFactory(organization=organization, name="Padaria Pão Quente")
    return ContactFactory(
        organization=organization, customer=customer, name="Rita Souza", email="rita@padaria.com.br"
    )


def pipe(message, *, recipient: str = "") -> str:
    """Feed the message to the command as the MTA would; its one-line answer."""
    raw = message if isinstance(message, bytes) else message.as_bytes()
    out = io.StringIO()
    call_command("desk_mail_in", stdin=io.BytesIO(raw), stdout=out, recipient=recipient)
    return out.getvalue().strip()


def test_a_plain_message_opens_a_ticket_for_the_contact(
    support, rita, mailoutbox, django_capture_on_commit_callbacks
):
    message = samples.plain("A internet caiu de novo desde ontem à noite.\n\n-- \nRita\nPadaria")
    with django_capture_on_commit_callbacks(execute=True):
        assert pipe(message) == "opened #1"

    ticket = Ticket.objects.get()
    assert (ticket.title, ticket.channel, ticket.area) == ("Internet caiu", Channel.EMAIL, support)
    assert (ticket.customer, ticket.contact) == (rita.customer, rita)
    assert ticket.description == "A internet caiu de novo desde ontem à noite."
    mail = MailMessage.objects.get()
    assert (mail.direction, mail.message_id) == (MailDirection.IN, message["Message-ID"])
    assert mail.sender == "Rita Souza <rita@padaria.com.br>"
    assert "-- \nRita\nPadaria" in mail.original_text  # the signature is kept in the original
    # The area hears of it (nobody has the ticket yet), marked so no auto-responder answers.
    [notice] = mailoutbox
    assert notice.to == ["suporte@alfa.com.br"]
    assert notice.subject == "[#1] Novo atendimento (E-mail): Internet caiu"
    assert notice.extra_headers["Auto-Submitted"] == "auto-generated"
    assert notice.extra_headers["In-Reply-To"] == message["Message-ID"]


def test_the_area_alias_in_the_address_chooses_the_area(support, rita):
    billing = AreaFactory(
        organization=support.organization, name="Financeiro", mail_alias="financeiro"
    )
    pipe(samples.plain(to="Financeiro <suporte+alfa.financeiro@atende.example>"))
    assert Ticket.objects.get().area == billing


def test_the_envelope_recipient_wins_over_the_headers(support, rita, other_organization):
    with activate(other_organization):
        AreaFactory(organization=other_organization, name="Suporte", is_default=True)
    # The headers name Alfa; the MTA delivered it to Beta's address: Beta it is.
    pipe(samples.plain(to=samples.ALFA), recipient="suporte+beta@atende.example")
    assert Ticket.objects.count() == 0
    with activate(other_organization):
        assert Ticket.objects.get().customer is None


def test_an_unknown_sender_opens_a_ticket_without_customer(support):
    pipe(samples.plain(sender="Fulano <fulano@desconhecido.com>", subject="Orçamento"))
    ticket = Ticket.objects.get()
    assert (ticket.title, ticket.customer, ticket.contact) == ("Orçamento", None, None)
    assert ticket.mail_messages.get().sender == "Fulano <fulano@desconhecido.com>"


def test_a_customer_e_mail_without_contact_finds_the_customer(support, organization):
    customer = CustomerFactory(organization=organization, email="financeiro@mercado.com.br")
    pipe(samples.plain(sender="financeiro@mercado.com.br"))
    assert (Ticket.objects.get().customer, Ticket.objects.get().contact) == (customer, None)


def test_html_only_mail_becomes_safe_text(support, rita):
    html = (
        "<html><head><style>p{color:red}</style><title>x</title></head><body>"
        "<p>Bom dia,</p><p>O <b>boleto</b> veio em dobro &amp; com juros.</p>"
        "<script>alert('x')</script><ul><li>Janeiro</li><li>Fevereiro</li></ul>"
        '<img src="https://rastreio.example/pixel.gif" onerror="alert(1)">'
        '<p><a href="https://banco.example/2via">Segunda via</a> · '
        '<a href="javascript:alert(1)">clique</a></p></body></html>'
    )
    pipe(samples.html_only(html, subject="Boleto"))
    text = Ticket.objects.get().description
    assert text == (
        "Bom dia,\n\nO boleto veio em dobro & com juros.\n\n- Janeiro\n\n- Fevereiro\n\n"
        "Segunda via (https://banco.example/2via) · clique"
    )
    assert "alert" not in text
    assert "color" not in text


def test_latin1_subject_and_body_are_decoded(support, rita):
    pipe(samples.latin1("Manutenção da impressora", "A impressora não imprime, está sem tinta."))
    ticket = Ticket.objects.get()
    assert ticket.title == "Manutenção da impressora"
    assert ticket.description == "A impressora não imprime, está sem tinta."


def test_an_unencoded_latin1_subject_is_read_not_crashed_on(support, rita):
    raw = (
        b"From: rita@padaria.com.br\r\nTo: suporte+alfa@atende.example\r\n"
        b"Subject: Manuten\xe7\xe3o\r\nMessage-ID: <raw-1@padaria.com.br>\r\n"
        b"Content-Type: text/plain; charset=iso-8859-1\r\n\r\nSem conex\xe3o.\r\n"
    )
    assert pipe(raw) == "opened #1"
    ticket = Ticket.objects.get()
    assert (ticket.title, ticket.description) == ("Manutenção", "Sem conexão.")


def test_attachments_are_kept_through_the_validator_and_refused_ones_noted(support, rita):
    message = samples.plain("Segue o contrato e a foto.")
    message.add_attachment(
        pdf_bytes(), maintype="application", subtype="pdf", filename="contrato.pdf"
    )
    message.add_attachment(PNG, maintype="image", subtype="png", filename="Relatório técnico.png")
    message.add_attachment(EXE, maintype="application", subtype="pdf", filename="fatura.pdf")
    message.add_attachment(
        EXE, maintype="application", subtype="octet-stream", filename="setup.exe"
    )

    assert pipe(message) == "opened #1"

    ticket = Ticket.objects.get()
    names = sorted(a.stored_file.original_name for a in TicketAttachment.objects.all())
    assert names == ["Relatório técnico.png", "contrato.pdf"]
    assert {a.entry_id for a in TicketAttachment.objects.all()} == {None}
    note = TimelineEntry.objects.get(ticket=ticket, kind=EntryKind.NOTE)
    assert note.is_public is False
    assert note.body.startswith("Anexos recusados do e-mail:")
    assert "- fatura.pdf: " in note.body
    assert "- setup.exe: " in note.body


def test_a_forwarded_thread_keeps_the_forwarded_message(support, rita):
    body = (
        "Podem ver isto? O fornecedor mandou ontem.\n\n"
        "---------- Forwarded message ---------\n"
        "De: Fornecedor <vendas@fornecedor.com>\n"
        "Date: seg., 1 de dez. de 2026 às 09:12\n"
        "Subject: Troca do roteador\n"
        "To: <rita@padaria.com.br>\n\n"
        "O roteador novo chega na quinta.\n"
    )
    pipe(samples.plain(body, subject="Fwd: Troca do roteador"))
    ticket = Ticket.objects.get()
    assert ticket.title == "Fwd: Troca do roteador"
    assert ticket.contact == rita  # the forwarder, not the forwarded sender
    assert ticket.description.startswith("Podem ver isto?")
    assert "O roteador novo chega na quinta." in ticket.description


def test_a_message_forwarded_as_attachment_keeps_its_text(support, rita):
    forwarded = samples.plain(
        "Troca do roteador na quinta.",
        sender="Fornecedor <vendas@fornecedor.com>",
        subject="Troca do roteador",
    )
    message = samples.plain("Vejam o que o fornecedor disse.\n\n-- \nRita")
    message.add_attachment(forwarded)
    assert pipe(message) == "opened #1"
    ticket = Ticket.objects.get()
    assert ticket.description == (
        "Vejam o que o fornecedor disse.\n\n"
        "---------- Mensagem encaminhada ---------\n"
        "De: Fornecedor <vendas@fornecedor.com>\nAssunto: Troca do roteador\n\n"
        "Troca do roteador na quinta."
    )
    note = TimelineEntry.objects.get(kind=EntryKind.NOTE)
    assert "mensagem.eml: mensagem anexada; o texto dela está na mensagem." in note.body


@pytest.mark.parametrize(
    "headers",
    [
        {"Auto-Submitted": "auto-replied"},
        {"X-Autoreply": "yes"},
        {"Auto-Submitted": "auto-generated"},
        {"X-Autorespond": "vacation"},
        {"Precedence": "bulk"},
        {"Precedence": "junk"},
        {"Precedence": "list"},
    ],
)
def test_auto_replies_never_open_or_answer_tickets(support, rita, headers, mailoutbox):
    ticket = TicketFactory(organization=support.organization, area=support, customer=rita.customer)
    message = samples.plain(
        "Estou de férias até dia 10.",
        subject=f"Ausente: [#{ticket.number}] Internet",
        headers=headers,
    )
    assert pipe(message) == "automatic"
    assert Ticket.objects.count() == 1
    assert TimelineEntry.objects.count() == 0
    assert MailMessage.objects.count() == 0
    assert mailoutbox == []


def test_bounces_never_open_tickets(support):
    assert pipe(samples.bounce()) == "bounce"
    daemon = samples.plain(sender="MAILER-DAEMON@mx.padaria.com.br", subject="Returned mail")
    assert pipe(daemon) == "bounce"
    assert Ticket.objects.count() == 0


def test_a_reply_threads_by_its_headers_and_quoted_history_is_trimmed(
    support, rita, admin_member, mailoutbox, django_capture_on_commit_callbacks
):
    first = samples.plain()
    pipe(first)
    ticket = Ticket.objects.get()
    ticket.assignee = admin_member
    ticket.save()
    body = (
        "Voltou a funcionar, obrigada!\n\n"
        "Em seg., 1 de dez. de 2026 às 10:00, Suporte <suporte+alfa@atende.example> escreveu:\n"
        "> A internet caiu de novo desde ontem à noite.\n"
    )
    reply = samples.plain(
        body,
        subject="Re: Internet caiu",  # no number: the headers are enough
        headers={"In-Reply-To": first["Message-ID"], "References": first["Message-ID"]},
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert pipe(reply) == "replied #1"

    entry = TimelineEntry.objects.get(ticket=ticket)
    assert (entry.kind, entry.is_public, entry.author_contact) == (EntryKind.CUSTOMER, True, rita)
    assert entry.body == "Voltou a funcionar, obrigada!"
    assert "escreveu:\n> A internet caiu" in entry.mail.original_text
    # The assignee hears of it, with a copy to the area.
    [notice] = mailoutbox
    assert (notice.to, notice.cc) == ([admin_member.user.email], ["suporte@alfa.com.br"])
    assert notice.subject == "[#1] Mensagem do cliente: Internet caiu"
    assert "Voltou a funcionar, obrigada!" in notice.body


def test_outlook_history_and_phone_signature_are_trimmed(support, rita):
    pipe(samples.plain(message_id="<a@padaria.com.br>"))
    body = (
        "Pode vir amanhã às 9h.\n\nEnviado do meu iPhone\n\n"
        "________________________________\n"
        "De: Suporte <suporte+alfa@atende.example>\n"
        "Enviado: segunda-feira, 1 de dezembro de 2026 10:00\n"
        "Assunto: [#1] Internet caiu\n\nQual o melhor horário?\n"
    )
    pipe(samples.plain(body, headers={"References": "<x@y> <a@padaria.com.br>"}))
    assert TimelineEntry.objects.get().body == "Pode vir amanhã às 9h."


def test_a_reply_threads_by_the_number_in_the_subject_from_a_known_sender(support, rita):
    ticket = TicketFactory(
        organization=support.organization, area=support, customer=rita.customer, contact=rita
    )
    colleague = ContactFactory(
        organization=support.organization, customer=rita.customer, email="joao@padaria.com.br"
    )
    pipe(samples.plain("Alguma novidade?", subject=f"RES: [#{ticket.number}] Internet lenta"))
    pipe(samples.plain("Eu também", sender="joao@padaria.com.br", subject=f"[#{ticket.number}]"))
    entries = TimelineEntry.objects.filter(ticket=ticket).order_by("pk")
    assert [(e.body, e.author_contact) for e in entries] == [
        ("Alguma novidade?", rita),
        ("Eu também", colleague),
    ]
    assert Ticket.objects.count() == 1


def test_a_stranger_cannot_write_into_a_ticket_by_its_number(support, rita):
    ticket = TicketFactory(organization=support.organization, area=support, customer=rita.customer)
    pipe(samples.plain("Sou eu", sender="intruso@mal.com", subject=f"Re: [#{ticket.number}] Oi"))
    assert TimelineEntry.objects.filter(ticket=ticket).count() == 0
    assert Ticket.objects.filter(customer=None).get().title == f"Re: [#{ticket.number}] Oi"


def test_another_organizations_thread_and_numbers_are_never_reached(
    support, rita, other_organization
):
    with activate(other_organization):
        theirs = TicketFactory(organization=other_organization, title="Deles")
        MailMessage.objects.create(
            ticket=theirs, direction=MailDirection.OUT, message_id="<beta-1@atende.example>"
        )
    reply = samples.plain(
        "Oi",
        subject=f"Re: [#{theirs.number}] Deles",
        headers={"In-Reply-To": "<beta-1@atende.example>"},
    )
    assert pipe(reply) == f"opened #{theirs.number}"  # a new ticket of Alfa's own
    with activate(other_organization):
        assert TimelineEntry.objects.filter(ticket=theirs).count() == 0
    assert Ticket.objects.get().organization_id == support.organization_id


def test_the_same_message_twice_is_filed_once(support, rita):
    message = samples.plain()
    assert pipe(message) == "opened #1"
    assert pipe(message) == "duplicate"
    assert (Ticket.objects.count(), MailMessage.objects.count()) == (1, 1)


def test_a_reply_to_a_closed_ticket_reopens_it(support, rita):
    first = samples.plain()
    pipe(first)
    Ticket.objects.update(status=TicketStatus.DONE)
    pipe(samples.plain("Caiu de novo.", headers={"In-Reply-To": first["Message-ID"]}))
    ticket = Ticket.objects.get()
    assert (ticket.status, ticket.closed_at) == (TicketStatus.PENDING, None)
    change = TimelineEntry.objects.get(kind=EntryKind.CHANGE)
    assert change.changes[0]["old"] == "Concluído"


def test_an_address_of_no_organization_is_refused_to_the_mta(support):
    with pytest.raises(SystemExit) as refused:
        pipe(samples.plain(to="suporte+inexistente@atende.example"))
    assert refused.value.code == 67
    with pytest.raises(SystemExit):
        pipe(samples.plain(to="alguem@outro.example"))
    assert Ticket.objects.count() == 0


def test_without_any_area_the_mta_is_told_to_try_later(organization):
    assert Area.objects.count() == 0
    with pytest.raises(SystemExit) as failed:
        pipe(samples.plain())
    assert failed.value.code == 75
