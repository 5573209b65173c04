"""The client-address and two-factor throttles in the places the sign-in tests do not reach:
a locked address at the second step, the address count surviving a good sign-in, the window
of the address count, the message's plural, and `authenticate()` callers other than our pages."""

from datetime import timedelta

import pyotp
import pytest
from axes.models import AccessAttempt
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from atende.accounts.services.signin import totp_enable
from atende.accounts.tests.factories import TEST_PASSWORD, MemberFactory
from atende.accounts.throttle import (
    THROTTLED_STATUS,
    lockout_response,
    signin_is_locked,
    throttled_message,
)

pytestmark = pytest.mark.django_db

LOGIN = "/entrar/"


@pytest.fixture(autouse=True)
def _three_failures(settings):
    settings.LOGIN_FAILURE_LIMIT = 3
    settings.LOGIN_FAILURE_WINDOW_SECONDS = 900


def _fail_from(client, emails, **extra):
    for email in emails:
        client.post(LOGIN, {"email": email, "password": "errada"}, **extra)


def _strangers(count: int) -> list[str]:
    return [f"estranho{index}@example.com" for index in range(count)]


def _signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def _with_totp(user) -> str:
    secret = pyotp.random_base32()
    totp_enable(user=user, secret=secret, code=pyotp.TOTP(secret).now())
    return secret


def test_an_address_locked_after_the_password_step_refuses_the_right_code(client, member):
    secret = _with_totp(member.user)
    client.post(LOGIN, {"email": member.user.email, "password": TEST_PASSWORD})
    _fail_from(client, _strangers(12))  # the same address now guesses other accounts

    response = client.post(reverse("auth:totp_verify"), {"code": pyotp.TOTP(secret).now()})

    assert response.status_code == THROTTLED_STATUS
    assert _signed_in(client) is False
    # The refusal at the second step is not itself counted against the person's e-mail.
    assert AccessAttempt.objects.filter(username=member.user.email).exists() is False


def test_the_address_count_is_one_short_of_the_lock_below_four_times_the_limit(client, member):
    _fail_from(client, _strangers(11))

    client.post(LOGIN, {"email": member.user.email, "password": TEST_PASSWORD})

    assert _signed_in(client) is True


def test_a_good_sign_in_does_not_wipe_the_address_count(client, member):
    _fail_from(client, _strangers(11))
    client.post(LOGIN, {"email": member.user.email, "password": TEST_PASSWORD})
    client.logout()

    _fail_from(client, ["mais-um@example.com"])  # the twelfth failure of this address
    colleague = MemberFactory(organization=member.organization)
    response = client.post(LOGIN, {"email": colleague.user.email, "password": TEST_PASSWORD})

    assert response.status_code == THROTTLED_STATUS
    assert _signed_in(client) is False


def test_address_failures_older_than_the_window_do_not_count(client, member):
    _fail_from(client, _strangers(12))
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(seconds=901))

    client.post(LOGIN, {"email": member.user.email, "password": TEST_PASSWORD})

    assert _signed_in(client) is True


def test_a_locked_address_does_not_lock_the_same_person_elsewhere(client, member):
    _fail_from(client, _strangers(12), REMOTE_ADDR="198.51.100.9")
    request = RequestFactory().post(LOGIN, REMOTE_ADDR="203.0.113.4")

    assert signin_is_locked(request, email=member.user.email) is False
    locked_request = RequestFactory().post(LOGIN, REMOTE_ADDR="198.51.100.9")
    assert signin_is_locked(locked_request, email=member.user.email) is True


def test_two_factor_failures_lock_only_that_email_not_the_address(client, member):
    _with_totp(member.user)
    client.post(LOGIN, {"email": member.user.email, "password": TEST_PASSWORD})
    for _ in range(3):
        client.post(reverse("auth:totp_verify"), {"code": "000000"})
    colleague = MemberFactory(organization=member.organization)

    client.post(LOGIN, {"email": colleague.user.email, "password": TEST_PASSWORD})

    assert _signed_in(client) is True


def test_a_wrong_code_below_the_limit_says_the_code_is_wrong(client, member):
    _with_totp(member.user)
    client.post(LOGIN, {"email": member.user.email, "password": TEST_PASSWORD})

    response = client.post(reverse("auth:totp_verify"), {"code": "000000"})

    assert response.status_code == 200
    assert response.context["form"].errors["code"] == ["Código inválido."]


def test_the_message_uses_the_singular_for_one_minute(settings):
    settings.LOGIN_FAILURE_WINDOW_SECONDS = 60
    assert throttled_message() == "Muitas tentativas sem sucesso. Aguarde 1 minuto e tente de novo."
    settings.LOGIN_FAILURE_WINDOW_SECONDS = 10  # never "0 minutos"
    assert "Aguarde 1 minuto " in throttled_message()


def test_another_authenticate_caller_gets_the_message_alone():
    response = lockout_response(RequestFactory().post("/qualquer-porta/"))

    assert response.status_code == THROTTLED_STATUS
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode() == throttled_message()
