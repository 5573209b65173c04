"""Plan, billing-parameter and subscription pages: forms that work without JavaScript, refused
input shown on the form (never a 500), the customer's flags on the form, the record rule on
lists and pages, and the queries of the main pages."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from atende.accounts.modules import module_permissions
from atende.accounts.tests.factories import MemberFactory, SectorFactory
from atende.billing.models import (
    BillingSettings,
    DiscountKind,
    Plan,
    Subscription,
    SubscriptionStatus,
)
from atende.billing.services.plans import DiscountInput
from atende.billing.tests.factories import bank_account, invoice
from atende.billing.tests.isolation_plans import PLAN_BODY, SETTINGS_BODY, subscription_body
from atende.billing.tests.plans_factories import plan, subscription
from atende.customers.models import Address
from atende.customers.tests.factories import CustomerFactory
from atende.tenancy.urls import org_reverse

pytestmark = pytest.mark.django_db
D = Decimal


def url(organization, name, **kwargs) -> str:
    return org_reverse(f"billing:{name}", organization=organization, **kwargs)


def test_the_plan_list_shows_each_plan_with_its_discounts(
    organization, admin_member, client_as, django_assert_num_queries
):
    plan(
        organization,
        actor=admin_member,
        amount="99.90",
        discounts=(
            DiscountInput(DiscountKind.PROGRESSIVE, "50", 1, 3),
            DiscountInput(DiscountKind.EARLY_PAYMENT, "5", days_before_due=3),
        ),
    )
    plan(organization, actor=admin_member, name="Rádio 10 Mega", period=12)
    client = client_as(admin_member)
    client.get(url(organization, "plans"))  # warm the session and member caches

    with django_assert_num_queries(7):
        page = client.get(url(organization, "plans"))

    html = page.content.decode()
    assert page.status_code == 200
    assert "Fibra 300 Mega" in html
    assert "Rádio 10 Mega" in html
    assert "R$ 99,90" in html
    assert "50%" in html  # the sentence around it is translated
    assert "1–3" in html


def test_a_plan_is_created_with_its_discounts_and_more_lines_keeps_the_typing(
    organization, admin_member, client_as
):
    client = client_as(admin_member)

    more = client.post(url(organization, "plan_new"), {**PLAN_BODY, "more_rows": "1"})
    assert more.status_code == 200
    assert more.context["discounts"].total_form_count() == 3
    assert Plan.objects.count() == 0

    saved = client.post(url(organization, "plan_new"), PLAN_BODY)

    assert saved.status_code == 302
    made = Plan.objects.get()
    assert (made.name, made.amount, made.period) == ("Fibra 500 Mega", D("129.90"), 1)
    assert list(made.discounts.values_list("kind", "percent", "last_installment")) == [
        ("progressive", D("50.000"), 3)
    ]


def test_a_refused_plan_comes_back_with_its_errors(organization, admin_member, client_as):
    body = {
        **PLAN_BODY,
        "amount": "abc",
        "descontos-0-first_installment": "4",
        "descontos-0-last_installment": "2",
    }
    refused = client_as(admin_member).post(url(organization, "plan_new"), body)
    assert refused.status_code == 400
    assert "amount" in refused.context["form"].errors
    assert Plan.objects.count() == 0

    body = {**PLAN_BODY, "descontos-0-first_installment": "4", "descontos-0-last_installment": "2"}
    refused = client_as(admin_member).post(url(organization, "plan_new"), body)
    assert refused.status_code == 400
    assert "as parcelas" in refused.content.decode()
    assert Plan.objects.count() == 0


def test_editing_a_plan_shows_its_discounts_and_saves_changes(
    organization, admin_member, client_as
):
    made = plan(
        organization,
        actor=admin_member,
        discounts=(DiscountInput(DiscountKind.EARLY_PAYMENT, "5", days_before_due=3),),
    )
    client = client_as(admin_member)
    form = client.get(url(organization, "plan_edit", pk=made.pk))
    assert form.context["discounts"].initial == [
        {
            "kind": "early_payment",
            "percent": D("5.000"),
            "first_installment": None,
            "last_installment": None,
            "days_before_due": 3,
        }
    ]

    saved = client.post(url(organization, "plan_edit", pk=made.pk), {**PLAN_BODY, "is_active": ""})

    assert saved.status_code == 302
    made.refresh_from_db()
    assert (made.name, made.is_active) == ("Fibra 500 Mega", False)
    assert made.discounts.get().kind == DiscountKind.PROGRESSIVE


def test_the_billing_parameters_are_saved(organization, admin_member, client_as):
    client = client_as(admin_member)
    form = client.get(url(organization, "plans_settings"))
    assert form.context["form"].initial == {
        "invoice_days_before": 10,
        "remind_days_before": 5,
        "overdue_notice_days": 1,
        "suspend_after_days": 15,
    }

    assert client.post(url(organization, "plans_settings"), SETTINGS_BODY).status_code == 302
    refused = client.post(
        url(organization, "plans_settings"), {**SETTINGS_BODY, "suspend_after_days": "0"}
    )

    assert refused.status_code == 400
    current = BillingSettings.objects.get()
    assert (current.invoice_days_before, current.suspend_after_days) == (7, 20)


def test_the_subscription_list_filters_by_status(
    organization, admin_member, client_as, django_assert_num_queries
):
    account = bank_account(organization)
    fibra = plan(organization, actor=admin_member)
    active = subscription(organization, actor=admin_member, plan=fibra, account=account)
    suspended = subscription(organization, actor=admin_member, plan=fibra, account=account)
    Subscription.objects.filter(pk=suspended.pk).update(status=SubscriptionStatus.SUSPENDED)
    client = client_as(admin_member)
    client.get(url(organization, "subscriptions"))

    # session, user, organization, member, the page of subscriptions, the organization menu
    with django_assert_num_queries(6):
        everything = client.get(url(organization, "subscriptions"))
    only = client.get(url(organization, "subscriptions"), {"status": "suspended"})

    assert [s.number for s in everything.context["page"].items] == [
        suspended.number,
        active.number,
    ]
    assert [s.number for s in only.context["page"].items] == [suspended.number]
    assert only.content.decode().count('class="badge warn"') == 1


def test_a_new_subscription_from_the_customer_code(organization, admin_member, client_as):
    customer = CustomerFactory(organization=organization, allow_promotional_discount=False)
    home = Address.objects.create(customer=customer, label="Sítio", street="Estrada 1")
    fibra = plan(organization, actor=admin_member)
    account = bank_account(organization)
    client = client_as(admin_member)

    picker = client.get(url(organization, "subscription_new"))
    assert picker.templates[0].name == "billing/plans_subscription_pick.html"
    form = client.get(url(organization, "subscription_new"), {"cliente": customer.number})
    assert "promotional_percent" not in form.context["form"].fields
    assert list(form.context["form"].fields["address"].queryset) == [home]
    assert "Fibra 300 Mega – R$ 100,00" in form.content.decode()  # the plan shows its price

    body = subscription_body(
        plan_id=fibra.pk, account_id=account.pk, address=str(home.pk), amount="79,90"
    )
    saved = client.post(url(organization, "subscription_new") + f"?cliente={customer.number}", body)

    made = Subscription.objects.get()
    assert saved.status_code == 302
    assert saved["Location"] == url(organization, "subscription", number=made.number)
    assert (made.customer, made.address, made.amount, made.billing_day) == (
        customer, home, D("79.90"), 15
    )  # fmt: skip


def test_a_refused_subscription_shows_the_errors(organization, admin_member, client_as):
    customer = CustomerFactory(organization=organization)
    fibra = plan(organization, actor=admin_member)
    account = bank_account(organization)
    account.is_active = False
    account.save(update_fields=["is_active"])

    refused = client_as(admin_member).post(
        url(organization, "subscription_new"),
        subscription_body(
            plan_id=fibra.pk, account_id=account.pk, cliente=str(customer.number), billing_day="31"
        ),
    )

    assert refused.status_code == 400
    errors = refused.context["form"].errors
    assert set(errors) == {"bank_account", "billing_day"}
    assert Subscription.objects.count() == 0


def test_the_detail_page_lists_the_invoices_and_marks_the_overdue(
    organization, admin_member, client_as, django_assert_num_queries
):
    from atende.billing.models import Invoice

    sub = subscription(organization, actor=admin_member)
    today = timezone.localdate()
    late = invoice(
        organization,
        actor=admin_member,
        customer=sub.customer,
        account=sub.bank_account,
        issue_date=today - timedelta(days=30),
        due_date=today - timedelta(days=20),
    )
    Invoice.objects.filter(pk=late.pk).update(subscription=sub, period_start=date(2026, 1, 1))
    client = client_as(admin_member)
    client.get(url(organization, "subscription", number=sub.number))

    # session, user, organization, member, subscription, its invoices, the organization menu
    with django_assert_num_queries(7):
        page = client.get(url(organization, "subscription", number=sub.number))

    assert [i.number for i in page.context["invoices"]] == [late.number]
    assert page.context["invoices"][0].is_overdue is True
    html = page.content.decode()
    assert url(organization, "subscription_edit", number=sub.number) in html
    assert url(organization, "subscription_cancel", number=sub.number) in html


def test_change_and_cancel_a_subscription(organization, admin_member, client_as):
    sub = subscription(organization, actor=admin_member)
    client = client_as(admin_member)

    changed = client.post(
        url(organization, "subscription_edit", number=sub.number),
        subscription_body(plan_id=sub.plan_id, account_id=sub.bank_account_id, amount="50"),
    )
    cancelled = client.post(url(organization, "subscription_cancel", number=sub.number))
    after = client.get(url(organization, "subscription_edit", number=sub.number))

    assert (changed.status_code, cancelled.status_code, after.status_code) == (302, 302, 302)
    sub.refresh_from_db()
    assert (sub.amount, sub.billing_day, sub.status) == (
        D("50.00"), 15, SubscriptionStatus.CANCELLED
    )  # fmt: skip
    page = client.get(url(organization, "subscription", number=sub.number))
    assert url(organization, "subscription_edit", number=sub.number) not in page.content.decode()


def test_a_member_limited_to_their_portfolio_sees_only_their_customers_subscriptions(
    organization, admin_member, client_as
):
    sector = SectorFactory(organization=organization, name="Cobrança")
    sector.permissions.set(
        [p for p in module_permissions() if p.content_type.app_label == "billing"]
    )
    seller = MemberFactory(organization=organization, sector=sector, only_own_portfolio=True)
    mine = subscription(
        organization,
        actor=admin_member,
        customer=CustomerFactory(organization=organization, owner=seller),
    )
    theirs = subscription(
        organization,
        actor=admin_member,
        customer=CustomerFactory(organization=organization, owner=admin_member),
    )
    client = client_as(seller)

    listed = client.get(url(organization, "subscriptions"))
    hidden = client.get(url(organization, "subscription", number=theirs.number))
    cancel = client.post(url(organization, "subscription_cancel", number=theirs.number))
    new = client.get(url(organization, "subscription_new"), {"cliente": theirs.customer.number})

    assert [s.number for s in listed.context["page"].items] == [mine.number]
    assert (hidden.status_code, cancel.status_code, new.status_code) == (404, 404, 404)
    assert Subscription.objects.get(pk=theirs.pk).status == SubscriptionStatus.ACTIVE
