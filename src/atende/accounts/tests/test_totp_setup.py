"""Two-factor set-up from the profile: scan, confirm with a code, turn off with the password."""

import pyotp
import pytest

from atende.accounts.tests.factories import TEST_PASSWORD
from atende.tenancy.urls import org_reverse

pytestmark = pytest.mark.django_db


def test_totp_is_enabled_only_with_a_valid_code(client_as, member):
    client = client_as(member)
    url = org_reverse("accounts:totp_setup", organization=member.organization)
    page = client.get(url)
    secret = client.session["atende_totp_setup_secret"]
    assert secret in page.content.decode()

    client.post(url, {"code": "123456" if pyotp.TOTP(secret).now() != "123456" else "654321"})
    member.user.refresh_from_db()
    assert member.user.has_totp is False

    client.post(url, {"code": pyotp.TOTP(secret).now()})
    member.user.refresh_from_db()
    assert member.user.has_totp is True
    assert member.user.totp_secret == secret


def test_totp_is_disabled_only_with_the_password(client_as, member):
    secret = pyotp.random_base32()
    member.user.totp_secret = secret
    member.user.totp_enabled_at = "2026-11-01T10:00:00Z"
    member.user.save()
    client = client_as(member)
    url = org_reverse("accounts:totp_setup", organization=member.organization)

    wrong = client.post(url, {"password": "errada"})
    assert "Senha incorreta." in wrong.content.decode()
    member.user.refresh_from_db()
    assert member.user.has_totp is True

    client.post(url, {"password": TEST_PASSWORD})
    member.user.refresh_from_db()
    assert member.user.has_totp is False
