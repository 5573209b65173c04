"""The IMAP poller (D7): the real imaplib adapter against a small IMAP server over TCP, and the
poller's rules against an in-memory mailbox at the same boundary."""

from contextlib import contextmanager

import pytest

from atende.desk.mailbox import ImapAccount, mailbox_poll, mailboxes_poll
from atende.desk.models import Area, MailMessage, Ticket, TimelineEntry
from atende.desk.tasks import desk_mail_poll_task
from atende.desk.tests import mail_samples as samples
from atende.desk.tests.factories import AreaFactory
from atende.desk.tests.imap_server import imap_server
from atende.tenancy.context import activate

pytestmark = pytest.mark.django_db


class MemoryMailbox:
    """The poller's view of a mailbox, in memory (the Mailbox protocol)."""

    def __init__(self, *raws: bytes) -> None:
        self.raws = {str(uid): raw for uid, raw in enumerate(raws, start=1)}
        self.seen: dict[str, bool] = {}

    def unseen(self) -> list[str]:
        return [uid for uid in self.raws if uid not in self.seen]

    def fetch(self, uid: str) -> bytes:
        return self.raws[uid]

    def mark_seen(self, uid: str, *, failed: bool = False) -> None:
        self.seen[uid] = failed


@pytest.fixture
def support(organization):
    return AreaFactory(organization=organization, name="Suporte", is_default=True, email="")


def account(**fields) -> dict:
    return {
        "organization": "alfa",
        "host": "127.0.0.1",
        "user": "suporte",
        "password": "s3nh4",
    } | fields


def test_the_beat_task_reads_unseen_mail_over_imap_and_marks_it_seen(settings, support):
    billing = AreaFactory(organization=support.organization, name="Financeiro", mail_alias="fin")
    with imap_server(user="suporte", password="s3nh4") as (port, server):
        # The mailbox is Alfa's billing inbox: its own address says nothing of the desk.
        opening = samples.plain(to="financeiro@alfa.com.br")
        server.add(opening.as_bytes())
        server.add(
            samples.plain("Estou de férias.", headers={"Auto-Submitted": "auto-replied"}).as_bytes()
        )
        server.add(samples.bounce(to="financeiro@alfa.com.br"))
        settings.DESK_IMAP_ACCOUNTS = [account(port=port, ssl=False, area="fin")]

        assert desk_mail_poll_task.delay().get() == {"opened": 1, "automatic": 1, "bounce": 1}
        assert [m.flags for m in server.messages] == [{"\\Seen"}] * 3
        # The next poll finds nothing new.
        assert desk_mail_poll_task.delay().get() == {}

    ticket = Ticket.objects.get()
    assert (ticket.area, ticket.channel, ticket.title) == (billing, "email", "Internet caiu")
    assert MailMessage.objects.get().message_id == opening["Message-ID"]


def test_a_wrong_password_or_a_dead_server_does_not_stop_the_other_mailboxes(settings, support):
    with imap_server(user="suporte", password="s3nh4") as (port, server):
        server.add(samples.plain().as_bytes())
        settings.DESK_IMAP_ACCOUNTS = [
            {"organization": "alfa", "hots": "typo"},  # left out, logged
            account(port=port, ssl=False, password="errada"),
            account(port=1, ssl=False),  # nothing listens there
            account(port=port, ssl=False),
        ]
        assert mailboxes_poll() == {"unreachable": 2, "opened": 1}
    assert Ticket.objects.count() == 1


def test_the_mailbox_s_organization_decides_never_the_message(support, other_organization):
    with activate(other_organization):
        AreaFactory(organization=other_organization, name="Suporte", is_default=True)
    # Addressed to Beta's desk address, but read from Alfa's mailbox: Alfa's ticket.
    mailbox = MemoryMailbox(samples.plain(to="suporte+beta@atende.example").as_bytes())
    counts = mailbox_poll(ImapAccount(**account()), mailbox)
    assert counts == {"opened": 1}
    assert Ticket.objects.count() == 1
    with activate(other_organization):
        assert Ticket.objects.count() == 0


def test_a_message_that_cannot_be_filed_is_flagged_and_not_read_again(organization):
    assert Area.objects.count() == 0  # nowhere to open a ticket
    mailbox = MemoryMailbox(samples.plain().as_bytes())
    assert mailbox_poll(ImapAccount(**account()), mailbox) == {"failed": 1}
    assert mailbox.seen == {"1": True}
    assert mailbox_poll(ImapAccount(**account()), mailbox) == {}
    assert TimelineEntry.objects.count() == 0


def test_an_account_of_an_unknown_organization_files_nothing(support):
    mailbox = MemoryMailbox(samples.plain().as_bytes())
    assert mailbox_poll(ImapAccount(**account(organization="nenhuma")), mailbox) == {}
    assert mailbox.seen == {}
    assert Ticket.objects.count() == 0


@contextmanager
def _memory(mailbox):
    yield mailbox


def test_the_poll_accepts_any_mailbox_at_the_boundary(settings, support):
    settings.DESK_IMAP_ACCOUNTS = [account()]
    mailbox = MemoryMailbox(samples.plain().as_bytes(), samples.plain().as_bytes())
    assert mailboxes_poll(lambda _account: _memory(mailbox)) == {"opened": 2}
