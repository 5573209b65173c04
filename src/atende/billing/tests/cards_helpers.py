"""Card-payment test helpers: the local Pagar.me (billing/gateway/tests/pagarme_stub.py, a real
HTTP server answering in Pagar.me's format) wired into the settings, and its answers."""

import copy
import json
import re
from collections.abc import Iterator

import pytest
from django.apps import apps

from atende.billing.gateway.tests import pagarme_payloads as pay
from atende.billing.gateway.tests.pagarme_stub import (
    API_PREFIX,
    JWKS_PATH,
    SECRET_KEY,
    PagarmeStub,
    Reply,
    RsaKey,
    start_server,
)
from atende.billing.models import StoredCard
from atende.tenancy.context import activate, dangerously_unscoped
from atende.tenancy.models import AuditLogEntry

ORDERS = API_PREFIX + "/orders"
WEBHOOK_URL = "/webhooks/pagarme/"
CARD_NUMBER_RUN = re.compile(r"\d{13,19}")


@pytest.fixture(scope="session", name="pagarme_key")
def pagarme_key_fixture() -> RsaKey:
    return RsaKey.generate("pagarme-hook-key-1")


@pytest.fixture(scope="session", name="impostor_key")
def impostor_key_fixture() -> RsaKey:
    """Same kid, another key pair: what a forger who read the kid could sign with."""
    return RsaKey.generate("pagarme-hook-key-1")


@pytest.fixture(name="pagarme")
def pagarme_fixture(settings, pagarme_key) -> Iterator[PagarmeStub]:
    """The local Pagar.me, and the settings pointing the real adapter at it."""
    stub = PagarmeStub()
    server, thread = start_server(stub)
    stub.reply("GET", JWKS_PATH, Reply(200, {"keys": [pagarme_key.jwk()]}))
    settings.PAGARME_SECRET_KEY = SECRET_KEY
    settings.PAGARME_BASE_URL = stub.url + API_PREFIX
    settings.PAGARME_JWKS_URL = stub.url + JWKS_PATH
    settings.PAGARME_TIMEOUT = 2.0
    yield stub
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


def order(status: str, *, cents: int, charge_id: str = "ch_0EQdZmXs1cLgJz7q") -> dict:
    """`POST /orders`' answer for a charge of `cents`, in Pagar.me's words."""
    made = {
        "paid": pay.PAID_ORDER,
        "declined": pay.DECLINED_ORDER,
        "error": pay.ERROR_ORDER,
        "pending": pay.PENDING_ORDER,
    }[status]
    made = copy.deepcopy(made)
    made["amount"] = cents
    made["items"][0]["amount"] = cents
    made["charges"][0].update({"id": charge_id, "amount": cents})
    if "paid_amount" in made["charges"][0]:
        made["charges"][0]["paid_amount"] = cents
    return made


def hook_body(event_type: str, *, cents: int, charge_id: str, status: str) -> bytes:
    """A webhook's raw body about one charge."""
    charge = copy.deepcopy(pay.PAID_CHARGE)
    charge.update({"id": charge_id, "amount": cents, "status": status})
    return json.dumps(pay.hook(event_type, charge)).encode()


def signed_post(client, key: RsaKey, body: bytes):
    return client.post(
        WEBHOOK_URL,
        data=body,
        content_type="application/json",
        headers={"X-Webhook-Asymmetric-Signature": key.header(body)},
    )


def stored_card(customer, **fields) -> StoredCard:
    with activate(customer.organization_id):
        return StoredCard.objects.create(
            customer=customer,
            gateway="pagarme",
            token=fields.pop("token", "card_gAP32x6tKcXoVxQ6"),
            gateway_customer="cus_x9NZAKNtz2ivPQ0k",
            brand=fields.pop("brand", "Visa"),
            last_digits=fields.pop("last_digits", "0010"),
            **fields,
        )


# CPF/CNPJ and PIX keys of the beneficiary, and a boleto's barcode, are long digit runs by
# nature; every other column of every billing row is searched.
NOT_CARD_DATA = {"beneficiary_document", "pix_key", "barcode", "linha_digitavel", "payer_document"}
CARD_MODELS = {"storedcard", "cardcharge", "payment", "invoice"}


def _runs(label: str, value: object) -> list[str]:
    if isinstance(value, dict | list):
        value = json.dumps(value)
    if isinstance(value, bytes):
        value = value.decode("latin-1")
    if not isinstance(value, str):
        return []
    return [f"{label}: {run}" for run in CARD_NUMBER_RUN.findall(value)]


def digit_runs_in_billing_rows() -> list[str]:
    """Every 13–19 digit run in any billing row, and in the audit log of the card flows'
    records, across organizations."""
    found = []
    with dangerously_unscoped():
        for model in apps.get_app_config("billing").get_models():
            for row in model._base_manager.all().values():
                for name, value in row.items():
                    if name not in NOT_CARD_DATA:
                        found += _runs(f"{model.__name__}.{name}", value)
        entries = AuditLogEntry._base_manager.filter(
            content_type__app_label="billing", content_type__model__in=CARD_MODELS
        )
        for row in entries.values():
            for name, value in row.items():
                found += _runs(f"AuditLogEntry.{name}", value)
    return found
