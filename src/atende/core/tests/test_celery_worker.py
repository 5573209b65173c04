"""A real worker: a task enqueued through Redis runs in another process and sends real e-mail.

The data is committed (transactional_db), the worker opens this run's test database, and the
e-mail it sends arrives at an aiosmtpd server in this process.
"""

import re

import pytest
from django.conf import settings

from atende.accounts.services.invitations import member_invite
from atende.accounts.tasks import member_invite_email_task
from atende.accounts.tests.factories import InvitationFactory
from atende.celery import app as celery_app
from atende.core.testing.smtp import smtp_server
from atende.core.testing.worker import (
    app_on_broker,
    celery_worker,
    database_unshareable_reason,
    redis_unreachable_reason,
)

pytestmark = [pytest.mark.redis, pytest.mark.django_db(transaction=True)]


@pytest.fixture(scope="module")
def smtp(django_db_setup, django_db_blocker):
    """An SMTP server and a worker that sends to it, both up for the whole module."""
    reason = redis_unreachable_reason() or database_unshareable_reason()
    if reason:
        print(f"SKIP: {reason}")  # noqa: T201  (the reason shows with -rs and -s)
        pytest.skip(reason)
    with (
        smtp_server() as server,
        celery_worker(extra_env={"EMAIL_URL": server.url}) as worker,
        app_on_broker(celery_app, worker),
    ):
        yield server


@pytest.fixture
def mail(smtp):
    smtp.messages.clear()
    return smtp


def _link_path(message) -> str:
    link = re.search(r"https?://\S+/conta/convite/\S+/", message.get_content()).group(0)
    assert link.startswith(settings.SITE_URL)
    return link.removeprefix(settings.SITE_URL)


def test_invitation_is_sent_by_a_real_worker_through_redis(mail, admin_member, client):
    member_invite(
        actor=admin_member, email="nova.pessoa@example.com", full_name="Nova", sector=None
    )

    [message] = mail.wait_for(1, timeout=30)

    assert message["To"] == "nova.pessoa@example.com"
    assert message["X-Envelope-To"] == "nova.pessoa@example.com"
    assert message["Subject"] == "Convite para a Alfa Provedor Ltda no Atende"
    # The worker signed the link from the committed invitation: this process accepts it.
    page = client.get(_link_path(message))
    assert page.status_code == 200
    assert page.context["form"].initial == {"full_name": "Nova"}


def test_the_result_comes_back_through_the_result_backend(mail, admin_member):
    invitation = InvitationFactory(
        organization=admin_member.organization, email="resultado@example.com"
    )
    result = member_invite_email_task.apply_async(
        args=[admin_member.organization_id, invitation.pk]
    )

    assert result.get(timeout=30) == "resultado@example.com"
    assert [message["To"] for message in mail.wait_for(1)] == ["resultado@example.com"]
