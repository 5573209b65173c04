"""The e-mail channel on the staff pages: the whole e-mail behind the trimmed text, the area's
e-mail alias and the address it receives at."""

import io

import pytest
from django.core.management import call_command

from atende.desk.models import Area, AreaResource
from atende.desk.tests import mail_samples as samples
from atende.desk.tests.factories import AreaFactory
from atende.tenancy.urls import org_reverse

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def desk_address(settings):
    settings.DESK_MAIL_ADDRESS = samples.DESK


@pytest.fixture
def support(organization, admin_member):
    area = AreaFactory(organization=organization, name="Suporte", is_default=True)
    AreaResource.objects.create(area=area, member=admin_member)
    return area


def pipe(message) -> None:
    call_command("desk_mail_in", stdin=io.BytesIO(message.as_bytes()), stdout=io.StringIO())


def test_the_ticket_page_shows_the_sender_and_keeps_the_whole_e_mail(
    client_as, admin_member, support, organization, django_assert_num_queries
):
    first = samples.plain("Sem sinal.\n\n-- \nRita <script>x</script>")
    pipe(first)
    pipe(
        samples.plain(
            "Ainda sem sinal.\n\nEm seg., 1 de dez. de 2026, Suporte escreveu:\n> Reiniciou?",
            headers={"In-Reply-To": first["Message-ID"]},
        )
    )
    url = org_reverse("desk:ticket", organization=organization, number=1)
    client = client_as(admin_member)
    # The e-mail that opened it is one query more than a web ticket's page (14).
    with django_assert_num_queries(15):
        page = client.get(url).content.decode()
    assert "Rita Souza &lt;rita@padaria.com.br&gt;" in page
    assert page.count('<details class="mail-original">') == 2
    assert "Rita &lt;script&gt;x&lt;/script&gt;" in page  # shown as text, escaped
    assert "<script>x</script>" not in page
    assert "&gt; Reiniciou?" in page


def test_the_area_alias_is_saved_shown_and_unique(client_as, admin_member, support, organization):
    client = client_as(admin_member)
    new = org_reverse("desk:area_new", organization=organization)
    saved = client.post(new, {"name": "Financeiro", "mail_alias": "financeiro", "is_active": "on"})
    assert saved.status_code == 302
    assert Area.objects.get(name="Financeiro").mail_alias == "financeiro"
    listing = client.get(org_reverse("desk:areas", organization=organization)).content.decode()
    assert "suporte+alfa.financeiro@atende.example" in listing
    assert "suporte+alfa@atende.example" in listing  # the default area's

    refused = client.post(new, {"name": "Cobrança", "mail_alias": "financeiro", "is_active": "on"})
    assert refused.status_code == 200
    assert "Outra área já usa o apelido de e-mail “financeiro”." in refused.content.decode()
    assert not Area.objects.filter(name="Cobrança").exists()
    bad = client.post(new, {"name": "Cobrança", "mail_alias": "cobrança.x", "is_active": "on"})
    assert bad.status_code == 200
    assert not Area.objects.filter(name="Cobrança").exists()
