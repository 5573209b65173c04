"""End to end in Chromium (W1–W7): a customer signs in to the Webdesk on a phone and opens a
typed request with its fields and an attachment; an agent works it through two stages and
writes an understanding; the customer approves; the request ends concluded and read-only."""

import pytest
from django.contrib.auth.hashers import make_password

from atende.accounts.models import PortalAccount
from atende.accounts.tests.factories import TEST_PASSWORD
from atende.core.tests.browser.conftest import DESKTOP, PHONE, sign_in
from atende.customers.tests.factories import ContactFactory, CustomerFactory
from atende.desk.models import AreaResource, Ticket
from atende.desk.tests.factories import AreaFactory
from atende.tenancy.context import activate
from atende.workflow.tests.factories import service_request_type

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def rita(organization, admin_member):
    with activate(organization):
        area = AreaFactory(organization=organization, name="Suporte", is_default=True)
        AreaResource.objects.create(area=area, member=admin_member)
        service_request_type(organization, area=area, attendant=admin_member)
        customer = CustomerFactory(organization=organization, name="Padaria Pão Quente")
        contact = ContactFactory(
            organization=organization, customer=customer, name="Rita Souza",
            email="rita@padaria.example",
        )  # fmt: skip
        return PortalAccount.objects.create(
            contact=contact, email=contact.email, password=make_password(TEST_PASSWORD)
        )


def portal_sign_in(page, organization, email: str) -> None:
    page.goto(f"{page.base}/{organization.slug}/webdesk/entrar/")
    page.fill("#id_email", email)
    page.fill("#id_password", TEST_PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_load_state("networkidle")


def test_a_typed_request_from_the_portal_to_its_conclusion(
    page_at, organization, admin_member, rita, tmp_path
):
    webdesk = f"/{organization.slug}/webdesk"
    customer = page_at(PHONE)
    portal_sign_in(customer, organization, rita.email)

    customer.goto(f"{customer.base}{webdesk}/solicitacoes/nova/")
    customer.check("text=Solicitação de serviço")
    customer.click("text=Continuar")
    customer.fill("#id_subject", "Roteador reiniciando")
    customer.fill("#id_text", "Reinicia várias vezes por dia.")
    customer.fill("#id_campo_endereco", "Rua A, 10 — Loja 2")
    customer.select_option("#id_campo_horario", "Manhã")
    photo = tmp_path / "roteador.pdf"
    photo.write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    customer.set_input_files("#id_attachments", str(photo))
    customer.click("text=Enviar solicitação")
    customer.wait_for_load_state("networkidle")
    assert "roteador.pdf" in customer.content()
    customer.click("button[value=forward]")  # "Enviar para a empresa"
    customer.wait_for_load_state("networkidle")
    with activate(organization):
        ticket = Ticket.objects.get()
    assert ticket.stage.name == "Análise"

    agent = page_at(DESKTOP)
    sign_in(agent, admin_member.user.email)
    agent.goto(f"{agent.base}/{organization.slug}/atendimentos/{ticket.number}/")
    agent.select_option("#id_campo_horario", "Tarde")
    agent.click("#etapa button.secondary[type=submit]")  # save the fields
    agent.wait_for_load_state("networkidle")
    agent.fill("#id_text", "Trocar o roteador, com visita técnica à tarde.")
    agent.click(".understanding-form button[type=submit]")
    agent.wait_for_load_state("networkidle")

    customer.reload()
    assert "Trocar o roteador, com visita técnica à tarde." in customer.content()
    assert customer.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    customer.click("button[name=approve][value='1']")
    customer.wait_for_load_state("networkidle")

    agent.reload()
    assert "Execução" in agent.content()
    agent.fill("#id_campo_data", "2026-12-10")
    agent.click("button[name=move][value=conclude]")
    agent.wait_for_load_state("networkidle")

    with activate(organization):
        ticket.refresh_from_db()
    assert (ticket.status, ticket.field_values["horario"]) == ("done", "Tarde")
    customer.reload()
    assert customer.locator("button[name=move]").count() == 0  # read-only now
    assert customer.locator("textarea[name=body]").count() == 0
    assert "Concluído" in customer.content()
    customer.screenshot(path=str(tmp_path / "concluded.png"), full_page=True)
    assert customer.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert customer.errors == []
    assert agent.errors == []
