"""The API documentation opens in a browser under the strict CSP, with its operations listed."""

import pytest

from atende.core.tests.browser.conftest import DESKTOP

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_swagger_ui_lists_the_operations_without_a_console_error(page_at):
    page = page_at(DESKTOP)
    page.goto(f"{page.base}/api/v1/docs")
    page.wait_for_selector(".opblock-summary", timeout=15_000)

    summaries = page.locator(".opblock-summary-description").all_inner_texts()
    assert "Lista e busca clientes" in summaries
    assert "Quem sou eu (usuário e empresa do token)" in summaries
    # Every script and style came from us: a CDN or an inline script would be a CSP error.
    assert page.errors == []
