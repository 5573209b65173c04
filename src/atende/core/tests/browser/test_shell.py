"""The shell in a real browser: sign-in, keyboard use, organization switcher, menus."""

import pytest

from atende.accounts.tests.factories import MemberFactory
from atende.core.tests.browser.conftest import DESKTOP, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def tab_to(page, selector: str, limit: int = 10) -> None:
    """Press Tab until the element matching `selector` has the focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches({selector!r})"):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_sign_in_lands_on_the_organization_home(page_at, admin_member, organization):
    page = page_at(DESKTOP)
    sign_in(page, admin_member.user.email)
    assert page.url == f"{page.base}/{organization.slug}/"
    assert page.locator("h1").inner_text() == "Olá, Ana"
    assert page.locator(".mainnav a[aria-current=page]").inner_text() == "Início"
    assert page.evaluate("typeof window.htmx") == "object"
    assert page.errors == []


def test_wrong_password_stays_on_the_form_with_the_message(page_at, admin_member):
    page = page_at(DESKTOP)
    sign_in(page, admin_member.user.email, password="errada-123")
    assert page.url.startswith(f"{page.base}/entrar/")
    assert page.locator(".form-errors[role=alert]").count() == 1
    assert page.input_value("#id_email") == admin_member.user.email


def test_first_tab_reaches_the_skip_link_and_enter_moves_focus_to_main(page_at, admin_member):
    page = page_at(DESKTOP)
    sign_in(page, admin_member.user.email)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    assert page.locator(".skip-link").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "conteudo"
    # The next Tab continues inside the page, not back in the top bar.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('main') !== null")


def test_switcher_opens_with_the_keyboard_and_goes_to_the_other_organization(
    page_at, admin_member, other_organization
):
    MemberFactory(organization=other_organization, user=admin_member.user)
    page = page_at(DESKTOP)
    sign_in(page, admin_member.user.email)
    tab_to(page, ".org-switcher summary")
    page.keyboard.press("Enter")
    assert page.evaluate("document.querySelector('.org-switcher').open") is True
    items = page.locator(".org-switcher li a")
    assert items.all_inner_texts() == ["Alfa Provedor Ltda", "Beta Serviços S.A."]
    assert items.nth(0).get_attribute("aria-current") == "true"
    tab_to(page, ".org-switcher li:nth-child(2) a", limit=3)
    page.keyboard.press("Enter")
    page.wait_for_url(f"{page.base}/{other_organization.slug}/")
    assert page.locator(".org-switcher .org-name").inner_text() == "Beta Serviços S.A."


def test_single_organization_shows_its_name_without_a_switcher(page_at, admin_member):
    page = page_at(DESKTOP)
    sign_in(page, admin_member.user.email)
    assert page.locator(".org-switcher").count() == 0
    assert page.locator(".topbar .org-name").inner_text() == "Alfa Provedor Ltda"


def test_escape_closes_the_open_menu_and_returns_focus(page_at, admin_member):
    page = page_at(DESKTOP)
    sign_in(page, admin_member.user.email)
    tab_to(page, ".user-menu summary")
    page.keyboard.press("Enter")
    assert page.locator(".user-menu .menu-list").is_visible()
    page.keyboard.press("Tab")  # into the menu: "Meu perfil"
    assert page.evaluate("document.activeElement.closest('.user-menu') !== null")
    page.keyboard.press("Escape")
    assert page.evaluate("document.querySelector('.user-menu').open") is False
    assert page.evaluate("document.activeElement.matches('.user-menu summary')")


def test_a_click_outside_closes_the_open_menu(page_at, admin_member):
    page = page_at(DESKTOP)
    sign_in(page, admin_member.user.email)
    page.click(".user-menu summary")
    assert page.locator(".user-menu .menu-list").is_visible()
    page.click("h1")
    assert page.locator(".user-menu .menu-list").is_hidden()


def test_sign_out_from_the_user_menu(page_at, admin_member):
    page = page_at(DESKTOP)
    sign_in(page, admin_member.user.email)
    page.click(".user-menu summary")
    page.click("text=Sair")
    page.wait_for_load_state("networkidle")
    assert "/entrar/" in page.url
    page.goto(f"{page.base}/alfa/")
    assert "/entrar/" in page.url
