"""Sign-in by e-mail and password, two-factor, sign-out. (Throttling: test_signin_throttle.py.)"""

import pyotp
import pytest
from axes.models import AccessAttempt
from django.urls import reverse

from atende.accounts.services.signin import totp_enable
from atende.accounts.tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db

LOGIN = "/entrar/"


def test_member_signs_in_with_email_in_any_case_and_lands_on_their_organization(client, member):
    response = client.post(LOGIN, {"email": member.user.email.upper(), "password": TEST_PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == "/"
    assert client.get("/")["Location"] == f"/{member.organization.slug}/"


def test_wrong_password_is_refused_with_a_portuguese_message_and_counted(client, member):
    response = client.post(LOGIN, {"email": member.user.email, "password": "errada"})

    assert response.status_code == 200
    assert "E-mail ou senha incorretos." in response.content.decode()
    [attempt] = AccessAttempt.objects.all()
    assert (attempt.username, attempt.failures_since_start) == (member.user.email, 1)
    assert "_auth_user_id" not in client.session


def test_next_parameter_keeps_the_user_on_the_page_they_asked_for(client, member):
    target = f"/{member.organization.slug}/perfil/"
    response = client.post(
        f"{LOGIN}?next={target}", {"email": member.user.email, "password": TEST_PASSWORD}
    )
    assert response["Location"] == target


def test_next_parameter_to_another_site_is_ignored(client, member):
    response = client.post(
        f"{LOGIN}?next=https://evil.example/",
        {"email": member.user.email, "password": TEST_PASSWORD},
    )
    assert response["Location"] == "/"


def test_two_factor_asks_for_the_code_before_signing_in(client, member):
    secret = pyotp.random_base32()
    totp_enable(user=member.user, secret=secret, code=pyotp.TOTP(secret).now())

    response = client.post(LOGIN, {"email": member.user.email, "password": TEST_PASSWORD})
    assert response["Location"].startswith(reverse("auth:totp_verify"))
    assert "_auth_user_id" not in client.session

    wrong = client.post(reverse("auth:totp_verify"), {"code": "000000"})
    assert "Código inválido." in wrong.content.decode()
    assert "_auth_user_id" not in client.session

    right = client.post(reverse("auth:totp_verify"), {"code": pyotp.TOTP(secret).now()})
    assert right.status_code == 302
    assert client.session["_auth_user_id"] == str(member.user.pk)


def test_code_page_without_a_password_step_goes_back_to_sign_in(client):
    response = client.get(reverse("auth:totp_verify"))
    assert response["Location"] == reverse("auth:login")


def test_sign_out_needs_post(client_as, member):
    client = client_as(member)
    assert client.get(reverse("auth:logout")).status_code == 405
    client.post(reverse("auth:logout"))
    assert "_auth_user_id" not in client.session
