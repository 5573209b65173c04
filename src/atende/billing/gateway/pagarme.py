"""Pagar.me API v5 (Stone group) as a `CardGateway`: orders paid by a tokenized card, refunds
by cancelling the charge, and webhooks verified by their RSA signature.

The card number never reaches our server: the checkout page sends it straight to Pagar.me
with the account's *public* key (tokenizecard.js) and gets a `token_…` back, valid for one use
within 60 seconds; using it saves the card in the customer's wallet as a `card_…` id, which
`ChargeResult.card_id` returns for later charges. `charge` accepts either and refuses anything
that looks like a card number before it makes any request.
https://docs.pagar.me/docs/tokenizecard, https://docs.pagar.me/reference/pagarme-js

What this follows, from Pagar.me's documentation and its own open-source code:
- Authentication: HTTP Basic with the secret key as the user and an empty password; one base
  URL for test and production keys (`sk_test_…` runs on their simulator).
  https://docs.pagar.me/reference/autentica%C3%A7%C3%A3o-2
- Create order (`POST /orders`), with `customer_id` instead of a customer object, the item
  amounts and the payment in cents, and `credit_card.card_id` or `credit_card.card_token`
  ("NÃO ENVIE DADOS ABERTOS DO CARTÃO DO COMPRADOR").
  https://docs.pagar.me/reference/criar-pedido-2
- Idempotency: the `Idempotency-Key` header, kept by Pagar.me for 24 hours.
  https://docs.pagar.me/docs/o-que-%C3%A9
- Charge statuses (`paid`, `pending`, `processing`, `failed`, `canceled`…) and transaction
  statuses (`captured`, `not_authorized`, `voided`, `refunded`, `partial_*`, `error_on_*`…).
  https://docs.pagar.me/docs/cobran%C3%A7a
- Refund = cancel the charge: `DELETE /charges/{charge_id}` with an optional `amount` in cents
  for a partial refund (pagarme/pagarme-python-sdk, `ChargesController.cancel_charge` and
  `CreateCancelChargeRequest`).
- Errors: 400/422 invalid request (`{"message", "errors": {field: [..]}}`), 401 bad key, 403
  blocked by IP, 404 not found, 412 valid but failed, 429 too many requests, 500 internal.
  https://docs.pagar.me/reference/erros-1
- Webhooks: `{"id": "hook_…", "type": "charge.paid", "data": {…the charge…}}` (order events
  carry the order, with its `charges`). https://docs.pagar.me/reference/exemplo-de-webhook-1
  Each call is signed: `X-Webhook-Asymmetric-Signature: alg=RS256; kid=…; signature=…`
  (base64url RSASSA-PKCS1-v1_5 over the raw body with SHA-256), the public keys published as a
  JWKS at https://hubapi.pagar.me/.well-known/jwks.json. The documentation pages we could read
  do not describe it; this is what Pagar.me's own platform module checks
  (pagarme/ecommerce-module-core, src/Webhook/Services/WebhookValidatorService.php, used by
  pagarme/woocommerce's Webhooks controller, which refuses calls without the header).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from http.client import HTTPException
from typing import Any

from .base import (
    ChargeResult,
    GatewayError,
    PaymentStatus,
    RefundResult,
    WebhookEvent,
)

DEFAULT_BASE_URL = "https://api.pagar.me/core/v5"
DEFAULT_JWKS_URL = "https://hubapi.pagar.me/.well-known/jwks.json"
SIGNATURE_HEADER = "x-webhook-asymmetric-signature"
USER_AGENT = "atende-billing/1 (+pagarme-v5)"

# DER prefix of the DigestInfo for SHA-256 (RFC 8017 §9.2, note 1).
_SHA256_DIGEST_INFO = bytes.fromhex("3031300d060960864801650304020105000420")
_MIN_RSA_BITS = 2048
_JWKS_REFRESH_SECONDS = 300.0  # an unknown kid refetches the keys at most this often
_LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}
_CARD_NUMBER = re.compile(r"^\d{12,19}$")

_REFUNDED_TRANSACTIONS = {"voided", "refunded", "partial_void", "partial_refunded"}
_PENDING_TRANSACTIONS = {"waiting_cancellation", "pending_refund", "processing"}
_REFUND_EVENTS = {"charge.refunded", "charge.partial_canceled", "charge.chargedback"}


def reais_to_cents(amount: Decimal) -> int:
    """R$ as a Decimal with at most two places → integer cents, exactly (no float)."""
    if not isinstance(amount, Decimal) or not amount.is_finite():
        raise GatewayError("Valor inválido para cobrança no cartão.")
    if amount <= 0:
        raise GatewayError("O valor deve ser maior que zero.")
    try:
        cents = amount.scaleb(2)
        if cents != cents.to_integral_value():
            raise GatewayError("O valor deve ter no máximo duas casas decimais.")
    except InvalidOperation:
        raise GatewayError("Valor inválido para cobrança no cartão.") from None
    return int(cents)


def cents_to_reais(cents: int) -> Decimal:
    """Integer cents → R$ as a Decimal with two places."""
    return Decimal(cents).scaleb(-2)


def _check_url(url: str, what: str) -> str:
    parts = urllib.parse.urlsplit(url)
    local = parts.scheme == "http" and parts.hostname in _LOCAL_HOSTS
    if parts.scheme != "https" and not local:
        # The secret key travels in every request: plain HTTP only to this machine (tests).
        raise GatewayError(f"A URL {what} do Pagar.me precisa usar HTTPS.")
    return url.rstrip("/")


def _b64url_int(value: object) -> int:
    if not isinstance(value, str) or not value:
        raise ValueError("not a base64url string")
    return int.from_bytes(base64.urlsafe_b64decode(value + "=" * (-len(value) % 4)), "big")


def _rsa_pkcs1_sha256_verify(*, n: int, e: int, message: bytes, signature: bytes) -> bool:
    """RSASSA-PKCS1-v1_5 verification with SHA-256 (RFC 8017 §8.2.2), in plain integers.

    The expected encoded message is rebuilt and compared whole, rather than parsed out of the
    signature, which is the way that avoids the classic padding-parsing forgeries.
    """
    size = (n.bit_length() + 7) // 8
    if len(signature) != size:
        return False
    s = int.from_bytes(signature, "big")
    if s >= n:
        return False
    encoded = pow(s, e, n).to_bytes(size, "big")
    digest_info = _SHA256_DIGEST_INFO + hashlib.sha256(message).digest()
    padding = size - len(digest_info) - 3
    if padding < 8:
        return False
    expected = b"\x00\x01" + b"\xff" * padding + b"\x00" + digest_info
    return hmac.compare_digest(encoded, expected)


def _header(headers: Mapping[str, str], name: str) -> str | None:
    for key, value in headers.items():
        if key.lower() == name:
            return value
    return None


def _text(source: Mapping[str, Any], key: str) -> str:
    value = source.get(key)
    return value if isinstance(value, str) else ""


def _cents(source: Mapping[str, Any], key: str) -> int | None:
    value = source.get(key)
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    return None


def _mapping(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


class PagarmeGateway:
    """Pagar.me API v5 behind the `CardGateway` port.

    `secret_key` is the account's `sk_…` key; `base_url` and `jwks_url` point elsewhere only in
    tests (a local server that answers in Pagar.me's format).
    """

    def __init__(
        self,
        *,
        secret_key: str,
        base_url: str = DEFAULT_BASE_URL,
        jwks_url: str = DEFAULT_JWKS_URL,
        timeout: float = 20.0,
        statement_descriptor: str = "",
    ) -> None:
        if not secret_key:
            raise GatewayError("A chave secreta do Pagar.me não foi configurada.")
        self._authorization = "Basic " + base64.b64encode(f"{secret_key}:".encode()).decode()
        self._base_url = _check_url(base_url, "da API")
        self._jwks_url = _check_url(jwks_url, "das chaves públicas")
        self._timeout = timeout
        self._statement_descriptor = statement_descriptor[:13]  # Pagar.me's limit on the bill
        self._keys: dict[str, tuple[int, int]] = {}
        self._keys_fetched_at: float | None = None
        self._keys_lock = threading.Lock()

    def __repr__(self) -> str:
        return f"PagarmeGateway(base_url={self._base_url!r})"  # never the key

    # -- charge ------------------------------------------------------------------------------

    def charge(
        self,
        *,
        card_token: str,
        customer_ref: str,
        amount: Decimal,
        description: str,
        idempotency_key: str,
    ) -> ChargeResult:
        """Create a closed order paid by the tokenized card, captured at once (1 installment)."""
        card_field, card_value = self._card_reference(card_token)
        if not customer_ref:
            raise GatewayError("Informe o cliente do Pagar.me (customer_id) para a cobrança.")
        if not idempotency_key:
            raise GatewayError("A cobrança precisa de uma chave de idempotência.")
        cents = reais_to_cents(amount)
        credit_card: dict[str, Any] = {
            "installments": 1,
            "operation_type": "auth_and_capture",
            card_field: card_value,
        }
        if self._statement_descriptor:
            credit_card["statement_descriptor"] = self._statement_descriptor
        body = {
            "customer_id": customer_ref,
            "items": [
                {
                    "amount": cents,
                    "description": (description or "Cobrança")[:256],
                    "quantity": 1,
                    "code": idempotency_key[:52],
                }
            ],
            "payments": [{"payment_method": "credit_card", "credit_card": credit_card}],
            "closed": True,
            "metadata": {"idempotency_key": idempotency_key},
        }
        order = self._request("POST", "/orders", body=body, idempotency_key=idempotency_key)
        charges = order.get("charges")
        if not isinstance(charges, list) or not charges or not isinstance(charges[0], dict):
            raise GatewayError("O Pagar.me respondeu o pedido sem a cobrança.", retryable=True)
        charge = charges[0]
        charge_id = _text(charge, "id")
        charge_cents = _cents(charge, "amount")
        if not charge_id or charge_cents is None:
            raise GatewayError("O Pagar.me respondeu a cobrança sem id ou valor.", retryable=True)
        status, message = _charge_outcome(charge)
        transaction = _mapping(charge.get("last_transaction"))
        card = _mapping(transaction.get("card"))
        return ChargeResult(
            status=status,
            charge_id=charge_id,
            amount=cents_to_reais(charge_cents),
            order_id=_text(order, "id"),
            transaction_id=_text(transaction, "id"),
            message=message,
            card_id=_text(card, "id"),
            card_brand=_text(card, "brand"),
            card_last_four=_text(card, "last_four_digits"),
        )

    @staticmethod
    def _card_reference(card_token: str) -> tuple[str, str]:
        token = (card_token or "").strip()
        if _CARD_NUMBER.match(re.sub(r"[\s.-]", "", token)):
            # Refused before any request: a card number here means a form posted it to us.
            raise GatewayError(
                "Recebemos um número de cartão em vez de um token; o cartão deve ser enviado "
                "direto ao Pagar.me pela página de pagamento."
            )
        if not token:
            raise GatewayError("Informe o token do cartão gerado pelo Pagar.me.")
        # A card Pagar.me keeps for the customer is `card_…`; a one-time token is `token_…`.
        return ("card_id", token) if token.startswith("card_") else ("card_token", token)

    # -- refund ------------------------------------------------------------------------------

    def refund(
        self, *, charge_id: str, amount: Decimal | None = None, idempotency_key: str | None = None
    ) -> RefundResult:
        """Cancel the charge: all of it (amount None) or `amount` of it."""
        if not charge_id:
            raise GatewayError("Informe a cobrança a estornar.")
        body = None if amount is None else {"amount": reais_to_cents(amount)}
        path = "/charges/" + urllib.parse.quote(charge_id, safe="")
        charge = self._request("DELETE", path, body=body, idempotency_key=idempotency_key)
        transaction = _mapping(charge.get("last_transaction"))
        tx_status = _text(transaction, "status")
        if tx_status in _REFUNDED_TRANSACTIONS or (
            not tx_status and _text(charge, "status") == "canceled"
        ):
            status, message = PaymentStatus.REFUNDED, ""
        elif tx_status in _PENDING_TRANSACTIONS:
            status, message = PaymentStatus.PENDING, "Estorno em processamento pelo Pagar.me."
        else:
            status = PaymentStatus.FAILED
            message = f"O Pagar.me não concluiu o estorno: {_reason(transaction)}."
        refunded_cents = _cents(transaction, "amount")
        if refunded_cents is None:
            refunded_cents = body["amount"] if body else _cents(charge, "canceled_amount")
        if refunded_cents is None:
            raise GatewayError("O Pagar.me respondeu o estorno sem o valor.", retryable=True)
        return RefundResult(
            status=status,
            charge_id=_text(charge, "id") or charge_id,
            amount=cents_to_reais(refunded_cents),
            refund_id=_text(transaction, "id"),
            message=message,
        )

    # -- webhook -----------------------------------------------------------------------------

    def parse_webhook(self, *, headers: Mapping[str, str], body: bytes) -> WebhookEvent:
        """Check the RS256 signature over the raw body, then read the charge it reports."""
        self._verify_signature(headers, body)
        try:
            event = json.loads(body, parse_float=Decimal)
        except (ValueError, UnicodeDecodeError):
            raise GatewayError("O corpo do webhook do Pagar.me não é um JSON válido.") from None
        if not isinstance(event, dict):
            raise GatewayError("O corpo do webhook do Pagar.me não é um objeto JSON.")
        event_id, event_type = _text(event, "id"), _text(event, "type")
        data = event.get("data")
        if not event_id or not event_type or not isinstance(data, dict):
            raise GatewayError("Webhook do Pagar.me sem id, tipo ou dados.")
        order_id = ""
        if event_type.startswith("charge."):
            charge = data
            order_id = _text(_mapping(data.get("order")), "id")
        elif event_type.startswith("order."):
            charges = data.get("charges")
            if not isinstance(charges, list) or not charges or not isinstance(charges[0], dict):
                raise GatewayError(f"O evento {event_type} do Pagar.me não traz a cobrança.")
            charge, order_id = charges[0], _text(data, "id")
        else:
            raise GatewayError(f"O evento {event_type} do Pagar.me não é de uma cobrança.")
        charge_id = _text(charge, "id")
        if not charge_id or not _text(charge, "status"):
            raise GatewayError("Webhook do Pagar.me sem o id ou a situação da cobrança.")
        status, _message = _charge_outcome(charge)
        if event_type in _REFUND_EVENTS:
            # A partial cancellation leaves the charge `paid`; the event is what says refund.
            status = PaymentStatus.REFUNDED
        charge_cents = _cents(charge, "amount")
        return WebhookEvent(
            event_id=event_id,
            event_type=event_type,
            charge_id=charge_id,
            status=status,
            amount=None if charge_cents is None else cents_to_reais(charge_cents),
            order_id=order_id,
        )

    def _verify_signature(self, headers: Mapping[str, str], body: bytes) -> None:
        header = _header(headers, SIGNATURE_HEADER)
        if not header:
            raise GatewayError("Webhook sem a assinatura do Pagar.me.")
        parts: dict[str, str] = {}
        for piece in header.split(";"):
            name, sep, value = piece.strip().partition("=")
            if sep:
                parts[name.strip().lower()] = value.strip()
        kid, signature_text = parts.get("kid", ""), parts.get("signature", "")
        if parts.get("alg") != "RS256" or not kid or not signature_text:
            raise GatewayError("Assinatura do webhook do Pagar.me em formato inválido.")
        try:
            signature = base64.urlsafe_b64decode(signature_text + "=" * (-len(signature_text) % 4))
        except ValueError:
            raise GatewayError("Assinatura do webhook do Pagar.me em formato inválido.") from None
        n, e = self._public_key(kid)
        if not _rsa_pkcs1_sha256_verify(n=n, e=e, message=body, signature=signature):
            raise GatewayError("Assinatura do webhook do Pagar.me inválida.")

    def _public_key(self, kid: str) -> tuple[int, int]:
        with self._keys_lock:
            key = self._keys.get(kid)
            recent = (
                self._keys_fetched_at is not None
                and time.monotonic() - self._keys_fetched_at < _JWKS_REFRESH_SECONDS
            )
            if key is None and not recent:
                self._keys = self._fetch_keys()
                self._keys_fetched_at = time.monotonic()
                key = self._keys.get(kid)
        if key is None:
            raise GatewayError("Webhook assinado com uma chave que o Pagar.me não publica.")
        return key

    def _fetch_keys(self) -> dict[str, tuple[int, int]]:
        try:
            jwks = self._request("GET", "", url=self._jwks_url, authenticated=False)
        except GatewayError:
            # Whatever went wrong, the webhook was not judged: let Pagar.me deliver it again.
            raise GatewayError(
                "Não foi possível obter as chaves públicas do Pagar.me para conferir o webhook; "
                "tente de novo.",
                retryable=True,
            ) from None
        keys: dict[str, tuple[int, int]] = {}
        for jwk in jwks.get("keys") or []:
            if not isinstance(jwk, dict) or jwk.get("kty") != "RSA":
                continue
            if jwk.get("use", "sig") != "sig" or jwk.get("alg", "RS256") != "RS256":
                continue
            try:
                n, e = _b64url_int(jwk.get("n")), _b64url_int(jwk.get("e"))
            except ValueError:
                continue
            if n.bit_length() >= _MIN_RSA_BITS and isinstance(jwk.get("kid"), str):
                keys[jwk["kid"]] = (n, e)
        return keys

    # -- HTTP --------------------------------------------------------------------------------

    def _request(
        self,
        method: str,
        path: str,
        *,
        body: Mapping[str, Any] | None = None,
        idempotency_key: str | None = None,
        url: str | None = None,
        authenticated: bool = True,
    ) -> dict[str, Any]:
        headers = {"Accept": "application/json", "User-Agent": USER_AGENT}
        if authenticated:
            headers["Authorization"] = self._authorization
        data = None
        if body is not None:
            data = json.dumps(body, ensure_ascii=False).encode()
            headers["Content-Type"] = "application/json"
        if idempotency_key:
            headers["Idempotency-Key"] = idempotency_key
        # The URLs' schemes were checked in __init__ (https, or http to this machine only).
        request = urllib.request.Request(  # noqa: S310
            url or self._base_url + path, data=data, headers=headers, method=method
        )
        try:
            with urllib.request.urlopen(request, timeout=self._timeout) as response:  # noqa: S310
                raw = response.read()
        except urllib.error.HTTPError as exc:
            raise _http_error(exc.code, exc.read()) from None
        except TimeoutError:
            raise GatewayError(
                "O Pagar.me não respondeu a tempo; tente de novo.", retryable=True
            ) from None
        except urllib.error.URLError as exc:
            if isinstance(exc.reason, TimeoutError):
                raise GatewayError(
                    "O Pagar.me não respondeu a tempo; tente de novo.", retryable=True
                ) from None
            raise GatewayError(
                "Não foi possível conectar ao Pagar.me; tente de novo.", retryable=True
            ) from None
        except (OSError, HTTPException):
            raise GatewayError(
                "A conexão com o Pagar.me caiu no meio da resposta; tente de novo.",
                retryable=True,
            ) from None
        try:
            decoded = json.loads(raw, parse_float=Decimal)
        except (ValueError, UnicodeDecodeError):
            # Safe to repeat: the same idempotency key gets Pagar.me's stored answer.
            raise GatewayError(
                "O Pagar.me respondeu algo que não é JSON válido; tente de novo.", retryable=True
            ) from None
        if not isinstance(decoded, dict):
            raise GatewayError("O Pagar.me respondeu em um formato inesperado.", retryable=True)
        return decoded


def _http_error(status: int, raw: bytes) -> GatewayError:
    detail = ""
    try:
        payload = json.loads(raw, parse_float=Decimal)
    except (ValueError, UnicodeDecodeError):
        payload = None
    if isinstance(payload, dict):
        detail = _text(payload, "message").rstrip(".")
        errors = payload.get("errors")
        if isinstance(errors, dict):
            fields = [
                f"{field}: {' '.join(str(m).rstrip('.') for m in messages)}"
                if isinstance(messages, list)
                else f"{field}: {str(messages).rstrip('.')}"
                for field, messages in errors.items()
            ]
            detail = "; ".join(filter(None, [detail, *fields]))
    suffix = f": {detail}." if detail else "."
    if status == 401:
        return GatewayError(
            "O Pagar.me recusou a chave de API (HTTP 401); confira a chave secreta configurada.",
            status_code=status,
        )
    if status == 403:
        return GatewayError(
            f"O Pagar.me bloqueou a requisição por IP ou domínio (HTTP 403){suffix}",
            status_code=status,
        )
    if status == 404:
        return GatewayError(
            f"O Pagar.me não encontrou o recurso (HTTP 404){suffix}", status_code=404
        )
    if status == 429:
        return GatewayError(
            "O Pagar.me limitou o número de requisições (HTTP 429); tente de novo em instantes.",
            retryable=True,
            status_code=status,
        )
    if status >= 500:
        return GatewayError(
            f"O Pagar.me está com falha (HTTP {status}); tente de novo.",
            retryable=True,
            status_code=status,
        )
    return GatewayError(
        f"O Pagar.me recusou a requisição (HTTP {status}){suffix}", status_code=status
    )


def _reason(transaction: Mapping[str, Any]) -> str:
    """Why the acquirer or Pagar.me refused, without a final period (the caller adds one)."""
    message = _text(transaction, "acquirer_message")
    for error in _mapping(transaction.get("gateway_response")).get("errors") or []:
        if not message and isinstance(error, dict):
            message = _text(error, "message")
    return message.strip().rstrip(".") or "motivo não informado"


def _charge_outcome(charge: Mapping[str, Any]) -> tuple[PaymentStatus, str]:
    """A Pagar.me charge's status (and its last transaction's) in our five words."""
    status = _text(charge, "status")
    transaction = _mapping(charge.get("last_transaction"))
    if status == "paid":
        return PaymentStatus.APPROVED, ""
    if status in {"pending", "processing"}:
        return (
            PaymentStatus.PENDING,
            "Pagamento em análise pelo Pagar.me; a confirmação chega pelo webhook.",
        )
    if status == "failed":
        antifraud = _text(_mapping(transaction.get("antifraud_response")), "status")
        if _text(transaction, "status") == "not_authorized" or antifraud == "reproved":
            return PaymentStatus.DECLINED, f"Cartão recusado: {_reason(transaction)}."
        return (
            PaymentStatus.FAILED,
            f"O Pagar.me não conseguiu processar o pagamento: {_reason(transaction)}.",
        )
    if status in {"canceled", "chargedback"}:
        return PaymentStatus.REFUNDED, "Cobrança cancelada ou estornada no Pagar.me."
    # An unknown status is not money we can count on, nor a refusal: wait for the webhook.
    return PaymentStatus.PENDING, f"Situação do Pagar.me ainda não reconhecida: {status or '?'}."
