"""Plans and subscriptions on a phone (375 px): the pages scroll only downwards, the discount
rows and the invoice table stack, and no script error shows in the console."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from atende.billing.models import DiscountKind, Invoice
from atende.billing.services.plans import DiscountInput
from atende.billing.tests.factories import invoice
from atende.billing.tests.plans_factories import plan, subscription
from atende.core.tests.browser.conftest import PHONE, sign_in
from atende.customers.tests.factories import CustomerFactory
from atende.tenancy.context import activate

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDER_THAN_THE_SCREEN = "document.documentElement.scrollWidth - window.innerWidth"


def test_plan_and_subscription_pages_fit_a_phone(page_at, admin_member, organization):
    with activate(organization):
        fibra = plan(
            organization,
            actor=admin_member,
            name="Fibra Empresarial 1 Giga com IP fixo",
            discounts=(
                DiscountInput(DiscountKind.PROGRESSIVE, "50", 1, 3),
                DiscountInput(DiscountKind.EARLY_PAYMENT, "5", days_before_due=5),
            ),
        )
        customer = CustomerFactory(
            organization=organization, name="Padaria e Confeitaria Pão Quente Ltda"
        )
        sub = subscription(organization, actor=admin_member, plan=fibra, customer=customer)
        today = timezone.localdate()
        late = invoice(
            organization,
            actor=admin_member,
            customer=customer,
            account=sub.bank_account,
            amount=Decimal("1234.56"),
            issue_date=today - timedelta(days=30),
            due_date=today - timedelta(days=20),
        )
        Invoice.objects.filter(pk=late.pk).update(subscription=sub, period_start=sub.start_date)
    page = page_at(PHONE)
    sign_in(page, admin_member.user.email)
    base = f"{page.base}/{organization.slug}"

    for path in (
        "/configuracoes/planos/",
        f"/configuracoes/planos/{fibra.pk}/",
        "/configuracoes/planos/parametros/",
        "/financeiro/assinaturas/",
        f"/financeiro/assinaturas/{sub.number}/",
        f"/financeiro/assinaturas/{sub.number}/alterar/",
        f"/financeiro/assinaturas/nova/?cliente={customer.number}",
    ):
        page.goto(base + path)
        assert page.evaluate(WIDER_THAN_THE_SCREEN) <= 0, path

    page.goto(f"{base}/financeiro/assinaturas/{sub.number}/")
    assert page.locator("table.list td", has_text="R$ 1.234,56").count() == 1
    assert page.errors == []
