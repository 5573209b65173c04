"""The configured card gateway (B8): Pagar.me from settings, or None when card payments are
off. Tests point `PAGARME_BASE_URL` and `PAGARME_JWKS_URL` at the local stub server
(billing/gateway/tests/pagarme_stub.py), so the real adapter runs in every test."""

from django.conf import settings

from atende.billing.gateway import CardGateway, PagarmeGateway

GATEWAY_NAME = "pagarme"
OFF_MESSAGE = (
    "A cobrança no cartão está desativada: o Pagar.me não foi configurado (PAGARME_SECRET_KEY)."
)

_cache: dict[tuple[object, ...], PagarmeGateway] = {}


def card_payments_enabled() -> bool:
    """Whether a gateway key is configured."""
    return bool(settings.PAGARME_SECRET_KEY)


def card_gateway() -> CardGateway | None:
    """The Pagar.me adapter for the current settings (one per configuration, so the webhook
    keys it fetched stay cached), or None when card payments are off."""
    if not card_payments_enabled():
        return None
    config = (
        settings.PAGARME_SECRET_KEY,
        settings.PAGARME_BASE_URL,
        settings.PAGARME_JWKS_URL,
        settings.PAGARME_TIMEOUT,
        settings.PAGARME_STATEMENT_DESCRIPTOR,
    )
    gateway = _cache.get(config)
    if gateway is None:
        gateway = PagarmeGateway(
            secret_key=settings.PAGARME_SECRET_KEY,
            base_url=settings.PAGARME_BASE_URL,
            jwks_url=settings.PAGARME_JWKS_URL,
            timeout=settings.PAGARME_TIMEOUT,
            statement_descriptor=settings.PAGARME_STATEMENT_DESCRIPTOR,
        )
        _cache.clear()  # a changed configuration replaces the old adapter
        _cache[config] = gateway
    return gateway
