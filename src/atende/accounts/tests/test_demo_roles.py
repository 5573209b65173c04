"""The demo shows each role: sectors grant what their names suggest, one salesperson sees only
her portfolio, a member without a module meets a home page that says why and whom to ask, and
`demo_load` prints what each login shows."""

import io

import pytest
from django.core.management import call_command
from django.test import Client

from atende.accounts.management.commands.demo_load import DEMO_PASSWORD
from atende.accounts.permissions import can
from atende.accounts.tests.factories import SectorFactory
from atende.customers.models import Customer
from atende.customers.selectors import visible_customers
from atende.tenancy.context import activate
from atende.tenancy.models import Member, Organization
from atende.tenancy.urls import org_reverse

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_output():
    output = io.StringIO()
    call_command("demo_load", stdout=output)
    return output.getvalue()


def _member(email: str) -> Member:
    return Member.objects.select_related("user", "sector").get(user__email=email)


def test_demo_sectors_grant_what_their_names_suggest(demo_output):
    with activate(Organization.objects.get(slug="demo")):
        support = _member("suporte@demo.local")
        finance = _member("financeiro@demo.local")
        sales = _member("comercial@demo.local")
        people = _member("rh@demo.local")

        assert can(support, "desk.change_ticket")
        assert can(support, "customers.view_customer")
        assert not can(support, "customers.export_customer")
        assert can(finance, "customers.export_customer")
        assert can(finance, "desk.view_ticket")
        assert not can(finance, "customers.add_customer")
        assert can(sales, "customers.add_customer")
        assert not can(sales, "desk.change_ticket")
        assert not any(
            can(people, permission)
            for permission in ["customers.view_customer", "desk.view_ticket"]
        )
        assert not can(support, "accounts.manage_members")


def test_the_portfolio_salesperson_sees_only_her_part_of_the_customers(demo_output):
    with activate(Organization.objects.get(slug="demo")):
        seller = _member("vendas@demo.local")
        colleague = _member("comercial@demo.local")
        mine = visible_customers(seller)

        assert seller.only_own_portfolio is True
        assert 0 < mine.count() < Customer.objects.count()
        assert set(mine.values_list("owner_id", flat=True)) == {seller.pk}
        assert visible_customers(colleague).count() == Customer.objects.count()


def test_a_second_run_keeps_an_administrators_change_to_a_sector(demo_output):
    demo = Organization.objects.get(slug="demo")
    with activate(demo):
        support = _member("suporte@demo.local").sector
        support.permissions.remove(*support.permissions.filter(codename="change_ticket"))
    call_command("demo_load", stdout=io.StringIO())
    with activate(demo):
        assert not support.permissions.filter(codename="change_ticket").exists()
        assert support.permissions.filter(codename="view_ticket").exists()


def test_demo_load_prints_what_each_login_shows(demo_output):
    lines = {line.split()[0]: line for line in demo_output.splitlines() if "@" in line}

    assert "Clientes, Atendimentos" in lines["suporte@demo.local"]
    assert "Configurações" in lines["admin@demo.local"]
    assert "só a própria carteira" in lines["vendas@demo.local"]
    assert "nenhum módulo" in lines["rh@demo.local"]
    assert f"Senha de todos os usuários de demonstração: {DEMO_PASSWORD}" in demo_output


def test_the_rh_login_meets_a_home_page_that_says_why_and_whom_to_ask(demo_output):
    demo = Organization.objects.get(slug="demo")
    client = Client()
    client.post("/entrar/", {"email": "rh@demo.local", "password": DEMO_PASSWORD})

    page = client.get(org_reverse("tenancy:home", organization=demo)).content.decode()

    assert "Nenhum módulo está liberado para você ainda" in page
    assert "Seu setor, RH, ainda não dá acesso a nenhum módulo" in page
    assert "mailto:admin@demo.local" in page


def test_a_member_without_a_sector_is_told_so(client_as, member, admin_member, organization):
    page = client_as(member).get(org_reverse("tenancy:home", organization=organization))
    body = page.content.decode()

    assert "Você ainda não está em um setor" in body
    assert admin_member.user.email in body


def test_a_member_with_a_module_gets_its_cards_and_no_explanation(client_as, member, organization):
    from django.contrib.auth.models import Permission

    sector = SectorFactory(organization=organization, name="Atendimento")
    sector.permissions.set(Permission.objects.filter(codename="view_customer"))
    member.sector = sector
    member.save()

    body = client_as(member).get(org_reverse("tenancy:home", organization=organization))
    text = body.content.decode()

    assert 'href="/alfa/clientes/"' in text
    assert "Nenhum módulo" not in text
