"""The card-gateway port: what billing asks of any card gateway, and what it gets back.

Billing never sees a card number: the customer's browser hands the card to the gateway's own
script and we receive a token (or the id of a card the gateway keeps), which is all `charge`
takes. Amounts are `Decimal` in reais; each adapter converts to its gateway's unit exactly.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol, runtime_checkable


class PaymentStatus(enum.StrEnum):
    """Where a charge (or a refund) stands, in the few words billing decides on."""

    APPROVED = "approved"  # the money was captured
    PENDING = "pending"  # the gateway has not decided yet (antifraud, issuer): wait for the webhook
    DECLINED = "declined"  # the issuer or the antifraud refused the card: ask for another one
    REFUNDED = "refunded"  # the charge was cancelled or refunded, fully or in part
    FAILED = "failed"  # the gateway could not process it (not a decision about the card)


class GatewayError(ValueError):
    """The gateway could not be asked, refused the request, or answered something unreadable.

    `message` is Portuguese for the person; `retryable` says whether repeating the same call
    (with the same idempotency key) may succeed: timeouts and 5xx yes, a refused request no.
    """

    def __init__(
        self, message: str, *, retryable: bool = False, status_code: int | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.retryable = retryable
        self.status_code = status_code


@dataclass(frozen=True)
class ChargeResult:
    """The gateway's answer to one charge: its ids, the amount and, on a decline, why."""

    status: PaymentStatus
    charge_id: str
    amount: Decimal
    order_id: str = ""
    transaction_id: str = ""
    message: str = ""  # Portuguese, for declines and failures
    card_id: str = ""  # the gateway's id of the card it now keeps: store it for later charges
    card_brand: str = ""
    card_last_four: str = ""


@dataclass(frozen=True)
class RefundResult:
    """The gateway's answer to one refund (a cancellation of all or part of a charge)."""

    status: PaymentStatus
    charge_id: str
    amount: Decimal  # what this refund returned to the card
    refund_id: str = ""
    message: str = ""


@dataclass(frozen=True)
class WebhookEvent:
    """An authenticated notification from the gateway about one charge."""

    event_id: str
    event_type: str
    charge_id: str
    status: PaymentStatus
    amount: Decimal | None = None
    order_id: str = ""


@runtime_checkable
class CardGateway(Protocol):
    """A card gateway billing can charge, refund and hear from."""

    def charge(
        self,
        *,
        card_token: str,
        customer_ref: str,
        amount: Decimal,
        description: str,
        idempotency_key: str,
    ) -> ChargeResult:
        """Charge a tokenized card once; the same idempotency key never charges twice."""
        ...

    def refund(
        self, *, charge_id: str, amount: Decimal | None = None, idempotency_key: str | None = None
    ) -> RefundResult:
        """Return all (amount None) or part of a charge to the card."""
        ...

    def parse_webhook(self, *, headers: Mapping[str, str], body: bytes) -> WebhookEvent:
        """Authenticate a webhook call and read it; raise GatewayError when either fails."""
        ...
