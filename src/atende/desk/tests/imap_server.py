"""A tiny IMAP4rev1 server on a free localhost port, for the poller's tests: just what
imaplib needs to log in, select a folder, search unseen messages, fetch and flag them by UID.
The real adapter (atende.desk.mailbox.ImaplibMailbox over imaplib) talks to it over TCP."""

import re
import socketserver
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from atende.core.testing.smtp import free_port


@dataclass
class StoredMail:
    uid: int
    raw: bytes
    flags: set[str] = field(default_factory=set)


@dataclass
class FakeImapState:
    user: str
    password: str
    messages: list[StoredMail] = field(default_factory=list)
    logins: int = 0

    def add(self, raw: bytes) -> StoredMail:
        mail = StoredMail(uid=len(self.messages) + 1, raw=raw)
        self.messages.append(mail)
        return mail

    def by_uid(self, uid: int) -> StoredMail:
        return next(mail for mail in self.messages if mail.uid == uid)


class _Handler(socketserver.StreamRequestHandler):
    state: FakeImapState

    def send(self, text: str | bytes) -> None:
        self.wfile.write(text if isinstance(text, bytes) else text.encode())

    def handle(self) -> None:
        self.send("* OK IMAP4rev1 test server ready\r\n")
        authenticated = False
        while line := self.rfile.readline():
            tag, _space, rest = line.decode().rstrip("\r\n").partition(" ")
            command, _space, args = rest.partition(" ")
            command = command.upper()
            if command == "UID":
                command, _space, args = args.partition(" ")
                command = f"UID {command.upper()}"
            if command == "CAPABILITY":
                self.send(f"* CAPABILITY IMAP4rev1\r\n{tag} OK done\r\n")
            elif command == "LOGIN":
                user, password = [part.strip('"') for part in args.split(" ", 1)]
                authenticated = (user, password) == (self.state.user, self.state.password)
                self.state.logins += 1
                self.send(f"{tag} {'OK' if authenticated else 'NO'} LOGIN\r\n")
            elif not authenticated and command != "LOGOUT":
                self.send(f"{tag} BAD not authenticated\r\n")
            elif command == "SELECT":
                count = len(self.state.messages)
                self.send(f"* {count} EXISTS\r\n* 0 RECENT\r\n{tag} OK [READ-WRITE] SELECT\r\n")
            elif command == "UID SEARCH":
                unseen = [str(m.uid) for m in self.state.messages if "\\Seen" not in m.flags]
                self.send(f"* SEARCH {' '.join(unseen)}\r\n{tag} OK SEARCH\r\n")
            elif command == "UID FETCH":
                mail = self.state.by_uid(int(args.split(" ", 1)[0]))
                head = f"* {mail.uid} FETCH (UID {mail.uid} BODY[] {{{len(mail.raw)}}}\r\n"
                self.send(head.encode() + mail.raw + f")\r\n{tag} OK FETCH\r\n".encode())
            elif command == "UID STORE":
                uid, _op, flags = args.split(" ", 2)
                mail = self.state.by_uid(int(uid))
                mail.flags |= set(re.findall(r"\\\w+", flags))
                self.send(f"* {uid} FETCH (UID {uid})\r\n{tag} OK STORE\r\n")
            elif command == "LOGOUT":
                self.send(f"* BYE\r\n{tag} OK LOGOUT\r\n")
                return
            else:
                self.send(f"{tag} BAD unknown command\r\n")


@contextmanager
def imap_server(*, user: str, password: str) -> Iterator[tuple[int, FakeImapState]]:
    """`with imap_server(user=…, password=…) as (port, state):` — state.add(raw) a message."""
    state = FakeImapState(user=user, password=password)
    handler = type("Handler", (_Handler,), {"state": state})
    server = socketserver.ThreadingTCPServer(("127.0.0.1", free_port()), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1], state
    finally:
        server.shutdown()
        server.server_close()
