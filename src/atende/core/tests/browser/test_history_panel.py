"""The history panel pages with htmx: "Older changes" swaps the panel in place."""

import pytest

from atende.core.tests.browser.conftest import DESKTOP, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_older_changes_loads_the_next_page_in_place(page_at, admin_member, member, organization):
    for _ in range(25):  # 1 creation + 25 changes = 26 entries: a page of 20, then 6
        member.only_own_portfolio = not member.only_own_portfolio
        member.save()
    page = page_at(DESKTOP)
    sign_in(page, admin_member.user.email)
    page.goto(f"{page.base}/{organization.slug}/configuracoes/usuarios/{member.pk}/")
    assert page.locator("#historico .history > li").count() == 20
    page.evaluate("window.sameDocument = true")  # gone if the browser loads a new page
    page.click("text=Alterações anteriores")
    page.locator("#historico .history > li", has_text="Criado").wait_for()
    assert page.locator("#historico .history > li").count() == 6
    assert page.evaluate("window.sameDocument") is True
    assert page.locator("#historico a", has_text="Alterações anteriores").count() == 0
    assert page.errors == []
