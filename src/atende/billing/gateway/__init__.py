"""Card payments through a gateway, in pure Python (no Django): charge a tokenized card,
refund it, and read the gateway's authenticated webhooks. The card number never reaches our
server or database; billing only holds the gateway's token or card id.

`CardGateway` (base.py) is the port billing codes against; `PagarmeGateway` (pagarme.py) is
the implementation for Pagar.me API v5. README.md beside this file says how to configure it.
"""

from .base import (
    CardGateway,
    ChargeResult,
    GatewayError,
    PaymentStatus,
    RefundResult,
    WebhookEvent,
)
from .pagarme import PagarmeGateway, cents_to_reais, reais_to_cents

__all__ = [
    "CardGateway",
    "ChargeResult",
    "GatewayError",
    "PagarmeGateway",
    "PaymentStatus",
    "RefundResult",
    "WebhookEvent",
    "cents_to_reais",
    "reais_to_cents",
]
