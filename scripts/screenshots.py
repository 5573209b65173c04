"""Save PNG screenshots of the main pages at phone and desktop widths, to look at them.

Usage: start the server (`make run`), then
    .venv/bin/python scripts/screenshots.py [--base http://127.0.0.1:8000] [--out var/screenshots]
Uses Debian's /usr/bin/chromium (never downloads a browser).
"""

import argparse
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
WIDTHS = {"phone": {"width": 375, "height": 812}, "desktop": {"width": 1366, "height": 900}}
PAGES = [
    ("home", "/demo/"),
    ("profile", "/demo/perfil/"),
    ("totp", "/demo/perfil/duas-etapas/"),
    ("members", "/demo/configuracoes/usuarios/"),
    ("invite", "/demo/configuracoes/usuarios/convidar/"),
    ("sectors", "/demo/configuracoes/setores/"),
    ("sector-edit", "/demo/configuracoes/setores/1/"),
    ("customers", "/demo/clientes/"),
    ("customers-search", "/demo/clientes/?q=silva"),
    ("customer", "/demo/clientes/1/"),
    ("customer-contacts", "/demo/clientes/1/contatos/"),
    ("customer-history", "/demo/clientes/1/historico/"),
    ("customer-documents", "/demo/clientes/1/documentos/"),
    ("customer-edit", "/demo/clientes/1/editar/"),
    ("customer-new", "/demo/clientes/novo/"),
    ("customer-settings", "/demo/configuracoes/clientes/"),
    ("not-found", "/demo/nao-existe/"),
]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    parser.add_argument("--out", default="var/screenshots")
    parser.add_argument("--email", default="admin@demo.local")
    parser.add_argument("--password", default="atende-demo-2026")
    options = parser.parse_args()
    out = Path(options.out)
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        for label, viewport in WIDTHS.items():
            page = browser.new_context(viewport=viewport, locale="pt-BR").new_page()
            page.goto(f"{options.base}/entrar/")
            page.screenshot(path=out / f"{label}-login.png", full_page=True)
            page.fill("#id_email", options.email)
            page.fill("#id_password", options.password)
            page.click("button[type=submit]")
            page.wait_for_load_state("networkidle")
            for name, path in PAGES:
                page.goto(options.base + path)
                page.wait_for_load_state("networkidle")
                page.screenshot(path=out / f"{label}-{name}.png", full_page=True)
        browser.close()
    sys.stdout.write(f"Screenshots in {out}/\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
