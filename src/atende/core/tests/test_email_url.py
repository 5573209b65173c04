"""EMAIL_URL → Django e-mail settings."""

import pytest

from atende.core.email_url import parse_email_url


def test_smtp_with_tls_and_encoded_credentials():
    assert parse_email_url("smtp+tls://avisos%40empresa.com:s%3Acr%40t@smtp.empresa.com:587") == {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "smtp.empresa.com",
        "EMAIL_PORT": 587,
        "EMAIL_HOST_USER": "avisos@empresa.com",
        "EMAIL_HOST_PASSWORD": "s:cr@t",
        "EMAIL_USE_TLS": True,
        "EMAIL_USE_SSL": False,
        "EMAIL_TIMEOUT": 20,
    }


def test_ssl_default_port_and_plain_smtp():
    assert parse_email_url("smtp+ssl://mail.example.com")["EMAIL_PORT"] == 465
    plain = parse_email_url("smtp://127.0.0.1:2525")
    assert (plain["EMAIL_PORT"], plain["EMAIL_USE_TLS"], plain["EMAIL_HOST_USER"]) == (
        2525,
        False,
        "",
    )


def test_console_and_unknown_schemes():
    assert parse_email_url("console://")["EMAIL_BACKEND"].endswith("console.EmailBackend")
    with pytest.raises(ValueError, match="not supported"):
        parse_email_url("sendgrid://key")
