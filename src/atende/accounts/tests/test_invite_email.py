"""The invitation e-mail: sent after commit, once, with a link to accept (and, for someone new,
to choose a password in the same step)."""

import re

import pytest
from django.conf import settings

from atende.accounts.models import Invitation, User
from atende.accounts.services.invitations import invitation_resend, member_invite
from atende.accounts.tasks import member_invite_email_task
from atende.core.errors import DomainError
from atende.core.testing.smtp import smtp_server

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "Senha-nova-segura-9"  # noqa: S105


def _invite(admin_member, email="nova@example.com", full_name="Nova Pessoa"):
    return member_invite(actor=admin_member, email=email, full_name=full_name, sector=None)


def _link_path(body: str) -> str:
    """The accept link in an invitation, as a path for the test client."""
    link = re.search(r"https?://\S+/conta/convite/\S+/", body).group(0)
    assert link.startswith(settings.SITE_URL + "/")
    return link.removeprefix(settings.SITE_URL)


def test_the_email_waits_for_the_commit_and_goes_once(
    admin_member, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        invitation = _invite(admin_member)
        assert mailoutbox == []

    [queued] = callbacks
    assert queued.func == member_invite_email_task.delay
    assert queued.args == (admin_member.organization_id, invitation.pk)
    queued()
    [message] = mailoutbox
    assert message.to == ["nova@example.com"]
    assert message.subject == "Convite para a Alfa Provedor Ltda no Atende"
    assert message.body.startswith("Olá, Nova Pessoa.\n\nAna Admin convidou você")
    assert "escolher sua senha" in message.body


def test_someone_with_an_account_is_asked_to_sign_in_and_accept(
    admin_member, other_member, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _invite(admin_member, email=other_member.user.email, full_name="Nome Digitado")

    [message] = mailoutbox
    assert f"entre com {other_member.user.email} para aceitar" in message.body
    assert "escolher sua senha" not in message.body


def test_reinviting_sends_again_and_only_the_newest_link_works(
    admin_member, client, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _invite(admin_member, full_name="Primeiro Nome")
    with django_capture_on_commit_callbacks(execute=True):
        _invite(admin_member, full_name="Nome Corrigido")

    first, second = mailoutbox
    assert Invitation.objects.get().send_count == 2
    assert second.body.startswith("Olá, Nome Corrigido.")
    assert client.get(_link_path(first.body)).status_code == 404
    assert client.get(_link_path(second.body)).status_code == 200


def test_resend_from_the_invitation_page_kills_the_earlier_link(
    admin_member, client, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invitation = _invite(admin_member)
    with django_capture_on_commit_callbacks(execute=True):
        invitation_resend(actor=admin_member, invitation=invitation)

    first, second = mailoutbox
    assert _link_path(first.body) != _link_path(second.body)
    assert client.get(_link_path(first.body)).status_code == 404


def test_invited_person_chooses_a_password_joins_and_can_sign_in_later(
    admin_member, client, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _invite(admin_member)
    path = _link_path(mailoutbox[0].body)

    form_page = client.get(path)
    assert form_page.context["form"].initial == {"full_name": "Nova Pessoa"}
    joined = client.post(
        path, {"full_name": "Nova P. Silva", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    )

    assert joined["Location"] == "/alfa/"
    user = User.objects.get(email="nova@example.com")
    assert (user.full_name, user.check_password(NEW_PASSWORD)) == ("Nova P. Silva", True)
    assert client.get("/alfa/").status_code == 200
    client.post("/sair/")
    signed_in = client.post("/entrar/", {"email": "nova@example.com", "password": NEW_PASSWORD})
    assert signed_in["Location"] == "/"
    # The link works once.
    assert client.get(path).status_code == 404


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


def test_a_cancelled_or_accepted_invitation_is_not_mailed_by_a_late_task(
    admin_member, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        invitation = _invite(admin_member)
    invitation.delete()

    callbacks[0]()

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
    assert _link_path(message.get_content()).startswith("/conta/convite/")
