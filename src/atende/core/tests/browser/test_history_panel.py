"""The history panel pages with htmx: "Older changes" swaps the panel in place."""

import pytest

from atende.core.tests.browser.conftest import DESKTOP, PHONE, sign_in

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


def test_on_a_phone_each_change_stacks_label_over_old_and_new(page_at, admin_member, organization):
    from atende.customers.tests.factories import CustomerFactory

    customer = CustomerFactory(organization=organization, document="")
    customer.never_send_to_credit_bureau = True  # the longest label of the registry
    customer.document = "11222333000181"
    customer.save()
    page = page_at(PHONE)
    sign_in(page, admin_member.user.email)
    page.goto(f"{page.base}/{organization.slug}/clientes/{customer.number}/historico/")

    row = page.locator("#historico .history-changes > div", has_text="SPC/Serasa").first
    label, value = row.locator("dt").bounding_box(), row.locator("dd").bounding_box()
    assert value["y"] >= label["y"] + label["height"] - 1  # below its label, not beside it
    assert value["width"] > 200  # the value has the row's width (once one character wide)
    assert page.locator("#historico dd", has_text="11.222.333/0001-81").count() == 1
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert page.errors == []
