"""The customer form shows company-only fields and the billing address only when they apply."""

import pytest

from atende.core.tests.browser.conftest import DESKTOP, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_company_fields_and_billing_address_follow_the_choices(page_at, admin_member, organization):
    page = page_at(DESKTOP)
    sign_in(page, admin_member.user.email)
    page.goto(f"{page.base}/{organization.slug}/clientes/novo/")
    trade_name, billing_cep = (
        page.locator("#id_trade_name"),
        page.locator("#id_billing_postal_code"),
    )

    assert trade_name.is_visible() is False  # a person (CPF) is the default
    assert billing_cep.is_visible() is False
    page.check("input[name=kind][value=company]")
    assert trade_name.is_visible() is True
    page.check("#id_has_billing_address")
    assert billing_cep.is_visible() is True
    page.check("input[name=kind][value=person]")
    assert trade_name.is_visible() is False
    assert page.errors == []


def test_origins_follow_the_origin_type(page_at, admin_member, organization):
    from atende.customers.models import Origin, OriginType
    from atende.tenancy.context import activate

    with activate(organization):
        digital = OriginType.objects.create(name="Mídia digital")
        printed = OriginType.objects.create(name="Mídia impressa")
        Origin.objects.create(origin_type=digital, name="Instagram")
        Origin.objects.create(origin_type=printed, name="Folheto")
    page = page_at(DESKTOP)
    sign_in(page, admin_member.user.email)
    page.goto(f"{page.base}/{organization.slug}/clientes/novo/")
    page.select_option("#id_origin_type", label="Mídia impressa")
    visible = page.eval_on_selector_all(
        "#id_origin option", "options => options.filter(o => !o.hidden && o.value).map(o => o.text)"
    )
    assert visible == ["Folheto"]


def test_masks_punctuate_as_one_types_and_the_keyboard_follows_the_kind(
    page_at, admin_member, organization
):
    page = page_at(DESKTOP)
    sign_in(page, admin_member.user.email)
    page.goto(f"{page.base}/{organization.slug}/clientes/novo/")
    page.type("#id_document", "11144477735")
    page.type("#id_postal_code", "13010000")
    page.type("#id_phone", "19991234567")
    page.fill("#id_registered_on", "")
    page.type("#id_registered_on", "05032026")
    values = [
        page.input_value(selector)
        for selector in ("#id_document", "#id_postal_code", "#id_phone", "#id_registered_on")
    ]
    assert values == ["111.444.777-35", "13010-000", "(19) 99123-4567", "05/03/2026"]
    assert page.get_attribute("#id_document", "inputmode") == "numeric"
    page.check("input[name=kind][value=company]")
    assert page.eval_on_selector("#id_document", "field => field.inputMode") == "text"
    assert page.errors == []


def test_a_destructive_action_asks_in_a_dialog_and_escape_keeps_everything(
    page_at, admin_member, organization
):
    from atende.customers.models import Customer
    from atende.customers.tests.factories import CustomerFactory
    from atende.tenancy.context import activate

    customer = CustomerFactory(organization=organization)
    page = page_at(DESKTOP)
    sign_in(page, admin_member.user.email)
    page.goto(f"{page.base}/{organization.slug}/clientes/{customer.number}/")
    button = page.locator("button[data-confirm]", has_text="Desativar cliente")
    button.click()
    dialog = page.locator("#confirmar")
    assert dialog.is_visible() is True
    assert "Nada é apagado" in dialog.inner_text()
    assert page.evaluate("document.activeElement.hasAttribute('data-confirm-cancel')") is True
    page.keyboard.press("Escape")
    assert dialog.is_visible() is False
    with activate(organization):
        assert Customer.objects.get(pk=customer.pk).is_active is True
    button.click()
    page.locator("[data-confirm-accept]").click()
    page.wait_for_load_state("networkidle")
    with activate(organization):
        assert Customer.objects.get(pk=customer.pk).is_active is False
    assert page.errors == []
