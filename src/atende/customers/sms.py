"""SMS gateways behind one adapter: a logging one by default, an HTTP one for a real provider.

The HTTP gateway POSTs JSON `{"to": "+5519…", "text": "…"}` with a bearer token to
SMS_GATEWAY_URL and expects `{"id": "…"}` back — the common shape of Brazilian SMS APIs.
"""

import json
import logging
import urllib.error
import urllib.request
import uuid

from django.conf import settings

from atende.core.text import digits

logger = logging.getLogger(__name__)


class SmsError(Exception):
    """The gateway refused or did not answer."""


def e164(phone: str) -> str:
    """Brazilian mobile → +55DDNNNNNNNNN."""
    number = digits(phone)
    if not number.startswith("55"):
        number = "55" + number
    return "+" + number


class LoggingSmsGateway:
    """Writes the message to the log; the default until a provider is configured."""

    def send(self, *, to: str, text: str) -> str:
        logger.info("SMS to %s: %s", to, text)
        return f"log-{uuid.uuid4().hex[:12]}"


class HttpSmsGateway:
    def __init__(self, url: str, token: str, timeout: float = 10.0) -> None:
        self.url, self.token, self.timeout = url, token, timeout

    def send(self, *, to: str, text: str) -> str:
        request = urllib.request.Request(  # noqa: S310  (configured provider URL)
            self.url,
            data=json.dumps({"to": to, "text": text}).encode(),
            headers={"Content-Type": "application/json", "Authorization": f"Bearer {self.token}"},
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
                answer = json.loads(response.read().decode())
        except (OSError, ValueError) as exc:
            raise SmsError(str(exc)) from exc
        if not isinstance(answer, dict) or not answer.get("id"):
            raise SmsError(f"resposta inesperada do gateway: {answer!r}")
        return str(answer["id"])


def sms_gateway():
    url = getattr(settings, "SMS_GATEWAY_URL", "")
    if url:
        return HttpSmsGateway(url, getattr(settings, "SMS_GATEWAY_TOKEN", ""))
    return LoggingSmsGateway()
