"""Card payments (B8): storing a card (never its number), charging an invoice on it against the
local Pagar.me (approved, declined, no answer then retried with the same key), and who may."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission

from atende.accounts.tests.factories import MemberFactory, SectorFactory
from atende.billing.gateway.tests.pagarme_stub import Reply
from atende.billing.models import CardCharge, InvoiceStatus, Payment, PaymentSource, StoredCard
from atende.billing.services.cards import CardChargeStatus, card_charge, card_store
from atende.billing.tests.cards_helpers import (  # noqa: F401  the *_fixture are fixtures
    ORDERS,
    digit_runs_in_billing_rows,
    order,
    pagarme_fixture,
    pagarme_key_fixture,
    stored_card,
)
from atende.billing.tests.factories import invoice
from atende.core.errors import DomainError
from atende.customers.tests.factories import CustomerFactory
from atende.tenancy.urls import org_reverse

pytestmark = pytest.mark.django_db
A_CARD_NUMBER = "4000000000000010"


def url(organization, name, **kwargs):
    return org_reverse(name, organization=organization, **kwargs)


# -- storing a card ----------------------------------------------------------------------------


def test_a_card_is_stored_by_its_gateway_id_brand_and_last_digits(organization, admin_member):
    customer = CustomerFactory(organization=organization)

    card = card_store(
        actor=admin_member, customer=customer, token=" card_gAP32x6tKcXoVxQ6 ",
        customer_ref="cus_x9NZAKNtz2ivPQ0k", brand="Visa", last_digits="0010",
    )  # fmt: skip

    stored = StoredCard.objects.get()
    assert stored == card
    assert (stored.customer, stored.gateway, stored.token, stored.gateway_customer) == (
        customer, "pagarme", "card_gAP32x6tKcXoVxQ6", "cus_x9NZAKNtz2ivPQ0k"
    )  # fmt: skip
    assert (stored.brand, stored.last_digits, stored.is_active) == ("Visa", "0010", True)


@pytest.mark.parametrize(
    ("token", "message"),
    [
        (A_CARD_NUMBER, "Recebemos um número de cartão em vez de um token"),
        ("4000 0000 0000 0010", "Recebemos um número de cartão em vez de um token"),
        ("card_4000000000000010", "Não informe o número do cartão"),
        ("token_Dbq4wLnHGfOzR7kV", "não um token de uso único"),
        ("", "Informe o token do cartão"),
    ],
)
def test_a_card_number_or_a_one_time_token_is_refused(organization, admin_member, token, message):
    customer = CustomerFactory(organization=organization)

    with pytest.raises(DomainError) as refused:
        card_store(
            actor=admin_member, customer=customer, token=token,
            customer_ref="cus_x9NZAKNtz2ivPQ0k", brand="Visa", last_digits="0010",
        )  # fmt: skip

    assert message in refused.value.message
    assert refused.value.field == "token"
    assert StoredCard.objects.count() == 0


def test_the_cards_page_refuses_a_card_number_and_stores_nothing(
    organization, admin_member, client_as
):
    customer = CustomerFactory(organization=organization)
    page = url(organization, "billing:customer_cards", number=customer.number)
    body = {"token": A_CARD_NUMBER, "customer_ref": "cus_x9NZAKNtz2ivPQ0k", "brand": "Visa",
            "last_digits": "0010"}  # fmt: skip

    response = client_as(admin_member).post(page, body)

    assert response.status_code == 400
    assert "número de cartão" in response.content.decode()
    assert StoredCard.objects.count() == 0
    assert digit_runs_in_billing_rows() == []


def test_the_cards_page_adds_lists_and_deactivates_a_card(organization, admin_member, client_as):
    customer = CustomerFactory(organization=organization)
    page = url(organization, "billing:customer_cards", number=customer.number)
    client = client_as(admin_member)
    body = {"token": "card_gAP32x6tKcXoVxQ6", "customer_ref": "cus_x9NZAKNtz2ivPQ0k",
            "brand": "Visa", "last_digits": "0010"}  # fmt: skip

    assert client.post(page, body).status_code == 302
    card = StoredCard.objects.get()
    listed = client.get(page).content.decode()
    assert "Visa •••• 0010" in listed
    assert "card_gAP32x6tKcXoVxQ6" in listed

    response = client.post(url(organization, "billing:card_deactivate", pk=card.pk))

    assert response.status_code == 302
    assert response.url == page
    card.refresh_from_db()
    assert card.is_active is False


# -- charging ----------------------------------------------------------------------------------


def test_an_approved_charge_pays_the_invoice_with_source_card(
    organization, admin_member, client_as, pagarme
):
    bill = invoice(organization, actor=admin_member, amount=Decimal("150.00"))
    card = stored_card(bill.customer)
    pagarme.reply("POST", ORDERS, Reply(200, order("paid", cents=15000)))

    response = client_as(admin_member).post(
        url(organization, "billing:invoice_card_charge", number=bill.number),
        {"card": card.pk},
        follow=True,
    )

    assert response.status_code == 200
    assert "aprovado no cartão" in response.content.decode()
    (sent,) = pagarme.api("POST")
    charge = CardCharge.objects.get()
    assert sent.headers["idempotency-key"] == charge.idempotency_key
    assert sent.json()["payments"][0]["credit_card"]["card_id"] == "card_gAP32x6tKcXoVxQ6"
    assert sent.json()["customer_id"] == "cus_x9NZAKNtz2ivPQ0k"
    assert sent.json()["items"][0]["amount"] == 15000
    assert (charge.status, charge.gateway_id, charge.amount, charge.message) == (
        CardChargeStatus.APPROVED, "ch_0EQdZmXs1cLgJz7q", Decimal("150.00"), ""
    )  # fmt: skip
    bill.refresh_from_db()
    assert bill.status == InvoiceStatus.PAID
    assert bill.paid_amount == Decimal("150.00")
    payment = Payment.objects.get()
    assert payment.source == PaymentSource.CARD
    assert payment.occurrence_key == "card:ch_0EQdZmXs1cLgJz7q"
    assert payment.card_charge_id == "ch_0EQdZmXs1cLgJz7q"
    assert payment.created_by == admin_member
    assert digit_runs_in_billing_rows() == []


def test_a_declined_card_shows_the_reason_and_pays_nothing(
    organization, admin_member, client_as, pagarme
):
    bill = invoice(organization, actor=admin_member)
    card = stored_card(bill.customer)
    pagarme.reply("POST", ORDERS, Reply(200, order("declined", cents=15000)))

    response = client_as(admin_member).post(
        url(organization, "billing:invoice_card_charge", number=bill.number),
        {"card": card.pk},
        follow=True,
    )

    assert "Cartão recusado: Transação não autorizada." in response.content.decode()
    charge = CardCharge.objects.get()
    assert charge.status == CardChargeStatus.DECLINED
    assert charge.message == "Cartão recusado: Transação não autorizada."
    assert Payment.objects.count() == 0
    bill.refresh_from_db()
    assert bill.status == InvoiceStatus.OPEN


def test_no_answer_is_failed_and_the_retry_reuses_the_key_and_pays_once(
    organization, admin_member, pagarme
):
    bill = invoice(organization, actor=admin_member)
    card = stored_card(bill.customer)
    pagarme.reply(
        "POST",
        ORDERS,
        Reply(502, {"message": "Bad gateway"}),
        Reply(200, order("paid", cents=15000)),
    )

    first = card_charge(actor=admin_member, invoice=bill, card=card)

    assert first.status == CardChargeStatus.FAILED
    assert first.message == "O Pagar.me está com falha (HTTP 502); tente de novo."
    assert Payment.objects.count() == 0

    second = card_charge(actor=admin_member, invoice=bill, card=card)

    assert second.pk == first.pk
    assert second.status == CardChargeStatus.APPROVED
    keys = [sent.headers["idempotency-key"] for sent in pagarme.api("POST")]
    assert keys == [first.idempotency_key, first.idempotency_key]
    assert CardCharge.objects.count() == 1
    assert Payment.objects.filter(source=PaymentSource.CARD).count() == 1
    bill.refresh_from_db()
    assert bill.status == InvoiceStatus.PAID
    with pytest.raises(DomainError, match="já está pago"):
        card_charge(actor=admin_member, invoice=bill, card=card)
    assert len(pagarme.api("POST")) == 2


def test_after_a_decline_a_new_attempt_gets_a_new_key(organization, admin_member, pagarme):
    bill = invoice(organization, actor=admin_member)
    card = stored_card(bill.customer)
    pagarme.reply(
        "POST", ORDERS, Reply(200, order("declined", cents=15000)),
        Reply(200, order("paid", cents=15000, charge_id="ch_Zx81kLmN0pQr2sTu")),
    )  # fmt: skip

    declined = card_charge(actor=admin_member, invoice=bill, card=card)
    approved = card_charge(actor=admin_member, invoice=bill, card=card)

    assert declined.idempotency_key == f"atende-o{organization.pk}-i{bill.pk}-t1"
    assert approved.idempotency_key == f"atende-o{organization.pk}-i{bill.pk}-t2"
    assert Payment.objects.get().occurrence_key == "card:ch_Zx81kLmN0pQr2sTu"


def test_an_inactive_card_or_another_customers_card_is_refused(organization, admin_member, pagarme):
    bill = invoice(organization, actor=admin_member)
    inactive = stored_card(bill.customer, is_active=False)
    someone_elses = stored_card(CustomerFactory(organization=organization))

    for card in (inactive, someone_elses):
        with pytest.raises(DomainError, match="Escolha um cartão ativo do cliente"):
            card_charge(actor=admin_member, invoice=bill, card=card)

    assert CardCharge.objects.count() == 0
    assert pagarme.api("POST") == []


def test_card_payments_are_off_without_a_key_and_the_pages_say_so(
    organization, admin_member, client_as
):
    bill = invoice(organization, actor=admin_member)
    card = stored_card(bill.customer)
    client = client_as(admin_member)

    detail = client.get(url(organization, "billing:invoice", number=bill.number)).content.decode()
    charge_page = url(organization, "billing:invoice_card_charge", number=bill.number)
    response = client.post(charge_page, {"card": card.pk}, follow=True)

    assert "A cobrança no cartão está desativada: o Pagar.me não foi configurado." in detail
    assert f'action="{charge_page}"' not in detail
    assert "A cobrança no cartão está desativada" in response.content.decode()
    assert CardCharge.objects.count() == 0


def test_the_invoice_page_offers_the_customers_active_cards(
    organization, admin_member, client_as, pagarme
):
    bill = invoice(organization, actor=admin_member)
    stored_card(bill.customer)
    stored_card(bill.customer, token="card_Old4Card9Xyz0Abc", last_digits="1111", is_active=False)

    page = client_as(admin_member).get(url(organization, "billing:invoice", number=bill.number))

    text = page.content.decode()
    assert "Visa •••• 0010" in text
    assert "•••• 1111" not in text
    assert url(organization, "billing:invoice_card_charge", number=bill.number) in text


# -- who may -----------------------------------------------------------------------------------


def _billing_viewer(organization, **fields):
    sector = SectorFactory(organization=organization, name="Consulta")
    sector.permissions.set(
        Permission.objects.filter(codename__in=["view_invoice", "view_customer"])
    )
    return MemberFactory(organization=organization, sector=sector, **fields)


def test_a_member_who_may_only_view_cannot_charge_store_or_deactivate(
    organization, admin_member, client_as, pagarme
):
    bill = invoice(organization, actor=admin_member)
    card = stored_card(bill.customer)
    client = client_as(_billing_viewer(organization))

    charge = client.post(
        url(organization, "billing:invoice_card_charge", number=bill.number), {"card": card.pk}
    )
    store = client.post(
        url(organization, "billing:customer_cards", number=bill.customer.number),
        {"token": "card_Qw7RtY2uIoP3aSd4", "customer_ref": "cus_x9NZAKNtz2ivPQ0k",
         "brand": "Visa", "last_digits": "4242"},
    )  # fmt: skip
    deactivate = client.post(url(organization, "billing:card_deactivate", pk=card.pk))

    assert (charge.status_code, store.status_code, deactivate.status_code) == (403, 403, 403)
    assert CardCharge.objects.count() == 0
    assert StoredCard.objects.filter(is_active=True).count() == 1
    assert pagarme.api("POST") == []


def test_another_portfolios_customer_and_card_read_as_missing(
    organization, admin_member, client_as, pagarme
):
    sector = SectorFactory(organization=organization, name="Cobrança")
    sector.permissions.set(
        Permission.objects.filter(codename__in=["view_invoice", "change_invoice", "view_customer"])
    )
    seller = MemberFactory(organization=organization, sector=sector, only_own_portfolio=True)
    bill = invoice(organization, actor=admin_member)  # a customer of nobody's portfolio
    card = stored_card(bill.customer)
    client = client_as(seller)

    responses = [
        client.post(url(organization, "billing:invoice_card_charge", number=bill.number),
                    {"card": card.pk}),
        client.get(url(organization, "billing:customer_cards", number=bill.customer.number)),
        client.post(url(organization, "billing:card_deactivate", pk=card.pk)),
    ]  # fmt: skip

    assert [response.status_code for response in responses] == [404, 404, 404]
    assert CardCharge.objects.count() == 0
    assert StoredCard.objects.get().is_active is True
    assert pagarme.api("POST") == []


def test_a_member_of_another_organization_gets_404_and_nothing_changes(
    organization, admin_member, other_member, client_as, pagarme
):
    bill = invoice(organization, actor=admin_member)
    card = stored_card(bill.customer)
    client = client_as(other_member)
    slug = other_member.organization.slug

    responses = [
        client.post(f"/{slug}/financeiro/titulos/{bill.number}/cartao/", {"card": card.pk}),
        client.get(f"/{slug}/financeiro/clientes/{bill.customer.number}/cartoes/"),
        client.post(f"/{slug}/financeiro/cartoes/{card.pk}/desativar/"),
        client.post(f"/{organization.slug}/financeiro/cartoes/{card.pk}/desativar/"),
    ]

    assert [response.status_code for response in responses] == [404, 404, 404, 404]
    assert CardCharge.objects.count() == 0
    assert StoredCard.objects.get().is_active is True
    assert pagarme.api("POST") == []


def test_the_charge_page_lists_the_invoices_card_charges(
    organization, admin_member, client_as, pagarme
):
    bill = invoice(organization, actor=admin_member)
    card = stored_card(bill.customer)
    pagarme.reply("POST", ORDERS, Reply(200, order("declined", cents=15000)))
    card_charge(actor=admin_member, invoice=bill, card=card)
    page = url(organization, "billing:invoice_card_charge", number=bill.number)

    response = client_as(admin_member).get(page)

    text = response.content.decode()
    assert response.status_code == 200
    assert "Cartão recusado: Transação não autorizada." in text
    assert "R$ 150,00" in text
    assert f'<option value="{card.pk}"' in text


@pytest.mark.parametrize("cards", [1, 3])
def test_the_card_pages_have_a_fixed_query_count(
    organization, admin_member, client_as, pagarme, django_assert_num_queries, cards
):
    bill = invoice(organization, actor=admin_member)
    for index in range(cards):
        stored_card(bill.customer, token=f"card_Abcdefgh{index:04d}", last_digits=f"{index:04d}")
    client = client_as(admin_member)
    client.get(url(organization, "billing:invoices"))  # warm the session
    # As billing's other pages (test_query_counts.py): session, member, organization and
    # menus first; the invoice page reads one more than there (13): the customer's active cards.
    pages = {
        url(organization, "billing:invoice", number=bill.number): 14,
        url(organization, "billing:invoice_card_charge", number=bill.number): 8,
        url(organization, "billing:customer_cards", number=bill.customer.number): 7,
    }
    for page, expected in pages.items():
        with django_assert_num_queries(expected):
            assert client.get(page).status_code == 200
