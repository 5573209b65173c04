"""Turn EMAIL_URL (smtp://user:pass@host:port, smtp+tls://, smtp+ssl://) into settings."""

from urllib.parse import unquote, urlsplit


def parse_email_url(url: str) -> dict[str, object]:
    """Return Django e-mail settings for one URL."""
    parts = urlsplit(url)
    if parts.scheme == "console" or not url.strip():  # a bare host is a mistake, not console
        return {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}
    if parts.scheme == "locmem":
        return {"EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend"}
    if parts.scheme not in {"smtp", "smtp+tls", "smtp+ssl"}:
        raise ValueError(f"EMAIL_URL scheme {parts.scheme!r} is not supported")
    return {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": parts.hostname or "localhost",
        "EMAIL_PORT": parts.port or (465 if parts.scheme == "smtp+ssl" else 25),
        "EMAIL_HOST_USER": unquote(parts.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
        "EMAIL_USE_TLS": parts.scheme == "smtp+tls",
        "EMAIL_USE_SSL": parts.scheme == "smtp+ssl",
        "EMAIL_TIMEOUT": 20,
    }
