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
