"""Save PNG screenshots of the shell pages at phone and desktop widths, to look at them.

Usage: start the server (`make run`), load the demo data, then
    .venv/bin/python scripts/screenshots.py [--base http://127.0.0.1:8000] [--out var/screenshots]
It starts nothing itself and uses Debian's /usr/bin/chromium (it never downloads a browser).
Pages whose address depends on the data (a member, a sector, a customer) are found by
following the first link of their list, so the script does not rely on database ids.
"""

import argparse
import os
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
WIDTHS = {"phone": {"width": 375, "height": 812}, "desktop": {"width": 1366, "height": 900}}
# (name, path, selector of the link to follow on that page, or None to shoot the page itself)
PAGES = [
    ("home", "/{org}/", None),
    ("profile", "/{org}/perfil/", None),
    ("totp", "/{org}/perfil/duas-etapas/", None),
    ("members", "/{org}/configuracoes/usuarios/", None),
    ("members-empty", "/{org}/configuracoes/usuarios/?q=ninguem-com-este-nome", None),
    ("invite", "/{org}/configuracoes/usuarios/convidar/", None),
    ("member-edit", "/{org}/configuracoes/usuarios/", "table.list tbody a"),
    ("sectors", "/{org}/configuracoes/setores/", None),
    ("sector-new", "/{org}/configuracoes/setores/novo/", None),
    ("sector-edit", "/{org}/configuracoes/setores/", "table.list tbody a"),
    ("customers", "/{org}/clientes/", None),
    ("customer", "/{org}/clientes/", "table.list tbody a"),
    # Customer codes are per organization and the demo numbers them from 1.
    ("customer-history", "/{org}/clientes/1/historico/", None),
    ("desk-queue", "/{org}/atendimentos/", None),
    ("desk-overdue", "/{org}/atendimentos/?scope=open&sla=overdue", None),
    ("desk-ticket", "/{org}/atendimentos/?scope=all", "table.list tbody td:nth-child(3) a"),
    ("desk-new", "/{org}/atendimentos/novo/", None),
    ("desk-areas", "/{org}/configuracoes/atendimentos/", None),
    ("request-types", "/{org}/configuracoes/solicitacoes/", None),
    ("request-type", "/{org}/configuracoes/solicitacoes/", "table.list tbody a"),
    ("service-order", "/{org}/atendimentos/ordens-de-servico/1/", None),
    ("service-order-edit", "/{org}/atendimentos/ordens-de-servico/1/alterar/", None),
    ("service-order-settings", "/{org}/configuracoes/ordens-de-servico/", None),
    ("billing-invoices", "/{org}/financeiro/", None),
    ("billing-overdue", "/{org}/financeiro/?situacao=overdue", None),
    ("billing-invoice", "/{org}/financeiro/?situacao=partial", "table.list tbody a"),
    ("billing-invoice-new", "/{org}/financeiro/titulos/novo/", None),
    ("billing-customer-tab", "/{org}/clientes/2/financeiro/", None),
    ("billing-bank-accounts", "/{org}/configuracoes/contas-bancarias/", None),
    ("billing-bank-account", "/{org}/configuracoes/contas-bancarias/", "table.list tbody a"),
    ("billing-returns", "/{org}/financeiro/retornos/", None),
    ("billing-manual", "/{org}/financeiro/baixa-manual/", None),
    ("billing-subscriptions", "/{org}/financeiro/assinaturas/", None),
    ("billing-subscription", "/{org}/financeiro/assinaturas/", "table.list tbody a"),
    ("billing-plans", "/{org}/configuracoes/planos/", None),
    ("billing-plan", "/{org}/configuracoes/planos/", "table.list tbody a"),
    ("billing-batch-new", "/{org}/financeiro/lotes/novo/", None),
    ("billing-batches", "/{org}/financeiro/lotes/", None),
    ("billing-cards", "/{org}/financeiro/clientes/2/cartoes/", None),
    ("not-found", "/{org}/nao-existe/", None),
]
# The Webdesk, signed in as the demo customer's manager (sees every request of the customer).
PORTAL_PAGES = [
    ("portal-requests", "/{org}/webdesk/solicitacoes/", None),
    ("portal-my-turn", "/{org}/webdesk/solicitacoes/?filtro=minha-vez", None),
    (
        "portal-request",
        "/{org}/webdesk/solicitacoes/?filtro=minha-vez",
        "a.request-title",
    ),
    ("portal-new", "/{org}/webdesk/solicitacoes/nova/", None),
    ("portal-new-form", "/{org}/webdesk/solicitacoes/nova/?tipo=", "input[name=tipo]"),
    ("portal-tokens", "/{org}/webdesk/acesso-api/", None),
    ("portal-financial", "/{org}/webdesk/financeiro/", None),
]


def rendered_error_page(template: str) -> str:
    """Render an error template in-process: a DEBUG server shows Django's technical page instead."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "atende.settings")
    os.environ.setdefault("DEBUG", "1")  # a developer tool, like `make run` (DEBUG is off unset)
    import django
    from django.template.loader import render_to_string

    django.setup()
    return render_to_string(template)


def goto_not_found(page, url: str) -> None:
    page.goto(url)
    if "DEBUG = True" not in page.content():
        return
    html = rendered_error_page("404.html")
    page.route(url, lambda route: route.fulfill(status=404, content_type="text/html", body=html))
    page.goto(url)
    page.unroute(url)


def shoot(page, path: Path) -> None:
    page.wait_for_load_state("networkidle")
    page.screenshot(path=path, full_page=True)


def shoot_portal(browser, viewport, label: str, options, out: Path) -> None:
    context = browser.new_context(viewport=viewport, locale="pt-BR")
    page = context.new_page()
    page.goto(f"{options.base}/{options.org}/webdesk/entrar/")
    shoot(page, out / f"{label}-portal-login.png")
    page.fill("#id_email", options.portal_email)
    page.fill("#id_password", options.password)
    page.click("main button[type=submit]")
    page.wait_for_load_state("networkidle")
    for name, path, follow in PORTAL_PAGES:
        if not name.startswith(tuple(options.only.split(","))):
            continue
        page.goto(options.base + path.format(org=options.org))
        if follow:
            target = page.locator(follow).first
            if target.count() == 0:
                sys.stderr.write(f"skipped {name}: nothing matches {follow}\n")
                continue
            if name == "portal-new-form":  # choose the first type, then continue
                target.check()
                page.click("main form button[type=submit]")
            else:
                target.click()
        shoot(page, out / f"{label}-{name}.png")
    context.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    parser.add_argument("--out", default="var/screenshots")
    parser.add_argument("--org", default="demo", help="organization slug")
    parser.add_argument("--email", default="admin@demo.local")
    parser.add_argument("--password", default="atende-demo-2026")
    parser.add_argument(
        "--portal-email", default="", help="a Webdesk login, e.g. gerente@demo-cliente.local"
    )
    parser.add_argument(
        "--only", default="", help="only pages whose names start so (comma-separated)"
    )
    options = parser.parse_args()
    out = Path(options.out)
    out.mkdir(parents=True, exist_ok=True)
    saved = 0
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        for label, viewport in WIDTHS.items():
            context = browser.new_context(viewport=viewport, locale="pt-BR")
            page = context.new_page()
            page.goto(f"{options.base}/entrar/")
            shoot(page, out / f"{label}-login.png")
            page.fill("#id_email", options.email)
            page.fill("#id_password", options.password)
            page.click("button[type=submit]")
            page.wait_for_load_state("networkidle")
            # The first Tab shows the skip link and its focus ring.
            page.keyboard.press("Tab")
            shoot(page, out / f"{label}-focus-skip-link.png")
            for name, path, follow in PAGES:
                if not name.startswith(tuple(options.only.split(","))):
                    continue
                url = options.base + path.format(org=options.org)
                if name == "not-found":
                    goto_not_found(page, url)
                else:
                    page.goto(url)
                if follow:
                    link = page.locator(follow).first
                    if link.count() == 0:
                        sys.stderr.write(f"skipped {name}: nothing matches {follow}\n")
                        continue
                    link.click()
                shoot(page, out / f"{label}-{name}.png")
                saved += 1
            if options.portal_email:
                shoot_portal(browser, viewport, label, options, out)
                saved += len(PORTAL_PAGES)
            # The menus open, as they look over the page.
            page.goto(f"{options.base}/{options.org}/")
            page.click(".user-menu summary")
            page.screenshot(path=out / f"{label}-user-menu.png")
            context.close()
        browser.close()
    sys.stdout.write(f"{saved} screenshots in {out}/\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
