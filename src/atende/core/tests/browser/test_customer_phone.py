"""The customer list and page on a 375 px phone: compact cards, and a tab row whose "Mais"
menu holds the tabs that do not fit (in Chromium, as people see them)."""

import pytest

from atende.core.tests.browser.conftest import DESKTOP, PHONE, sign_in
from atende.customers.services.contacts import contact_save
from atende.customers.tests.factories import CustomerFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _overflow(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


def test_the_list_is_compact_cards_on_a_phone(page_at, admin_member, organization):
    customer = CustomerFactory(organization=organization, name="Padaria Pão Quente Ltda ME")
    contact_save(actor=admin_member, customer=customer, name="Rita Lee", email="rita@pao.com")
    CustomerFactory(organization=organization, name="Outro Cliente", category=None)
    page = page_at(PHONE)
    sign_in(page, admin_member.user.email)
    page.goto(f"{page.base}/{organization.slug}/clientes/?q=rita")
    page.wait_for_load_state("networkidle")

    card = page.locator("table.customer-cards tbody tr").first
    assert card.locator("td.card-title").is_visible()
    assert card.locator("td.card-extra").first.is_hidden()
    assert "Encontrado pelo contato Rita Lee" in card.inner_text()
    assert page.locator(".result-count").inner_text() == "1 cliente"
    box = card.bounding_box()
    assert box is not None
    assert box["height"] < 140  # name, reason and one line of facts
    assert _overflow(page) == 0
    assert page.errors == []
    page.screenshot(path="/tmp/atende-phone-list.png", full_page=True)


def test_the_customer_page_keeps_two_tabs_and_a_more_menu_on_a_phone(
    page_at, admin_member, organization
):
    customer = CustomerFactory(organization=organization)
    page = page_at(PHONE)
    sign_in(page, admin_member.user.email)
    page.goto(f"{page.base}/{organization.slug}/clientes/{customer.number}/")
    page.wait_for_load_state("networkidle")

    row = page.locator(".tab-row")
    assert row.get_by_role("link", name="Cadastro").is_visible()
    assert row.get_by_role("link", name="Contatos").is_visible()
    assert row.locator(".tabs").get_by_role("link", name="Observações").is_hidden()
    assert row.locator(".tabs").get_by_role("link", name="Histórico").is_hidden()
    page.locator(".tabs-more summary").click()
    page.screenshot(path="/tmp/atende-phone-tabs.png")
    history = page.locator(".tabs-more").get_by_role("link", name="Histórico")
    assert history.is_visible()
    history.click()
    page.wait_for_load_state("networkidle")
    assert page.url.endswith("/historico/")
    # The current tab stays in the row beside the first; Contatos moves into the menu.
    assert page.locator('.tabs a[aria-current="page"]').is_visible()
    assert row.locator(".tabs").get_by_role("link", name="Contatos").is_hidden()
    page.screenshot(path="/tmp/atende-phone-history.png")
    assert _overflow(page) == 0
    assert page.errors == []


def test_on_a_desktop_every_tab_is_in_the_row(page_at, admin_member, organization):
    customer = CustomerFactory(organization=organization)
    page = page_at(DESKTOP)
    sign_in(page, admin_member.user.email)
    page.goto(f"{page.base}/{organization.slug}/clientes/{customer.number}/")
    assert page.locator(".tabs").get_by_role("link", name="Histórico").is_visible()
    assert page.locator(".tabs-more").is_hidden()
