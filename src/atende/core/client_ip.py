"""The client's IP address, as seen through the reverse proxies we were told to trust.

One function decides it for everything that records or counts an address: sign-in throttling
(django-axes, `AXES_CLIENT_IP_CALLABLE`) and the audit log (`AuditlogMiddleware` below).

`ATENDE_TRUSTED_PROXY_COUNT` says how many proxies stand in front of Django. Each of them
appends the address it received the request from to `X-Forwarded-For`, so with N proxies the
N right-most entries were written by machines we trust and the N-th from the right is the
client. Anything further left was written by the client itself and is never believed. With 0
(the default) the header is ignored and `REMOTE_ADDR` is the client.
"""

import ipaddress

from auditlog.middleware import AuditlogMiddleware as BaseAuditlogMiddleware
from django.conf import settings
from django.http import HttpRequest


def _address(value: str) -> str | None:
    """A bare IP address from one header entry (`1.2.3.4`, `1.2.3.4:80`, `[::1]:80`), or None."""
    value = value.strip()
    if value.startswith("["):  # [IPv6]:port
        value = value[1:].split("]", 1)[0]
    elif value.count(":") == 1:  # IPv4:port (a bare IPv6 address has several colons)
        value = value.split(":", 1)[0]
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return None


def client_ip(request: HttpRequest) -> str | None:
    """The address of the client behind `ATENDE_TRUSTED_PROXY_COUNT` proxies (None if unknown)."""
    remote_addr = request.META.get("REMOTE_ADDR") or None
    trusted = settings.ATENDE_TRUSTED_PROXY_COUNT
    if trusted <= 0:
        return remote_addr
    header = request.META.get("HTTP_X_FORWARDED_FOR", "")
    forwarded = [entry for entry in header.split(",") if entry.strip()]
    if len(forwarded) < trusted:
        # Fewer hops than proxies: the request did not come the way we were told (werkzeug's
        # ProxyFix does the same): nothing in the header can be attributed, keep the peer.
        return remote_addr
    return _address(forwarded[-trusted]) or remote_addr


class AuditlogMiddleware(BaseAuditlogMiddleware):
    """django-auditlog's middleware with our client address instead of the first
    `X-Forwarded-For` entry (which the client writes, so anyone could put any address there)."""

    @staticmethod
    def _get_remote_addr(request: HttpRequest) -> str | None:
        # Set by django-auditlog (auditlog.conf); the plugin sees only atende.settings.
        if settings.AUDITLOG_DISABLE_REMOTE_ADDR:  # type: ignore[misc]
            return None
        return client_ip(request)

    @staticmethod
    def _get_remote_port(request: HttpRequest) -> int | None:
        # X-Forwarded-Port is as easy to forge as X-Forwarded-For; believe it only from a proxy.
        if settings.ATENDE_TRUSTED_PROXY_COUNT <= 0:
            return None
        return BaseAuditlogMiddleware._get_remote_port(request)
