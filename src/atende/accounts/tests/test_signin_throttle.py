"""Sign-in throttling (django-axes): per e-mail, per client address, two-factor codes included,
and the platform administration behind the same door."""

import pyotp
import pytest
from axes.models import AccessAttempt
from django.contrib.auth import authenticate
from django.test import RequestFactory
from django.urls import reverse

from atende.accounts.services.signin import totp_enable
from atende.accounts.tests.factories import TEST_PASSWORD, MemberFactory, UserFactory

pytestmark = pytest.mark.django_db

LOGIN = "/entrar/"
THROTTLED = "Muitas tentativas sem sucesso. Aguarde 15 minutos e tente de novo."


@pytest.fixture(autouse=True)
def _three_failures(settings):
    settings.LOGIN_FAILURE_LIMIT = 3
    settings.LOGIN_FAILURE_WINDOW_SECONDS = 900


def _fail(client, email, times=1, **extra):
    for _ in range(times):
        client.post(LOGIN, {"email": email, "password": "errada"}, **extra)


def _signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_after_the_limit_even_the_right_password_is_refused(client, member):
    _fail(client, member.user.email, times=3)

    response = client.post(LOGIN, {"email": member.user.email, "password": TEST_PASSWORD})

    assert response.status_code == 429
    assert response.context["form"].non_field_errors() == [THROTTLED]
    assert _signed_in(client) is False


def test_the_message_follows_the_window(client, member, settings):
    settings.LOGIN_FAILURE_WINDOW_SECONDS = 1800
    _fail(client, member.user.email, times=3)

    response = client.post(LOGIN, {"email": member.user.email, "password": TEST_PASSWORD})

    assert response.context["form"].non_field_errors() == [
        "Muitas tentativas sem sucesso. Aguarde 30 minutos e tente de novo."
    ]


def test_the_limit_counts_the_email_in_any_case(client, member):
    _fail(client, member.user.email.upper(), times=2)
    _fail(client, f"  {member.user.email}", times=1)

    client.post(LOGIN, {"email": member.user.email, "password": TEST_PASSWORD})

    assert _signed_in(client) is False
    assert list(AccessAttempt.objects.values_list("username", flat=True).distinct()) == [
        member.user.email
    ]


def test_below_the_limit_the_right_password_signs_in_and_clears_the_failures(client, member):
    _fail(client, member.user.email, times=2)

    response = client.post(LOGIN, {"email": member.user.email, "password": TEST_PASSWORD})

    assert response.status_code == 302
    assert _signed_in(client) is True
    assert AccessAttempt.objects.filter(username=member.user.email).exists() is False


def test_failures_older_than_the_window_are_forgotten(client, member):
    _fail(client, member.user.email, times=3)
    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.get().attempt_time.replace(year=2000)
    )

    client.post(LOGIN, {"email": member.user.email, "password": TEST_PASSWORD})

    assert _signed_in(client) is True


def test_one_locked_email_does_not_lock_a_colleague_on_the_same_address(client, member):
    colleague = MemberFactory(organization=member.organization)
    _fail(client, member.user.email, times=3)

    client.post(LOGIN, {"email": colleague.user.email, "password": TEST_PASSWORD})

    assert _signed_in(client) is True


def test_an_address_guessing_many_emails_is_locked_at_four_times_the_limit(client, member):
    for index in range(12):  # 3 × 4, one failure each on twelve different e-mails
        _fail(client, f"pessoa{index}@example.com")

    response = client.post(LOGIN, {"email": member.user.email, "password": TEST_PASSWORD})

    assert response.status_code == 429
    assert _signed_in(client) is False


def test_forged_forwarded_for_does_not_escape_the_address_lock(client, member, settings):
    settings.ATENDE_TRUSTED_PROXY_COUNT = 0
    for index in range(12):
        _fail(client, f"p{index}@example.com", HTTP_X_FORWARDED_FOR=f"198.51.100.{index}")

    client.post(LOGIN, {"email": member.user.email, "password": TEST_PASSWORD})

    assert _signed_in(client) is False
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"127.0.0.1"}


def test_behind_a_trusted_proxy_each_client_is_counted_apart(client, member, settings):
    settings.ATENDE_TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    for index in range(12):
        forwarded = f"192.0.2.99, 198.51.100.{index}"  # the client wrote the first entry itself
        _fail(client, f"p{index}@example.com", HTTP_X_FORWARDED_FOR=forwarded, **proxy)

    client.post(
        LOGIN,
        {"email": member.user.email, "password": TEST_PASSWORD},
        HTTP_X_FORWARDED_FOR="203.0.113.5",
        **proxy,
    )

    assert _signed_in(client) is True
    assert AccessAttempt.objects.filter(ip_address="198.51.100.7").count() == 1
    assert AccessAttempt.objects.filter(ip_address__in=["10.0.0.2", "192.0.2.99"]).exists() is False


def _with_totp(user) -> str:
    secret = pyotp.random_base32()
    totp_enable(user=user, secret=secret, code=pyotp.TOTP(secret).now())
    return secret


def test_wrong_two_factor_codes_count_as_failures_of_that_email(client, member):
    secret = _with_totp(member.user)
    client.post(LOGIN, {"email": member.user.email, "password": TEST_PASSWORD})

    for _ in range(2):
        wrong = client.post(reverse("auth:totp_verify"), {"code": "000000"})
        assert wrong.status_code == 200
    third = client.post(reverse("auth:totp_verify"), {"code": "000000"})
    right = client.post(reverse("auth:totp_verify"), {"code": pyotp.TOTP(secret).now()})

    assert third.status_code == right.status_code == 429
    assert right.context["form"].non_field_errors() == [THROTTLED]
    assert _signed_in(client) is False
    assert AccessAttempt.objects.get(username=member.user.email).failures_since_start == 3
    # The password step is closed too: starting over does not reset the count.
    again = client.post(LOGIN, {"email": member.user.email, "password": TEST_PASSWORD})
    assert again.status_code == 429


def test_every_authenticate_call_is_refused_while_locked(client, member):
    _fail(client, member.user.email, times=3)
    request = RequestFactory().post("/qualquer-porta/", REMOTE_ADDR="127.0.0.1")

    assert authenticate(request, username=member.user.email, password=TEST_PASSWORD) is None


def test_admin_login_sends_to_the_one_sign_in_page(client):
    response = client.get("/admin/login/?next=/admin/accounts/user/")

    assert response.status_code == 302
    assert response["Location"] == "/entrar/?next=%2Fadmin%2Faccounts%2Fuser%2F"


def test_admin_login_never_checks_a_password(client):
    staff = UserFactory(is_staff=True, is_superuser=True)

    response = client.post(
        "/admin/login/", {"username": staff.email, "password": TEST_PASSWORD, "next": "/admin/"}
    )

    assert response["Location"] == "/entrar/?next=%2Fadmin%2F"
    assert _signed_in(client) is False


def test_admin_login_of_a_locked_account_gets_nowhere(client):
    staff = UserFactory(is_staff=True, is_superuser=True)
    _fail(client, staff.email, times=3)

    client.post("/admin/login/", {"username": staff.email, "password": TEST_PASSWORD})
    via_door = client.post(
        "/entrar/?next=/admin/", {"email": staff.email, "password": TEST_PASSWORD}
    )

    assert via_door.status_code == 429
    assert _signed_in(client) is False
    assert client.get("/admin/")["Location"].startswith("/admin/login/")


def test_staff_signs_in_at_the_door_and_lands_in_the_admin(client):
    staff = UserFactory(is_staff=True, is_superuser=True)

    response = client.post(
        "/entrar/?next=/admin/", {"email": staff.email, "password": TEST_PASSWORD}
    )

    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_admin_login_for_a_signed_in_non_staff_person_is_forbidden(client_as, member):
    assert client_as(member).get("/admin/login/").status_code == 403


def test_admin_login_for_signed_in_staff_goes_on_to_next(client):
    staff = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(staff)

    assert client.get("/admin/login/?next=/admin/auth/")["Location"] == "/admin/auth/"
    assert client.get("/admin/login/?next=https://evil.example/")["Location"] == "/admin/"
