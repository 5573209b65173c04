"""Every shell page fits a 375 px phone and runs under the strict CSP without a console error."""

import pytest

from atende.core.tests.browser.conftest import DESKTOP, PHONE, sign_in
from atende.customers.tests.factories import CustomerFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = [
    "/",
    "/configuracoes/usuarios/",
    "/configuracoes/setores/",
    "/configuracoes/setores/novo/",
    "/perfil/",
    "/perfil/duas-etapas/",
    "/clientes/",
]


def overflow(page) -> int:
    """How many pixels the page is wider than the window (0 when nothing scrolls sideways)."""
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


@pytest.mark.parametrize("path", PAGES)
def test_pages_fit_a_phone_without_console_errors(page_at, admin_member, organization, path):
    CustomerFactory(organization=organization, name="Padaria Pão Quente Ltda ME")
    page = page_at(PHONE)
    sign_in(page, admin_member.user.email)
    page.goto(f"{page.base}/{organization.slug}{path}")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert page.evaluate("typeof window.htmx") == "object"
    assert page.errors == []  # a CSP violation (inline script or style) shows up here


def test_member_edit_fits_a_phone(page_at, admin_member, member, organization):
    page = page_at(PHONE)
    sign_in(page, admin_member.user.email)
    page.goto(f"{page.base}/{organization.slug}/configuracoes/usuarios/{member.pk}/")
    assert overflow(page) == 0
    assert page.errors == []


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_sign_in_page_fits_and_has_no_console_errors(page_at, viewport, db):
    page = page_at(viewport)
    page.goto(f"{page.base}/entrar/")
    page.wait_for_load_state("networkidle")
    assert overflow(page) == 0
    assert page.evaluate("document.documentElement.lang") == "pt-BR"
    assert page.errors == []


def test_lists_become_stacked_cards_on_a_phone(page_at, admin_member, organization):
    page = page_at(PHONE)
    sign_in(page, admin_member.user.email)
    page.goto(f"{page.base}/{organization.slug}/configuracoes/usuarios/")
    assert page.locator("table.list thead").is_hidden() is False  # still read by screen readers
    assert page.evaluate("getComputedStyle(document.querySelector('table.list tr')).display") == (
        "block"
    )
    label = page.evaluate(
        "getComputedStyle(document.querySelector('table.list td'), '::before').content"
    )
    assert label == '"Nome"'


def test_the_csp_really_blocks_an_inline_script(page_at, admin_member):
    # Proves the console check above can see a violation: inject one and watch it being reported.
    page = page_at(DESKTOP)
    sign_in(page, admin_member.user.email)
    page.evaluate(
        "() => { const s = document.createElement('script');"
        " s.textContent = 'window.injected = 1'; document.body.append(s); }"
    )
    page.wait_for_timeout(100)
    assert page.evaluate("window.injected") is None
    assert any("Content Security Policy" in error for error in page.errors)
