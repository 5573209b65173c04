"""PagarmeGateway against a local server that answers as Pagar.me API v5 does.

No Django, no database: plain functions over a real HTTP exchange on 127.0.0.1.
"""

from __future__ import annotations

import base64
import json
import re
import socket
from decimal import Decimal

import pytest

from atende.billing.gateway import (
    CardGateway,
    GatewayError,
    PagarmeGateway,
    PaymentStatus,
    cents_to_reais,
    reais_to_cents,
)

from . import pagarme_payloads as pay
from .pagarme_stub import API_PREFIX, JWKS_PATH, SECRET_KEY, Reply, RsaKey

ORDERS = API_PREFIX + "/orders"
CHARGE = API_PREFIX + "/charges/ch_0EQdZmXs1cLgJz7q"
A_CARD_NUMBER = "4000000000000010"  # Pagar.me's test Visa
DIGIT_RUN = re.compile(rb"\d{13,19}")


def charge(gateway: PagarmeGateway, **overrides: object):
    arguments: dict[str, object] = {
        "card_token": "token_Dbq4wLnHGfOzR7kV",
        "customer_ref": "cus_x9NZAKNtz2ivPQ0k",
        "amount": Decimal("123.45"),
        "description": "Mensalidade dezembro/2026",
        "idempotency_key": "atende-alfa-fatura-1042-1",
    }
    return gateway.charge(**{**arguments, **overrides})


# -- charge: what goes on the wire ---------------------------------------------------------


def test_charge_posts_the_documented_order_with_basic_auth_cents_and_idempotency_key(gateway, stub):
    stub.reply("POST", ORDERS, Reply(200, pay.PAID_ORDER))

    result = charge(gateway)

    (sent,) = stub.api("POST")
    assert sent.path == "/core/v5/orders"
    assert (
        sent.headers["authorization"]
        == "Basic " + base64.b64encode(f"{SECRET_KEY}:".encode()).decode()
    )
    assert sent.headers["idempotency-key"] == "atende-alfa-fatura-1042-1"
    assert sent.headers["content-type"] == "application/json"
    body = sent.json()
    assert body["customer_id"] == "cus_x9NZAKNtz2ivPQ0k"
    assert body["closed"] is True
    assert body["items"] == [
        {
            "amount": 12345,
            "description": "Mensalidade dezembro/2026",
            "quantity": 1,
            "code": "atende-alfa-fatura-1042-1",
        }
    ]
    assert body["payments"] == [
        {
            "payment_method": "credit_card",
            "credit_card": {
                "installments": 1,
                "operation_type": "auth_and_capture",
                "card_token": "token_Dbq4wLnHGfOzR7kV",
            },
        }
    ]
    assert b'"amount": 12345' in sent.body  # cents, as an integer
    assert b"123.45" not in sent.body
    assert result.status is PaymentStatus.APPROVED
    assert result.charge_id == "ch_0EQdZmXs1cLgJz7q"
    assert result.order_id == "or_J5NyL4gflCK7dwo9"
    assert result.transaction_id == "tran_J0rpkW3c6c2kY8yO"
    assert result.amount == Decimal("123.45")
    assert str(result.amount) == "123.45"
    assert (result.card_brand, result.card_last_four, result.message) == ("Visa", "0010", "")
    assert result.card_id == "card_gAP32x6tKcXoVxQ6"  # the wallet card, for the next charge


def test_a_card_pagarme_keeps_goes_as_card_id(gateway, stub):
    stub.reply("POST", ORDERS, Reply(200, pay.PAID_ORDER))

    charge(gateway, card_token="card_gAP32x6tKcXoVxQ6")

    credit_card = stub.api("POST")[0].json()["payments"][0]["credit_card"]
    assert credit_card["card_id"] == "card_gAP32x6tKcXoVxQ6"
    assert "card_token" not in credit_card


def test_statement_descriptor_is_sent_cut_to_pagarme_limit(stub, pagarme_key):
    gateway = PagarmeGateway(
        secret_key=SECRET_KEY,
        base_url=stub.url + API_PREFIX,
        statement_descriptor="ALFA PROVEDOR LTDA",
    )
    stub.reply("POST", ORDERS, Reply(200, pay.PAID_ORDER))

    charge(gateway)

    credit_card = stub.api("POST")[0].json()["payments"][0]["credit_card"]
    assert credit_card["statement_descriptor"] == "ALFA PROVEDOR"


# -- charge: the answers -------------------------------------------------------------------


def test_declined_card_is_declined_with_the_issuer_reason_in_portuguese(gateway, stub):
    stub.reply("POST", ORDERS, Reply(200, pay.DECLINED_ORDER))

    result = charge(gateway)

    assert result.status is PaymentStatus.DECLINED
    assert result.charge_id == "ch_0EQdZmXs1cLgJz7q"
    assert result.transaction_id == "tran_AlJ91LpTPFPV1PnO"
    assert result.message == "Cartão recusado: Transação não autorizada."


def test_a_processing_error_is_failed_not_declined(gateway, stub):
    stub.reply("POST", ORDERS, Reply(200, pay.ERROR_ORDER))

    result = charge(gateway)

    assert result.status is PaymentStatus.FAILED
    assert result.message == (
        "O Pagar.me não conseguiu processar o pagamento: Adquirente indisponível no momento."
    )


def test_pending_charge_waits_for_the_webhook(gateway, stub):
    stub.reply("POST", ORDERS, Reply(200, pay.PENDING_ORDER))

    result = charge(gateway)

    assert result.status is PaymentStatus.PENDING
    assert "webhook" in result.message


def test_5xx_is_retryable_and_the_retry_repeats_the_same_key_and_body(gateway, stub):
    stub.reply(
        "POST", ORDERS, Reply(503, {"message": "Service Unavailable"}), Reply(200, pay.PAID_ORDER)
    )

    with pytest.raises(GatewayError) as failure:
        charge(gateway)
    assert failure.value.retryable is True
    assert failure.value.status_code == 503
    assert failure.value.message == "O Pagar.me está com falha (HTTP 503); tente de novo."

    assert charge(gateway).status is PaymentStatus.APPROVED
    first, second = stub.api("POST")
    assert first.headers["idempotency-key"] == second.headers["idempotency-key"]
    assert first.body == second.body


def test_4xx_is_not_retryable_and_carries_the_gateway_message(gateway, stub):
    stub.reply("POST", ORDERS, Reply(422, pay.INVALID_REQUEST))

    with pytest.raises(GatewayError) as failure:
        charge(gateway)

    assert failure.value.retryable is False
    assert failure.value.status_code == 422
    assert failure.value.message == (
        "O Pagar.me recusou a requisição (HTTP 422): The request is invalid; "
        "order.customer_id: The customer_id field is required."
    )


def test_a_refused_key_is_not_retryable(gateway, stub):
    stub.reply("POST", ORDERS, Reply(401, {"message": "Authorization has been denied."}))

    with pytest.raises(GatewayError) as failure:
        charge(gateway)

    assert (failure.value.retryable, failure.value.status_code) == (False, 401)
    assert "chave secreta" in failure.value.message


def test_too_many_requests_is_retryable(gateway, stub):
    stub.reply("POST", ORDERS, Reply(429, {"message": "Too Many Requests"}))

    with pytest.raises(GatewayError) as failure:
        charge(gateway)

    assert (failure.value.retryable, failure.value.status_code) == (True, 429)


def test_timeout_is_retryable(stub):
    gateway = PagarmeGateway(secret_key=SECRET_KEY, base_url=stub.url + API_PREFIX, timeout=0.3)
    stub.reply("POST", ORDERS, Reply(200, pay.PAID_ORDER, delay=1.0))

    with pytest.raises(GatewayError) as failure:
        charge(gateway)

    assert failure.value.retryable is True
    assert failure.value.message == "O Pagar.me não respondeu a tempo; tente de novo."


def test_unreachable_gateway_is_retryable():
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    gateway = PagarmeGateway(secret_key=SECRET_KEY, base_url=f"http://127.0.0.1:{port}/core/v5")

    with pytest.raises(GatewayError) as failure:
        charge(gateway)

    assert failure.value.retryable is True
    assert failure.value.message == "Não foi possível conectar ao Pagar.me; tente de novo."


@pytest.mark.parametrize(
    "raw", [b"<html>502 Bad Gateway</html>", b'{"id": "or_J5Ny', b"[]", b'{"charges": []}']
)
def test_malformed_answer_is_a_retryable_error_not_a_result(gateway, stub, raw):
    stub.reply("POST", ORDERS, Reply(200, raw=raw))

    with pytest.raises(GatewayError) as failure:
        charge(gateway)

    assert failure.value.retryable is True


# -- amounts -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("reais", "cents"),
    [
        ("0.01", 1),
        ("0.29", 29),  # float(0.29) * 100 == 28.999999999999996
        ("1.10", 110),
        ("19.9", 1990),
        ("100", 10000),
        ("4.35", 435),
        ("1234567.89", 123456789),
    ],
)
def test_reais_and_cents_convert_exactly(reais, cents):
    assert reais_to_cents(Decimal(reais)) == cents
    assert cents_to_reais(cents) == Decimal(reais)
    assert cents_to_reais(cents).as_tuple().exponent == -2


@pytest.mark.parametrize("reais", ["1.005", "0", "-10.00", "NaN", "Infinity"])
def test_impossible_amounts_are_refused_before_any_request(gateway, stub, reais):
    with pytest.raises(GatewayError):
        charge(gateway, amount=Decimal(reais))

    assert stub.requests == []


def test_a_float_amount_is_refused(gateway, stub):
    with pytest.raises(GatewayError):
        charge(gateway, amount=123.45)

    assert stub.requests == []


# -- refund --------------------------------------------------------------------------------


def test_full_refund_cancels_the_charge_without_an_amount(gateway, stub):
    stub.reply(
        "DELETE",
        CHARGE,
        Reply(
            200, pay.cancelled_charge(amount=12345, canceled=12345, status="canceled",
                                      tx_status="voided"),
        ),
    )  # fmt: skip

    result = gateway.refund(charge_id="ch_0EQdZmXs1cLgJz7q")

    (sent,) = stub.api("DELETE")
    assert sent.path == "/core/v5/charges/ch_0EQdZmXs1cLgJz7q"
    assert sent.body == b""
    assert sent.headers["authorization"].startswith("Basic ")
    assert result.status is PaymentStatus.REFUNDED
    assert (result.charge_id, result.refund_id) == ("ch_0EQdZmXs1cLgJz7q", "tran_m1prZBNTgUmZrGzZ")
    assert result.amount == Decimal("123.45")


def test_partial_refund_sends_the_amount_in_cents_and_its_key(gateway, stub):
    stub.reply(
        "DELETE",
        CHARGE,
        Reply(
            200, pay.cancelled_charge(amount=12345, canceled=5000, status="paid",
                                      tx_status="partial_void"),
        ),
    )  # fmt: skip

    result = gateway.refund(
        charge_id="ch_0EQdZmXs1cLgJz7q", amount=Decimal("50.00"), idempotency_key="estorno-7-1"
    )

    (sent,) = stub.api("DELETE")
    assert sent.json() == {"amount": 5000}
    assert sent.headers["idempotency-key"] == "estorno-7-1"
    assert result.status is PaymentStatus.REFUNDED
    assert result.amount == Decimal("50.00")


def test_refund_still_processing_is_pending(gateway, stub):
    stub.reply(
        "DELETE",
        CHARGE,
        Reply(
            200, pay.cancelled_charge(amount=12345, canceled=12345, status="paid",
                                      tx_status="waiting_cancellation"),
        ),
    )  # fmt: skip

    result = gateway.refund(charge_id="ch_0EQdZmXs1cLgJz7q")

    assert result.status is PaymentStatus.PENDING
    assert result.message == "Estorno em processamento pelo Pagar.me."


def test_refund_the_gateway_could_not_do_is_failed(gateway, stub):
    stub.reply(
        "DELETE",
        CHARGE,
        Reply(
            200, pay.cancelled_charge(amount=12345, canceled=12345, status="paid",
                                      tx_status="error_on_refunding"),
        ),
    )  # fmt: skip

    result = gateway.refund(charge_id="ch_0EQdZmXs1cLgJz7q")

    assert result.status is PaymentStatus.FAILED
    assert result.message == "O Pagar.me não concluiu o estorno: Transação cancelada com sucesso."


def test_refund_of_an_unknown_charge_is_a_plain_error(gateway, stub):
    stub.reply("DELETE", CHARGE, Reply(404, {"message": "Charge not found."}))

    with pytest.raises(GatewayError) as failure:
        gateway.refund(charge_id="ch_0EQdZmXs1cLgJz7q")

    assert (failure.value.retryable, failure.value.status_code) == (False, 404)
    assert (
        failure.value.message == "O Pagar.me não encontrou o recurso (HTTP 404): Charge not found."
    )


def test_a_charge_id_cannot_walk_to_another_path(gateway, stub):
    stub.reply("DELETE", API_PREFIX + "/charges/..%2Forders", Reply(404, {"message": "x"}))

    with pytest.raises(GatewayError):
        gateway.refund(charge_id="../orders")

    assert stub.api("DELETE")[0].path == "/core/v5/charges/..%2Forders"


# -- webhooks ------------------------------------------------------------------------------


def signed(key: RsaKey, payload: object) -> tuple[dict[str, str], bytes]:
    body = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
    return {"X-Webhook-Asymmetric-Signature": key.header(body)}, body


def test_signed_charge_paid_webhook_gives_the_charge_and_paid_status(gateway, stub, pagarme_key):
    headers, body = signed(pagarme_key, pay.hook("charge.paid", pay.PAID_CHARGE))

    event = gateway.parse_webhook(headers=headers, body=body)

    assert event.event_id == "hook_RyEKQO789TRpZjv5"
    assert event.event_type == "charge.paid"
    assert event.charge_id == "ch_0EQdZmXs1cLgJz7q"
    assert event.status is PaymentStatus.APPROVED
    assert event.amount == Decimal("123.45")
    assert [r.path for r in stub.requests] == [JWKS_PATH]
    assert "authorization" not in stub.requests[0].headers  # the JWKS is public


def test_keys_are_fetched_once_for_many_webhooks(gateway, stub, pagarme_key):
    for _ in range(3):
        headers, body = signed(pagarme_key, pay.hook("charge.paid", pay.PAID_CHARGE))
        gateway.parse_webhook(headers=headers, body=body)

    assert [r.path for r in stub.requests] == [JWKS_PATH]


def test_order_paid_webhook_reads_the_order_charge(gateway, pagarme_key):
    headers, body = signed(pagarme_key, pay.hook("order.paid", pay.PAID_ORDER))

    event = gateway.parse_webhook(headers=headers, body=body)

    assert (event.charge_id, event.order_id) == ("ch_0EQdZmXs1cLgJz7q", "or_J5NyL4gflCK7dwo9")
    assert event.status is PaymentStatus.APPROVED


def test_payment_failed_webhook_is_declined(gateway, pagarme_key):
    declined_charge = pay.DECLINED_ORDER["charges"][0]
    headers, body = signed(pagarme_key, pay.hook("charge.payment_failed", declined_charge))

    event = gateway.parse_webhook(headers=headers, body=body)

    assert event.status is PaymentStatus.DECLINED


def test_partial_cancellation_webhook_is_a_refund_though_the_charge_stays_paid(
    gateway, pagarme_key
):
    partly = pay.cancelled_charge(
        amount=12345, canceled=5000, status="paid", tx_status="partial_void"
    )
    headers, body = signed(pagarme_key, pay.hook("charge.partial_canceled", partly))

    event = gateway.parse_webhook(headers=headers, body=body)

    assert event.status is PaymentStatus.REFUNDED
    assert event.charge_id == "ch_0EQdZmXs1cLgJz7q"


def test_header_names_are_case_insensitive(gateway, pagarme_key):
    headers, body = signed(pagarme_key, pay.hook("charge.paid", pay.PAID_CHARGE))
    lowered = {k.lower(): v for k, v in headers.items()}

    assert gateway.parse_webhook(headers=lowered, body=body).charge_id == "ch_0EQdZmXs1cLgJz7q"


def test_webhook_signed_by_another_key_is_refused(gateway, impostor_key):
    headers, body = signed(impostor_key, pay.hook("charge.paid", pay.PAID_CHARGE))

    with pytest.raises(GatewayError) as failure:
        gateway.parse_webhook(headers=headers, body=body)

    assert failure.value.message == "Assinatura do webhook do Pagar.me inválida."


def test_webhook_body_changed_after_signing_is_refused(gateway, pagarme_key):
    headers, body = signed(pagarme_key, pay.hook("charge.payment_failed", pay.PAID_CHARGE))
    forged = body.replace(b"charge.payment_failed", b"charge.paid")

    with pytest.raises(GatewayError):
        gateway.parse_webhook(headers=headers, body=forged)


def test_webhook_without_signature_is_refused(gateway, stub):
    body = json.dumps(pay.hook("charge.paid", pay.PAID_CHARGE)).encode()

    with pytest.raises(GatewayError) as failure:
        gateway.parse_webhook(headers={"Content-Type": "application/json"}, body=body)

    assert failure.value.message == "Webhook sem a assinatura do Pagar.me."
    assert stub.requests == []


@pytest.mark.parametrize(
    "header",
    [
        "alg=HS256; kid=pagarme-hook-key-1; signature=c2VjcmV0",
        "kid=pagarme-hook-key-1; signature=c2VjcmV0",
        "alg=RS256; signature=c2VjcmV0",
        "alg=RS256; kid=pagarme-hook-key-1",
        "sk_test_4f1c2a9b7e",
    ],
)
def test_webhook_with_a_malformed_signature_header_is_refused(gateway, header):
    body = json.dumps(pay.hook("charge.paid", pay.PAID_CHARGE)).encode()

    with pytest.raises(GatewayError) as failure:
        gateway.parse_webhook(headers={"X-Webhook-Asymmetric-Signature": header}, body=body)

    assert failure.value.message == "Assinatura do webhook do Pagar.me em formato inválido."


def test_unknown_key_id_is_refused_and_does_not_hammer_the_jwks(gateway, stub, pagarme_key):
    stranger = RsaKey(kid="rotated-away", n=pagarme_key.n, e=pagarme_key.e, d=pagarme_key.d)
    for _ in range(3):
        headers, body = signed(stranger, pay.hook("charge.paid", pay.PAID_CHARGE))
        with pytest.raises(GatewayError) as failure:
            gateway.parse_webhook(headers=headers, body=body)
        assert failure.value.message == "Webhook assinado com uma chave que o Pagar.me não publica."

    assert [r.path for r in stub.requests] == [JWKS_PATH]


def test_unreachable_jwks_is_a_retryable_error(stub, pagarme_key):
    gateway = PagarmeGateway(
        secret_key=SECRET_KEY, base_url=stub.url + API_PREFIX, jwks_url=stub.url + "/nowhere"
    )
    headers, body = signed(pagarme_key, pay.hook("charge.paid", pay.PAID_CHARGE))

    with pytest.raises(GatewayError) as failure:
        gateway.parse_webhook(headers=headers, body=body)

    assert failure.value.retryable is True
    assert failure.value.message.startswith("Não foi possível obter as chaves públicas")


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        (b"{not json", "O corpo do webhook do Pagar.me não é um JSON válido."),
        (b"[1, 2]", "O corpo do webhook do Pagar.me não é um objeto JSON."),
        (b'{"id": "hook_1", "type": "charge.paid"}', "Webhook do Pagar.me sem id, tipo ou dados."),
        (
            b'{"id": "hook_1", "type": "charge.paid", "data": {"amount": 100}}',
            "Webhook do Pagar.me sem o id ou a situação da cobrança.",
        ),
        (
            b'{"id": "hook_1", "type": "customer.created", "data": {"id": "cus_1"}}',
            "O evento customer.created do Pagar.me não é de uma cobrança.",
        ),
    ],
)
def test_signed_but_malformed_webhook_is_refused(gateway, pagarme_key, payload, message):
    headers, body = signed(pagarme_key, payload)

    with pytest.raises(GatewayError) as failure:
        gateway.parse_webhook(headers=headers, body=body)

    assert failure.value.message == message


# -- the card number never travels -----------------------------------------------------------


@pytest.mark.parametrize(
    "card_number", [A_CARD_NUMBER, "4000 0000 0000 0010", "4000-0000-0000-0010", "5184019740373151"]
)
def test_a_card_number_is_refused_before_any_request(gateway, stub, card_number):
    with pytest.raises(GatewayError) as failure:
        charge(gateway, card_token=card_number)

    assert "token" in failure.value.message
    assert card_number not in failure.value.message
    assert stub.requests == []


def test_nothing_sent_or_returned_holds_a_card_number(gateway, stub, pagarme_key):
    stub.reply("POST", ORDERS, Reply(200, pay.PAID_ORDER))
    stub.reply(
        "DELETE",
        CHARGE,
        Reply(
            200, pay.cancelled_charge(amount=12345, canceled=12345, status="canceled",
                                      tx_status="voided"),
        ),
    )  # fmt: skip
    headers, body = signed(pagarme_key, pay.hook("charge.paid", pay.PAID_CHARGE))

    results = [
        charge(gateway),
        gateway.refund(charge_id="ch_0EQdZmXs1cLgJz7q"),
        gateway.parse_webhook(headers=headers, body=body),
    ]

    wire = b"".join(
        r.method.encode() + r.path.encode() + repr(r.headers).encode() + r.body
        for r in stub.requests
    )
    assert len(stub.requests) == 3
    assert DIGIT_RUN.findall(wire) == []
    assert DIGIT_RUN.findall(repr(results).encode()) == []
    assert results[0].card_last_four == "0010"


# -- configuration -------------------------------------------------------------------------


def test_the_adapter_is_a_card_gateway_and_hides_its_key(gateway):
    assert isinstance(gateway, CardGateway)
    assert SECRET_KEY not in repr(gateway)


@pytest.mark.parametrize(
    "url", ["http://api.pagar.me/core/v5", "ftp://127.0.0.1/core/v5", "file:///etc/passwd"]
)
def test_the_secret_key_only_travels_over_https(url):
    with pytest.raises(GatewayError) as failure:
        PagarmeGateway(secret_key=SECRET_KEY, base_url=url)

    assert "HTTPS" in failure.value.message


def test_a_missing_secret_key_is_refused():
    with pytest.raises(GatewayError):
        PagarmeGateway(secret_key="")
