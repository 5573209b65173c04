"""EMAIL_URL → Django e-mail settings."""

import pytest

from atende.core.email_url import parse_email_url

SMTP = "django.core.mail.backends.smtp.EmailBackend"


@pytest.mark.parametrize(
    ("url", "host", "port", "user", "password", "tls", "ssl"),
    [
        ("smtp://127.0.0.1:2525", "127.0.0.1", 2525, "", "", False, False),
        ("smtp://mail.example.com", "mail.example.com", 25, "", "", False, False),
        (
            "smtp+tls://avisos%40empresa.com:s%3Acr%40t@smtp.empresa.com:587",
            "smtp.empresa.com",
            587,
            "avisos@empresa.com",
            "s:cr@t",
            True,
            False,
        ),
        (
            "smtp+ssl://avisos%40empresa.com:p%2Fa%25s%20s@smtp.empresa.com:465",
            "smtp.empresa.com",
            465,
            "avisos@empresa.com",
            "p/a%s s",
            False,
            True,
        ),
        ("smtp+ssl://mail.example.com", "mail.example.com", 465, "", "", False, True),
    ],
)
def test_smtp_urls(url, host, port, user, password, tls, ssl):
    assert parse_email_url(url) == {
        "EMAIL_BACKEND": SMTP,
        "EMAIL_HOST": host,
        "EMAIL_PORT": port,
        "EMAIL_HOST_USER": user,
        "EMAIL_HOST_PASSWORD": password,
        "EMAIL_USE_TLS": tls,
        "EMAIL_USE_SSL": ssl,
        "EMAIL_TIMEOUT": 20,
    }


@pytest.mark.parametrize(
    ("url", "backend"),
    [
        ("console://", "django.core.mail.backends.console.EmailBackend"),
        ("", "django.core.mail.backends.console.EmailBackend"),
        ("locmem://", "django.core.mail.backends.locmem.EmailBackend"),
    ],
)
def test_development_backends(url, backend):
    assert parse_email_url(url) == {"EMAIL_BACKEND": backend}


@pytest.mark.parametrize("url", ["sendgrid://key", "smtps://mail.example.com", "mail.example.com"])
def test_unknown_schemes_are_refused(url):
    with pytest.raises(ValueError, match="not supported"):
        parse_email_url(url)
