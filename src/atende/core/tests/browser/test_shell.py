"""The shell in a real browser: sign-in, keyboard use, organization switcher, phone width."""

import pytest

from atende.accounts.tests.factories import MemberFactory
from atende.core.tests.browser.conftest import DESKTOP, PHONE, sign_in
from atende.customers.tests.factories import CustomerFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_sign_in_lands_on_the_organization_home(page_at, admin_member, organization):
    page = page_at(DESKTOP)
    sign_in(page, admin_member.user.email)
    assert page.url.endswith(f"/{organization.slug}/")
    assert page.locator("h1").inner_text() == "Olá, Ana"
    assert page.evaluate("typeof window.htmx") == "object"
    assert page.errors == []


def test_keyboard_reaches_the_skip_link_first(page_at, admin_member):
    page = page_at(DESKTOP)
    sign_in(page, admin_member.user.email)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#conteudo"


def test_switcher_lists_both_organizations_and_switches(page_at, admin_member, other_organization):
    MemberFactory(organization=other_organization, user=admin_member.user)
    page = page_at(DESKTOP)
    sign_in(page, admin_member.user.email)
    page.click(".org-switcher summary")
    items = page.locator(".org-switcher li a").all_inner_texts()
    assert items == ["Alfa Provedor Ltda", "Beta Serviços S.A."]
    page.click("text=Beta Serviços S.A.")
    page.wait_for_load_state("networkidle")
    assert page.url.endswith(f"/{other_organization.slug}/")


@pytest.mark.parametrize("path", ["/", "/configuracoes/usuarios/", "/perfil/", "/clientes/"])
def test_pages_fit_a_phone_without_csp_errors(page_at, admin_member, organization, path):
    CustomerFactory(organization=organization, name="Padaria Pão Quente Ltda ME")
    page = page_at(PHONE)
    sign_in(page, admin_member.user.email)
    page.goto(f"{page.base}/{organization.slug}{path}")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert [error for error in page.errors if "Content Security Policy" in error] == []


def test_customer_search_updates_results_as_you_type(page_at, admin_member, organization):
    CustomerFactory(organization=organization, name="João Pereira")
    CustomerFactory(organization=organization, name="Maria Souza")
    page = page_at(DESKTOP)
    sign_in(page, admin_member.user.email)
    page.goto(f"{page.base}/{organization.slug}/clientes/")
    page.fill("#id_q", "joao")
    page.locator("#results", has_not_text="Maria Souza").wait_for()
    assert "João Pereira" in page.locator("#results").inner_text()
    assert "?q=joao" in page.url  # the search is in the address, so it can be shared
