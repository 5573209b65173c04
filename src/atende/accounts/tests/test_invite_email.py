"""The invitation e-mail: sent after commit, once, with a link that sets the password."""

import re

import pytest

from atende.accounts.services.members import member_invite
from atende.core.errors import DomainError
from atende.core.testing.smtp import smtp_server

pytestmark = pytest.mark.django_db


def _invite(admin_member, callbacks, email="nova@example.com"):
    with callbacks(execute=True):
        return member_invite(actor=admin_member, email=email, full_name="Nova Pessoa", sector=None)


def test_invited_person_chooses_a_password_and_signs_in(
    admin_member, client, mailoutbox, django_capture_on_commit_callbacks
):
    _invite(admin_member, django_capture_on_commit_callbacks)

    [message] = mailoutbox
    assert message.to == ["nova@example.com"]
    assert message.subject == "Convite para a Alfa Provedor Ltda no Atende"
    path = re.search(r"http://[^/]+(/senha/definir/\S+)", message.body).group(1)
    form = client.get(path, follow=True)
    assert "Choose a password" in form.content.decode() or "Escolha" in form.content.decode()
    client.post(
        form.redirect_chain[-1][0],
        {"new_password1": "Senha-nova-segura-9", "new_password2": "Senha-nova-segura-9"},
    )
    signed_in = client.post(
        "/entrar/", {"email": "nova@example.com", "password": "Senha-nova-segura-9"}
    )
    assert signed_in["Location"] == "/"


def test_a_refused_invitation_sends_nothing(
    admin_member, member, mailoutbox, django_capture_on_commit_callbacks
):
    with pytest.raises(DomainError):
        _invite(admin_member, django_capture_on_commit_callbacks, email=member.user.email)
    assert mailoutbox == []


def test_invitation_goes_through_a_real_smtp_server(
    admin_member, settings, django_capture_on_commit_callbacks
):
    with smtp_server() as smtp:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = smtp.host, smtp.port
        _invite(admin_member, django_capture_on_commit_callbacks)
        [message] = smtp.wait_for(1, timeout=10)
    assert message["X-Envelope-To"] == "nova@example.com"
    assert "/senha/definir/" in message.get_content()
