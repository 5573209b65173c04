"""The IMAP poller (D7): each configured mailbox belongs to one organization (and maybe one
area), so its messages are routed by configuration, never by what they say.

settings.DESK_IMAP_ACCOUNTS (env DESK_IMAP_ACCOUNTS, JSON) is a list of
`{"organization": "<slug>", "area": "<alias>", "host": …, "port": 993, "user": …,
"password": …, "folder": "INBOX", "ssl": true}`. Unseen messages are read, filed through
`mail_receive` and marked seen; one that fails is flagged and marked seen too, so it is not
read again every minute (filing is idempotent by Message-ID anyway).
"""

import imaplib
import logging
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, suppress
from dataclasses import dataclass
from typing import Protocol

from django.conf import settings

from atende.desk.services.mail_in import MailRoute, mail_receive
from atende.tenancy.models import Organization

logger = logging.getLogger(__name__)

MAX_PER_POLL = 200


@dataclass(frozen=True)
class ImapAccount:
    organization: str
    host: str
    user: str
    password: str
    area: str = ""
    port: int = 993
    folder: str = "INBOX"
    ssl: bool = True

    @property
    def label(self) -> str:
        return f"{self.user}@{self.host}/{self.folder}"


class Mailbox(Protocol):
    """The IMAP boundary: what the poller needs of a mailbox."""

    def unseen(self) -> list[str]: ...
    def fetch(self, uid: str) -> bytes: ...
    def mark_seen(self, uid: str, *, failed: bool = False) -> None: ...


class ImaplibMailbox:
    """The real mailbox, over the standard library's imaplib (UIDs, BODY.PEEK so reading does
    not mark a message seen before it was filed)."""

    def __init__(self, connection: imaplib.IMAP4) -> None:
        self.connection = connection

    def unseen(self) -> list[str]:
        status, data = self.connection.uid("SEARCH", None, "UNSEEN")
        if status != "OK" or not data or not data[0]:
            return []
        return [uid.decode() for uid in data[0].split()]

    def fetch(self, uid: str) -> bytes:
        status, data = self.connection.uid("FETCH", uid, "(BODY.PEEK[])")
        if status != "OK":
            raise imaplib.IMAP4.error(f"FETCH {uid}: {status}")
        for item in data:
            if isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], bytes):
                return item[1]
        raise imaplib.IMAP4.error(f"FETCH {uid}: no message")

    def mark_seen(self, uid: str, *, failed: bool = False) -> None:
        flags = r"(\Seen \Flagged)" if failed else r"(\Seen)"
        self.connection.uid("STORE", uid, "+FLAGS", flags)


@contextmanager
def imaplib_mailbox(account: ImapAccount) -> Iterator[Mailbox]:
    """Connect, log in and select the account's folder; log out at the end."""
    connection_class = imaplib.IMAP4_SSL if account.ssl else imaplib.IMAP4
    connection = connection_class(account.host, account.port, timeout=60)
    try:
        connection.login(account.user, account.password)
        connection.select(account.folder)
        yield ImaplibMailbox(connection)
    finally:
        with suppress(OSError, imaplib.IMAP4.error):
            connection.logout()


def imap_accounts() -> list[ImapAccount]:
    """The configured mailboxes; an entry that does not fit is logged and left out."""
    accounts = []
    for position, entry in enumerate(settings.DESK_IMAP_ACCOUNTS):
        try:
            accounts.append(ImapAccount(**entry))
        except TypeError as exc:
            logger.error("DESK_IMAP_ACCOUNTS[%s] left out: %s", position, exc)
    return accounts


def mailbox_poll(account: ImapAccount, mailbox: Mailbox) -> dict[str, int]:
    """File every unseen message of one mailbox; count the outcomes."""
    organization = Organization.objects.filter(slug=account.organization, is_active=True).first()
    if organization is None:
        logger.error("IMAP %s: no active organization %r", account.label, account.organization)
        return {}
    route = MailRoute(organization, account.area)
    counts: dict[str, int] = {}
    for uid in mailbox.unseen()[:MAX_PER_POLL]:
        try:
            outcome = mail_receive(raw=mailbox.fetch(uid), route=route)
        except Exception:
            logger.exception("IMAP %s: message %s could not be filed", account.label, uid)
            mailbox.mark_seen(uid, failed=True)
            counts["failed"] = counts.get("failed", 0) + 1
            continue
        mailbox.mark_seen(uid)
        counts[outcome.result] = counts.get(outcome.result, 0) + 1
    return counts


def mailboxes_poll(
    connect: Callable[[ImapAccount], AbstractContextManager[Mailbox]] | None = None,
) -> dict[str, int]:
    """Poll every configured account; one unreachable server does not stop the others."""
    connect = connect or imaplib_mailbox
    totals: dict[str, int] = {}
    for account in imap_accounts():
        try:
            with connect(account) as mailbox:
                counts = mailbox_poll(account, mailbox)
        except (OSError, imaplib.IMAP4.error):
            logger.exception("IMAP %s: unreachable", account.label)
            totals["unreachable"] = totals.get("unreachable", 0) + 1
            continue
        for result, count in counts.items():
            totals[result] = totals.get(result, 0) + count
    return totals
