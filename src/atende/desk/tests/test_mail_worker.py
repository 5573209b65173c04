"""The e-mail round trip with a real Celery worker: what the pipe files is committed, the
notices and the reply leave from another process through Redis, and arrive at aiosmtpd."""

import io

import pytest
from django.core.management import call_command

from atende.celery import app as celery_app
from atende.core.testing.smtp import smtp_server
from atende.core.testing.worker import (
    app_on_broker,
    celery_worker,
    database_unshareable_reason,
    redis_unreachable_reason,
)
from atende.customers.tests.factories import ContactFactory
from atende.desk.models import AreaResource, Ticket
from atende.desk.services.tickets import ticket_reply
from atende.desk.tests import mail_samples as samples
from atende.desk.tests.factories import AreaFactory

pytestmark = [pytest.mark.redis, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def smtp(settings):
    reason = redis_unreachable_reason() or database_unshareable_reason()
    if reason:
        print(f"SKIP: {reason}")  # noqa: T201  (the reason shows with -rs and -s)
        pytest.skip(reason)
    settings.DESK_MAIL_ADDRESS = samples.DESK
    with (
        smtp_server() as server,
        celery_worker(
            extra_env={"EMAIL_URL": server.url, "DESK_MAIL_ADDRESS": samples.DESK}
        ) as worker,
        app_on_broker(celery_app, worker),
    ):
        yield server


def test_mail_in_notice_and_threaded_reply_through_a_worker(smtp, organization, admin_member):
    area = AreaFactory(
        organization=organization, name="Suporte", is_default=True, email="suporte@alfa.com.br"
    )
    AreaResource.objects.create(area=area, member=admin_member)
    ContactFactory(organization=organization, name="Rita Souza", email="rita@padaria.com.br")
    opening = samples.plain()

    call_command("desk_mail_in", stdin=io.BytesIO(opening.as_bytes()), stdout=io.StringIO())
    [notice] = smtp.wait_for(1, timeout=30)
    assert notice["X-Envelope-To"] == "suporte@alfa.com.br"
    assert notice["Auto-Submitted"] == "auto-generated"

    ticket_reply(actor=admin_member, ticket=Ticket.objects.get(), body="Chego às 9h.")
    reply = smtp.wait_for(2, timeout=30)[1]
    assert reply["X-Envelope-To"] == "rita@padaria.com.br"
    assert reply["Subject"] == "[#1] Internet caiu"
    assert reply["In-Reply-To"] == opening["Message-ID"]
    assert reply["Reply-To"] == "suporte+alfa@atende.example"
