"""Real e-mail messages, built with the standard library's email package, for the desk's
mail tests (the bytes an MTA or an IMAP server would hand over)."""

from email.header import Header
from email.message import EmailMessage
from email.mime.text import MIMEText
from email.utils import formatdate, make_msgid

DESK = "suporte@atende.example"
ALFA = "suporte+alfa@atende.example"
RITA = "Rita Souza <rita@padaria.com.br>"


def plain(
    body: str = "A internet caiu de novo desde ontem à noite.",
    *,
    subject: str = "Internet caiu",
    sender: str = RITA,
    to: str = ALFA,
    message_id: str | None = None,
    headers: dict[str, str] | None = None,
) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = formatdate(localtime=True)
    message["Message-ID"] = message_id or make_msgid(domain="padaria.com.br")
    for name, value in (headers or {}).items():
        message[name] = value
    message.set_content(body)
    return message


def html_only(html: str, **kwargs) -> EmailMessage:
    message = plain(**kwargs)
    message.set_content(html, subtype="html")
    return message


def latin1(subject: str, body: str, *, sender: str = RITA, to: str = ALFA) -> bytes:
    """An ISO-8859-1 message: encoded-word subject, quoted-printable body (older clients)."""
    message = MIMEText(body, "plain", "iso-8859-1")
    message["From"] = sender
    message["To"] = to
    message["Subject"] = Header(subject, "iso-8859-1")
    message["Message-ID"] = make_msgid(domain="padaria.com.br")
    return message.as_bytes()


def bounce(*, to: str = ALFA) -> bytes:
    """A delivery status notification (RFC 3464) from the mailer daemon, as Postfix sends it."""
    return f"""Return-Path: <>
From: Mail Delivery System <MAILER-DAEMON@mx.padaria.com.br>
To: {to}
Subject: Undelivered Mail Returned to Sender
Message-ID: {make_msgid(domain="mx.padaria.com.br")}
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="B1"

--B1
Content-Type: text/plain; charset=us-ascii

I'm sorry to have to inform you that your message could not be delivered.

--B1
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.padaria.com.br

Final-Recipient: rfc822; ninguem@padaria.com.br
Action: failed
Status: 5.1.1

--B1--
""".replace("\n", "\r\n").encode()
