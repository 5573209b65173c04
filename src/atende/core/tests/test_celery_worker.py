"""A real worker: a task enqueued through Redis runs in another process and sends real e-mail."""

import pytest

from atende.accounts.services.members import member_invite
from atende.celery import app as celery_app
from atende.core.testing.smtp import smtp_server
from atende.core.testing.worker import app_on_broker, celery_worker, redis_unreachable_reason

pytestmark = [pytest.mark.redis, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def redis_broker():
    reason = redis_unreachable_reason()
    if reason:
        pytest.skip(reason)
    with app_on_broker(celery_app):
        yield celery_app


def test_invitation_is_sent_by_a_real_worker_through_redis(redis_broker, admin_member):
    with smtp_server() as smtp, celery_worker(extra_env={"EMAIL_URL": smtp.url}):
        member_invite(
            actor=admin_member, email="nova.pessoa@example.com", full_name="Nova", sector=None
        )

        [message] = smtp.wait_for(1, timeout=45)

    assert message["To"] == "nova.pessoa@example.com"
    assert message["Subject"] == "Convite para a Alfa Provedor Ltda no Atende"
    assert "/senha/definir/" in message.get_content()
