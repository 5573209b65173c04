"""Fixtures: a local Pagar.me (pagarme_stub.py), its webhook signing keys, and the adapter
pointed at it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from atende.billing.gateway import PagarmeGateway

from .pagarme_stub import (
    API_PREFIX,
    JWKS_PATH,
    SECRET_KEY,
    PagarmeStub,
    Reply,
    RsaKey,
    start_server,
)


@pytest.fixture
def stub() -> Iterator[PagarmeStub]:
    pagarme = PagarmeStub()
    server, thread = start_server(pagarme)
    yield pagarme
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


@pytest.fixture(scope="session")
def pagarme_key() -> RsaKey:
    return RsaKey.generate("pagarme-hook-key-1")


@pytest.fixture(scope="session")
def impostor_key() -> RsaKey:
    """Same kid, another key pair: what a forger who read the kid could sign with."""
    return RsaKey.generate("pagarme-hook-key-1")


@pytest.fixture
def gateway(stub: PagarmeStub, pagarme_key: RsaKey) -> PagarmeGateway:
    stub.reply("GET", JWKS_PATH, Reply(200, {"keys": [pagarme_key.jwk()]}))
    return PagarmeGateway(
        secret_key=SECRET_KEY,
        base_url=stub.url + API_PREFIX,
        jwks_url=stub.url + JWKS_PATH,
        timeout=2.0,
    )
