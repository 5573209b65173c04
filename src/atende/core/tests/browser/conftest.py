"""Headless Chromium (Debian's /usr/bin/chromium) driven by Playwright against live_server."""

import os
from pathlib import Path

import pytest

from atende.accounts.tests.factories import TEST_PASSWORD

CHROMIUM = Path(os.environ.get("ATENDE_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1366, "height": 900}


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"Chromium not found at {CHROMIUM}: install Debian's chromium")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls the test body
    # makes are still synchronous and single-threaded.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(
                executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
            )
            yield chromium
            chromium.close()
    finally:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


@pytest.fixture
def page_at(browser, live_server):
    """`page_at(viewport)` → a fresh page; console errors are collected on `page.errors`."""
    contexts = []

    def make(viewport=DESKTOP):
        context = browser.new_context(viewport=viewport, locale="pt-BR")
        contexts.append(context)
        page = context.new_page()
        page.errors = []
        page.on(
            "console", lambda msg: page.errors.append(msg.text) if msg.type == "error" else None
        )
        page.on("pageerror", lambda exc: page.errors.append(str(exc)))
        page.base = live_server.url
        return page

    yield make
    for context in contexts:
        context.close()


def sign_in(page, email: str, password: str = TEST_PASSWORD) -> None:
    page.goto(f"{page.base}/entrar/")
    page.fill("#id_email", email)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    page.wait_for_load_state("networkidle")
