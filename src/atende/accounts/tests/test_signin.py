"""Sign-in by e-mail and password, throttling, two-factor, sign-out."""

import pyotp
import pytest
from django.test import override_settings
from django.urls import reverse

from atende.accounts.models import LoginFailure
from atende.accounts.services.signin import totp_enable
from atende.accounts.tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db

LOGIN = "/entrar/"


def test_member_signs_in_with_email_in_any_case_and_lands_on_their_organization(client, member):
    response = client.post(LOGIN, {"email": member.user.email.upper(), "password": TEST_PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == "/"
    assert client.get("/")["Location"] == f"/{member.organization.slug}/"


def test_wrong_password_is_refused_with_a_portuguese_message_and_recorded(client, member):
    response = client.post(LOGIN, {"email": member.user.email, "password": "errada"})

    assert response.status_code == 200
    assert "E-mail ou senha incorretos." in response.content.decode()
    assert LoginFailure.objects.filter(email=member.user.email).count() == 1
    assert "_auth_user_id" not in client.session


@override_settings(LOGIN_FAILURE_LIMIT=3)
def test_sign_in_is_throttled_after_repeated_failures_even_with_the_right_password(client, member):
    for _ in range(3):
        client.post(LOGIN, {"email": member.user.email, "password": "errada"})

    response = client.post(LOGIN, {"email": member.user.email, "password": TEST_PASSWORD})

    assert "Muitas tentativas sem sucesso" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_success_clears_earlier_failures(client, member):
    client.post(LOGIN, {"email": member.user.email, "password": "errada"})
    client.post(LOGIN, {"email": member.user.email, "password": TEST_PASSWORD})

    assert LoginFailure.objects.filter(email=member.user.email).count() == 0


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


def test_password_reset_sends_a_link_that_sets_a_new_password(client, member, mailoutbox):
    client.post(reverse("auth:password_reset"), {"email": member.user.email})

    assert len(mailoutbox) == 1
    link = next(line for line in mailoutbox[0].body.splitlines() if "/senha/definir/" in line)
    form_page = client.get(link.split("testserver", 1)[1], follow=True)
    assert form_page.status_code == 200
    client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "Nova-senha-forte-42", "new_password2": "Nova-senha-forte-42"},
    )
    member.user.refresh_from_db()
    assert member.user.check_password("Nova-senha-forte-42")


def test_password_reset_for_unknown_email_sends_nothing_and_looks_the_same(client, mailoutbox):
    response = client.post(reverse("auth:password_reset"), {"email": "ninguem@example.com"})
    assert response["Location"] == reverse("auth:password_reset_done")
    assert mailoutbox == []
