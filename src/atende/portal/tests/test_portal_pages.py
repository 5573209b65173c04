"""The Webdesk as a customer's contact meets it (W5–W7): access given by the staff, the link and
the password, the five filters with their counts, a new typed request with fields and a file,
what the customer may do on each side of the turn, and the files they may download."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from atende.accounts.models import PortalAccount
from atende.accounts.tests.factories import TEST_PASSWORD
from atende.customers.tests.factories import ContactFactory, CustomerFactory
from atende.desk.models import AreaResource, StagePassage, Ticket, TicketAttachment
from atende.desk.services.requests import (
    request_fields_update,
    request_move,
    understanding_decide,
    understanding_write,
)
from atende.desk.services.tickets import ticket_note
from atende.desk.tests.factories import AreaFactory
from atende.tenancy.context import activate
from atende.tenancy.urls import org_reverse
from atende.workflow.tests.factories import service_request_type

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def support(organization, admin_member):
    area = AreaFactory(organization=organization, name="Suporte", is_default=True)
    AreaResource.objects.create(area=area, member=admin_member)
    return area


@pytest.fixture
def service(organization, support, admin_member):
    return service_request_type(organization, area=support, attendant=admin_member)


@pytest.fixture
def rita(organization):
    """Rita, of Padaria Pão Quente, with portal access and TEST_PASSWORD."""
    from django.contrib.auth.hashers import make_password

    customer = CustomerFactory(organization=organization, name="Padaria Pão Quente")
    contact = ContactFactory(
        organization=organization, customer=customer, name="Rita Souza", email="rita@padaria.com"
    )
    return PortalAccount.objects.create(
        contact=contact, email=contact.email, password=make_password(TEST_PASSWORD)
    )


def portal(organization, path: str = "") -> str:
    return f"/{organization.slug}/webdesk/{path}"


def signed_in(organization, email: str, password: str = TEST_PASSWORD) -> Client:
    client = Client()
    response = client.post(portal(organization, "entrar/"), {"email": email, "password": password})
    assert response.status_code == 302, response.content.decode()[:500]
    return client


def new_request(client, organization, service, **extra) -> Ticket:
    data = {
        "tipo": service.pk,
        "subject": "Trocar roteador",
        "text": "O roteador queimou.",
        "campo_endereco": "Rua A, 10",
        "campo_horario": "Manhã",
        **extra,
    }
    response = client.post(portal(organization, "solicitacoes/nova/"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return Ticket.objects.latest("pk")


def test_staff_give_access_and_the_contact_chooses_a_password_from_the_link(
    client_as, admin_member, organization, mailoutbox, django_capture_on_commit_callbacks
):
    contact = ContactFactory(organization=organization, email="joao@cliente.com", name="João")
    url = org_reverse(
        "portal_admin:grant",
        organization=organization,
        number=contact.customer.number,
        pk=contact.pk,
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client_as(admin_member).post(url, {"sees_all": "on"})
    assert response.status_code == 302
    account = PortalAccount.objects.get(contact=contact)
    assert account.sees_all_customer_requests
    assert not account.password
    [email] = mailoutbox
    assert email.to == ["joao@cliente.com"]
    assert organization.name in email.subject
    link = re.search(r"https?://\S+/senha/\S+/", email.body).group(0)
    path = "/" + link.split("/", 3)[3]

    client = Client()
    assert client.get(path).status_code == 200
    refused = client.post(path, {"password": "Curta", "repeated": "Curta"})
    assert refused.status_code == 200
    assert not PortalAccount.objects.get(pk=account.pk).password
    done = client.post(path, {"password": "Padaria-Forno-2031", "repeated": "Padaria-Forno-2031"})
    assert done.status_code == 302
    assert done["Location"].endswith("/webdesk/solicitacoes/")
    assert client.get(done["Location"]).status_code == 200  # signed in already

    # The link is spent; the password signs in.
    assert Client().get(path).status_code == 404
    signed_in(organization, "joao@cliente.com", "Padaria-Forno-2031")


def test_the_same_email_has_separate_passwords_and_sessions_at_two_organizations(
    organization, other_organization, rita
):
    from django.contrib.auth.hashers import make_password

    with activate(other_organization):
        contact = ContactFactory(organization=other_organization, email="rita@padaria.com")
        PortalAccount.objects.create(
            contact=contact, email=contact.email, password=make_password("Outra-Senha-2031")
        )
    client = signed_in(organization, "rita@padaria.com")
    # Signed in at Alfa; Beta's portal still asks for its own sign-in.
    response = client.get(portal(other_organization, "solicitacoes/"))
    assert response.status_code == 302
    assert "/beta/webdesk/entrar/" in response["Location"]
    wrong = client.post(
        portal(other_organization, "entrar/"),
        {"email": "rita@padaria.com", "password": TEST_PASSWORD},
    )
    assert wrong.status_code == 200
    assert "E-mail ou senha incorretos." in wrong.content.decode()
    right = client.post(
        portal(other_organization, "entrar/"),
        {"email": "rita@padaria.com", "password": "Outra-Senha-2031"},
    )
    assert right.status_code == 302
    assert client.get(portal(organization, "solicitacoes/")).status_code == 200


def test_access_taken_away_ends_the_session(client_as, admin_member, organization, rita):
    client = signed_in(organization, rita.email)
    url = org_reverse(
        "portal_admin:revoke",
        organization=organization,
        number=rita.contact.customer.number,
        pk=rita.contact.pk,
    )
    assert client_as(admin_member).post(url).status_code == 302
    response = client.get(portal(organization, "solicitacoes/"))
    assert response.status_code == 302
    assert "/entrar/" in response["Location"]


def test_a_new_request_with_fields_and_a_file_enters_the_first_stage(
    organization, rita, service, admin_member, mailoutbox, django_capture_on_commit_callbacks
):
    client = signed_in(organization, rita.email)
    chooser = client.get(portal(organization, "solicitacoes/nova/")).content.decode()
    assert "Suporte técnico" in chooser
    assert "Solicitação de serviço" in chooser
    form = client.get(portal(organization, f"solicitacoes/nova/?tipo={service.pk}")).content
    assert "Endereço da visita" in form.decode()
    assert "Data agendada" not in form.decode()

    upload = SimpleUploadedFile("foto.pdf", PDF, content_type="application/pdf")
    with django_capture_on_commit_callbacks(execute=True):
        ticket = new_request(client, organization, service, attachments=upload)

    assert (ticket.stage.name, ticket.status, ticket.channel) == (
        "Descrição do cliente",
        "waiting",
        "portal",
    )
    assert ticket.field_values == {"endereco": "Rua A, 10", "horario": "Manhã"}
    assert ticket.assignee == admin_member  # the type's default attendant
    assert [m.to for m in mailoutbox] == [[admin_member.user.email]]
    [attachment] = TicketAttachment.objects.filter(ticket=ticket)
    page = client.get(portal(organization, f"solicitacoes/{ticket.number}/"))
    assert "foto.pdf" in page.content.decode()
    download = client.get(
        portal(organization, f"solicitacoes/{ticket.number}/arquivos/{attachment.stored_file.key}/")
    )
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF


def test_a_required_field_left_out_shows_the_form_again_naming_it(organization, rita, service):
    client = signed_in(organization, rita.email)
    response = client.post(
        portal(organization, "solicitacoes/nova/"),
        {"tipo": service.pk, "subject": "Sem endereço", "text": "…", "campo_endereco": ""},
    )
    assert response.status_code == 200
    assert "Endereço da visita" in response.content.decode()
    assert not Ticket.objects.exists()


def test_the_five_filters_count_what_they_hold(organization, rita, service, admin_member):
    client = signed_in(organization, rita.email)
    mine = new_request(client, organization, service)  # the customer's turn
    theirs = new_request(client, organization, service)
    request_move(actor=rita, ticket=theirs, move="forward")  # the company's turn
    cancelled = new_request(client, organization, service)
    request_move(actor=rita, ticket=cancelled, move="cancel", reason="Resolvido sozinho")

    page = client.get(portal(organization, "solicitacoes/"))
    counts = dict(
        re.findall(r'filtro=([a-z-]+)"[^>]*>[^<]+<span class="badge">(\d+)', page.content.decode())
    )
    assert counts == {
        "todos": "3",
        "minha-vez": "1",
        "aguardando": "1",
        "concluidos": "0",
        "cancelados": "1",
    }
    waiting = client.get(portal(organization, "solicitacoes/?filtro=aguardando")).content.decode()
    assert f"solicitacoes/{theirs.number}/" in waiting
    assert f"solicitacoes/{mine.number}/" not in waiting


def test_on_the_companys_turn_the_customer_only_writes_and_attaches(organization, rita, service):
    client = signed_in(organization, rita.email)
    ticket = new_request(client, organization, service)
    request_move(actor=rita, ticket=ticket, move="forward")
    base = portal(organization, f"solicitacoes/{ticket.number}/")

    fields = client.post(base + "campos/", {"campo_horario": "Tarde"})
    moved = client.post(base + "acao/", {"move": "cancel", "reason": "Desisti"})
    assert (fields.status_code, moved.status_code) == (400, 400)
    assert "vez da empresa" in moved.content.decode()
    ticket.refresh_from_db()
    assert (ticket.field_values["horario"], ticket.status) == ("Manhã", "resolving")

    message = client.post(base + "mensagem/", {"body": "Posso mandar fotos?"})
    assert message.status_code == 302


def test_cancelling_needs_a_reason_and_then_the_request_is_read_only(organization, rita, service):
    client = signed_in(organization, rita.email)
    ticket = new_request(client, organization, service)
    base = portal(organization, f"solicitacoes/{ticket.number}/")

    refused = client.post(base + "acao/", {"move": "cancel", "reason": ""})
    assert refused.status_code == 400
    assert "Diga por que cancela." in refused.content.decode()
    assert client.post(base + "acao/", {"move": "cancel", "reason": "Duplicada"}).status_code == 302
    ticket.refresh_from_db()
    assert ticket.status == "cancelled"

    page = client.get(base).content.decode()
    assert "só pode ser lida" in page.lower() or "can only be read" in page
    assert client.post(base + "mensagem/", {"body": "Ainda aí?"}).status_code == 400
    assert StagePassage.objects.get(ticket=ticket).outcome == "cancel"


def test_the_customer_approves_the_understanding_and_the_request_moves_on(
    organization, rita, service, admin_member
):
    client = signed_in(organization, rita.email)
    ticket = new_request(client, organization, service)
    request_move(actor=rita, ticket=ticket, move="forward")
    understanding_write(actor=admin_member, ticket=ticket, text="Trocar o roteador da loja.")
    base = portal(organization, f"solicitacoes/{ticket.number}/")
    assert "Trocar o roteador da loja." in client.get(base).content.decode()

    rejected = client.post(base + "entendimento/", {"approve": "0", "reason": ""})
    assert rejected.status_code == 400
    assert client.post(base + "entendimento/", {"approve": "1"}).status_code == 302
    ticket.refresh_from_db()
    assert (ticket.stage.name, ticket.understanding_state) == ("Execução", "approved")


def test_the_customer_reads_public_files_and_field_files_never_internal_ones(
    organization, rita, service, admin_member
):
    client = signed_in(organization, rita.email)
    ticket = new_request(client, organization, service)
    request_move(actor=rita, ticket=ticket, move="forward")
    note = ticket_note(
        actor=admin_member,
        ticket=ticket,
        body="Orçamento interno",
        attachments=[SimpleUploadedFile("custo.pdf", PDF, content_type="application/pdf")],
    )
    internal = note.attachments.get().stored_file.key
    understanding_write(actor=admin_member, ticket=ticket, text="Trocar.")
    understanding_decide(actor=rita, ticket=ticket, approve=True)
    report = SimpleUploadedFile("laudo.pdf", PDF, content_type="application/pdf")
    request_fields_update(actor=admin_member, ticket=ticket, values={"laudo": report})
    ticket.refresh_from_db()
    report_key = ticket.field_values["laudo"]["key"]

    base = portal(organization, f"solicitacoes/{ticket.number}/")
    page = client.get(base).content.decode()
    assert f"arquivos/{report_key}/" in page
    assert "custo.pdf" not in page
    assert client.get(f"{base}arquivos/{report_key}/").status_code == 200
    assert client.get(f"{base}arquivos/{internal}/").status_code == 404
    assert client.get(f"{base}arquivos/00000000-0000-0000-0000-000000000000/").status_code == 404


@pytest.mark.parametrize("requests", [1, 4])
def test_the_portal_pages_have_a_fixed_query_count(
    organization, service, rita, django_assert_num_queries, requests
):
    from atende.desk.services.requests import customer_message
    from atende.portal.tokens import portal_token_create

    client = signed_in(organization, rita.email)
    tickets = [new_request(client, organization, service) for _ in range(requests)]
    for ticket in tickets:
        customer_message(actor=rita, ticket=ticket, body="Mais uma foto.")
    for index in range(requests):
        portal_token_create(account=rita, name=f"ERP {index}")

    # Session, account, then the page's own reads: list + counts; detail with its timeline,
    # attachments, fields and stage history; the tokens.
    pages = {"solicitacoes/": 5, f"solicitacoes/{tickets[0].number}/": 11, "acesso-api/": 4}
    for path, expected in pages.items():
        with django_assert_num_queries(expected):
            assert client.get(portal(organization, path)).status_code == 200
