"""Password reset: the same work for known and unknown addresses, a link of one hour and one use."""

import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.auth.tokens import PasswordResetTokenGenerator, default_token_generator

from atende.accounts.tasks import password_reset_email_task
from atende.accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

RESET = "/senha/redefinir/"
NEW_PASSWORD = "Nova-senha-forte-42"  # noqa: S105


def _ask(client, email, capture, execute=False):
    with capture(execute=execute) as callbacks:
        response = client.post(RESET, {"email": email})
    return response, callbacks


def _without_csrf_token(page: str) -> str:
    return re.sub(r'"X-CSRFToken": "\w+"', "", page)  # masked anew on every response


def _link_path(body: str) -> str:
    link = re.search(r"https?://\S+/senha/definir/\S+/", body).group(0)
    assert link.startswith(settings.SITE_URL + "/")
    return link.removeprefix(settings.SITE_URL)


def _set_password(client, path: str, password: str = NEW_PASSWORD):
    form_page = client.get(path, follow=True)
    if not form_page.context["validlink"]:
        return form_page
    return client.post(
        form_page.redirect_chain[-1][0], {"new_password1": password, "new_password2": password}
    )


@pytest.mark.parametrize("typed", ["known", "unknown"])
def test_known_and_unknown_addresses_do_the_same_work_in_the_request(
    client, member, django_capture_on_commit_callbacks, django_assert_num_queries, typed
):
    email = member.user.email if typed == "known" else "ninguem@example.com"

    with django_assert_num_queries(1):  # the user lookup, hit or miss
        response, callbacks = _ask(client, email, django_capture_on_commit_callbacks)

    assert (response.status_code, response["Location"]) == (302, "/senha/redefinir/enviado/")
    [queued] = callbacks
    assert queued.func == password_reset_email_task.delay
    expected = (member.user.pk,) if typed == "known" else (None,)
    assert (queued.args, queued.keywords) == (expected, {})


def test_the_done_page_says_the_same_for_every_address(client, member):
    known = client.post(RESET, {"email": member.user.email}, follow=True)
    unknown = client.post(RESET, {"email": "ninguem@example.com"}, follow=True)

    page = _without_csrf_token(known.content.decode())
    assert page == _without_csrf_token(unknown.content.decode())
    assert "vale uma vez, por uma hora" in page


def test_the_email_arrives_and_its_link_sets_a_new_password(
    client, member, mailoutbox, django_capture_on_commit_callbacks
):
    _ask(client, member.user.email.upper(), django_capture_on_commit_callbacks, execute=True)

    [message] = mailoutbox
    assert message.to == [member.user.email]
    assert message.subject == "Escolha uma nova senha para o Atende"
    saved = _set_password(client, _link_path(message.body))
    assert saved["Location"] == "/senha/definida/"
    member.user.refresh_from_db()
    assert member.user.check_password(NEW_PASSWORD) is True


def test_unknown_address_gets_no_email(client, mailoutbox, django_capture_on_commit_callbacks):
    _ask(client, "ninguem@example.com", django_capture_on_commit_callbacks, execute=True)

    assert mailoutbox == []


def test_inactive_user_or_one_without_a_password_gets_no_email(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    UserFactory(email="inativa@example.com", is_active=False)
    UserFactory(email="sem-senha@example.com", password="!")  # unusable, as Django marks it

    for email in ("inativa@example.com", "sem-senha@example.com"):
        _, [queued] = _ask(client, email, django_capture_on_commit_callbacks, execute=True)
        assert queued.args == (None,)
    assert mailoutbox == []


def test_the_link_works_once(client, member, mailoutbox, django_capture_on_commit_callbacks):
    _ask(client, member.user.email, django_capture_on_commit_callbacks, execute=True)
    path = _link_path(mailoutbox[0].body)
    _set_password(client, path)

    again = client.get(path, follow=True)

    assert again.context["validlink"] is False
    assert "não vale mais" in again.content.decode()


def test_the_link_dies_when_the_password_changes_another_way(
    client, member, mailoutbox, django_capture_on_commit_callbacks
):
    _ask(client, member.user.email, django_capture_on_commit_callbacks, execute=True)
    member.user.set_password("Trocada-pelo-perfil-7")
    member.user.save(update_fields=["password"])

    page = _set_password(client, _link_path(mailoutbox[0].body))

    assert page.context["validlink"] is False
    member.user.refresh_from_db()
    assert member.user.check_password("Trocada-pelo-perfil-7") is True


class _Later(PasswordResetTokenGenerator):
    def __init__(self, seconds: int) -> None:
        super().__init__()
        self.seconds = seconds

    def _now(self):
        return super()._now() + timedelta(seconds=self.seconds)


def test_the_link_lives_one_hour(member):
    token = default_token_generator.make_token(member.user)

    assert settings.PASSWORD_RESET_TIMEOUT == 3600
    assert _Later(3590).check_token(member.user, token) is True
    assert _Later(3610).check_token(member.user, token) is False


def test_the_task_is_global_and_retries_on_mail_errors():
    assert password_reset_email_task.name == "atende.accounts.tasks.password_reset_email_task"
    assert password_reset_email_task.autoretry_for == (OSError,)
    assert password_reset_email_task(None) is None
