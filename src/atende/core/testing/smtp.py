"""A real SMTP server (aiosmtpd) on a free localhost port, collecting what it receives."""

import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from email import message_from_bytes, policy
from email.message import EmailMessage

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session


class _Collector:
    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []

    async def handle_DATA(  # noqa: N802  (aiosmtpd API)
        self, server: SMTP, session: Session, envelope: Envelope
    ) -> str:
        assert isinstance(envelope.content, bytes)  # the Controller does not decode data
        message = message_from_bytes(envelope.content, policy=policy.default)
        message["X-Envelope-To"] = ", ".join(envelope.rcpt_tos)
        self.messages.append(message)
        return "250 OK"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class SmtpServer:
    def __init__(self, port: int, collector: _Collector) -> None:
        self.host = "127.0.0.1"
        self.port = port
        self._collector = collector

    @property
    def messages(self) -> list[EmailMessage]:
        return self._collector.messages

    @property
    def url(self) -> str:
        return f"smtp://{self.host}:{self.port}"

    def wait_for(self, count: int, timeout: float = 30.0) -> list[EmailMessage]:
        """Block until `count` messages arrived (or fail after `timeout` seconds)."""
        deadline = time.monotonic() + timeout
        while len(self.messages) < count:
            if time.monotonic() > deadline:
                raise TimeoutError(f"{len(self.messages)} of {count} e-mails arrived")
            time.sleep(0.05)
        return self.messages


@contextmanager
def smtp_server() -> Iterator[SmtpServer]:
    """`with smtp_server() as smtp:` … `smtp.messages`."""
    collector = _Collector()
    port = free_port()
    controller = Controller(collector, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield SmtpServer(port, collector)
    finally:
        controller.stop()
