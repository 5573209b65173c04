"""The invitation e-mail: sent after commit, once, with a link that sets the password."""

import re

import pytest
from django.conf import settings

from atende.accounts.models import User
from atende.accounts.services.members import member_invite
from atende.core.errors import DomainError
from atende.core.testing.smtp import smtp_server

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "Senha-nova-segura-9"  # noqa: S105


def _invite(admin_member, email="nova@example.com"):
    return member_invite(actor=admin_member, email=email, full_name="Nova Pessoa", sector=None)


def _link_path(body: str) -> str:
    """The password-set link in an invitation, as a path for the test client."""
    link = re.search(r"https?://\S+/senha/definir/\S+/", body).group(0)
    assert link.startswith(settings.SITE_URL + "/")
    return link.removeprefix(settings.SITE_URL)


def test_the_email_waits_for_the_commit_and_goes_once(
    admin_member, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        _invite(admin_member)
        assert mailoutbox == []

    assert len(callbacks) == 1
    callbacks[0]()
    [message] = mailoutbox
    assert message.to == ["nova@example.com"]
    assert message.subject == "Convite para a Alfa Provedor Ltda no Atende"


def test_invited_person_chooses_a_password_and_signs_in(
    admin_member, client, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _invite(admin_member)
    [message] = mailoutbox

    form_page = client.get(_link_path(message.body), follow=True)
    assert form_page.status_code == 200
    assert "accounts/password_reset_confirm.html" in [t.name for t in form_page.templates]
    assert form_page.context["validlink"] is True
    assert 'name="new_password1"' in form_page.content.decode()

    saved = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert saved["Location"] == "/senha/definida/"
    user = User.objects.get(email="nova@example.com")
    assert user.check_password(NEW_PASSWORD)

    signed_in = client.post("/entrar/", {"email": "nova@example.com", "password": NEW_PASSWORD})
    assert signed_in["Location"] == "/"
    assert client.session["_auth_user_id"] == str(user.pk)
    # The link works once.
    assert client.get(_link_path(message.body), follow=True).context["validlink"] is False


def test_a_refused_invitation_sends_nothing(
    admin_member, member, mailoutbox, django_capture_on_commit_callbacks
):
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(DomainError, match="já faz parte"),
    ):
        _invite(admin_member, email=member.user.email)

    assert callbacks == []
    assert mailoutbox == []


def test_invitation_goes_through_a_real_smtp_server(
    admin_member, settings, django_capture_on_commit_callbacks
):
    with smtp_server() as smtp:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = smtp.host, smtp.port
        settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
        with django_capture_on_commit_callbacks(execute=True):
            _invite(admin_member)
        [message] = smtp.wait_for(1, timeout=10)

    assert message["X-Envelope-To"] == "nova@example.com"
    assert message["To"] == "nova@example.com"
    assert message["From"] == settings.DEFAULT_FROM_EMAIL
    assert message["Subject"] == "Convite para a Alfa Provedor Ltda no Atende"
    assert _link_path(message.get_content()).startswith("/senha/definir/")
