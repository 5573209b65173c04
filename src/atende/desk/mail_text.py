"""Reading a received e-mail (D7), no database: its text (HTML converted safely), the quoted
history and signature trimmed off, the Message-IDs it answers, the ticket number in its
subject, whether a machine sent it (auto-replies and bounces never open or answer tickets)."""

import re
import unicodedata
from email.message import EmailMessage, Message
from email.utils import getaddresses, parseaddr
from html.parser import HTMLParser

NUMBER_IN_SUBJECT = re.compile(r"\[#(\d{1,9})\]")
MESSAGE_ID = re.compile(r"<[^<>\s]{1,250}>")
MAX_TEXT = 100_000  # characters kept of one message's text

# The quoted history starts at one of these lines (Gmail, Apple Mail, Outlook, Thunderbird,
# in Portuguese and English).
QUOTE_HEADERS = [
    re.compile(r"^\s*(On|Em)\s.{0,300}\s(wrote|escreveu)\s*:\s*$", re.IGNORECASE),
    re.compile(r"^\s*-{2,}\s*(Original Message|Mensagem original)\s*-{2,}\s*$", re.IGNORECASE),
    re.compile(r"^\s*_{10,}\s*$"),  # Outlook's rule before "De: … Enviado: …"
    re.compile(r"^\s*\*?(From|De)\s*:\*?\s.+$", re.IGNORECASE),  # only with a "Sent/Enviado" next
]
FORWARD_MARKERS = re.compile(
    r"^\s*-{2,}\s*(Forwarded message|Mensagem encaminhada|Begin forwarded message)\s*-{2,}\s*$"
    r"|^\s*(Begin forwarded message|Início da mensagem encaminhada)\s*:\s*$",
    re.IGNORECASE,
)
SIGNATURE_LINES = re.compile(
    r"^\s*(-- ?|Enviado do meu .{1,40}|Sent from my .{1,40}|Enviado de .{1,40} para .{1,40})\s*$",
    re.IGNORECASE,
)
SENT_LINE = re.compile(r"^\s*\*?(Sent|Enviado|Enviada em|Date|Data)\s*:", re.IGNORECASE)


def clean_text(text: str) -> str:
    """Line breaks normalised; NUL and other control characters (but tab) removed; raw 8-bit
    bytes in a header (a client that did not encode it) read as UTF-8 or else Latin-1."""
    if any("\udc80" <= char <= "\udcff" for char in text):
        raw = text.encode("utf-8", "surrogateescape")
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("latin-1")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "".join(char for char in text if char in "\n\t" or unicodedata.category(char) != "Cc")


def one_line(text: str, limit: int) -> str:
    """A header value fit for a one-line field: no line breaks or controls, at most `limit`."""
    return " ".join(clean_text(text).split())[:limit]


def header_text(message: Message, name: str) -> str:
    """A header's decoded text. A client that put raw 8-bit bytes in it (no encoded-word) gets
    them read as UTF-8 or else Latin-1, instead of replacement characters."""
    value = str(message.get(name, ""))
    if "\ufffd" not in value:
        return value
    for key, raw in message.raw_items():
        if key.lower() == name.lower() and "=?" not in raw:
            return clean_text(str(raw))
    return value


class _TextExtractor(HTMLParser):
    """HTML to plain text: tags dropped (script/style with their content), blocks become
    lines, entities decoded. The result is shown as escaped text, so nothing of the HTML runs."""

    BLOCKS = frozenset(
        {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
         "table", "ul", "ol", "hr", "section", "article"}
    )  # fmt: skip
    SKIP = frozenset({"script", "style", "head", "title", "template", "noscript"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0
        self.links: list[tuple[str, int] | None] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            href = dict(attrs).get("href") or ""
            self.links.append(
                (href, len(self.parts)) if href.startswith(("http:", "https:")) else None
            )
        if tag in self.SKIP:
            self.skipping += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")
        if tag == "li":
            self.parts.append("- ")

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self.links:
            link = self.links.pop()
            if link is not None:
                href, start = link
                label = "".join(self.parts[start:]).strip()
                if href.rstrip("/") != label.rstrip("/"):
                    self.parts.append(f" ({href})")  # the address, not just the words
        if tag in self.SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(re.sub(r"[ \t\r\n\f]+", " ", data))


def html_to_text(html: str) -> str:
    extractor = _TextExtractor()
    extractor.feed(html)
    extractor.close()
    lines = [line.strip() for line in "".join(extractor.parts).split("\n")]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _part_text(part: Message) -> str:
    """A text part decoded by its charset; an unknown or lying charset falls back to Latin-1."""
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return ""
    charset = part.get_content_charset() or "utf-8"
    try:
        return payload.decode(charset)
    except (LookupError, UnicodeDecodeError):
        try:
            return payload.decode("utf-8")
        except UnicodeDecodeError:
            return payload.decode("latin-1")


def message_text(message: EmailMessage) -> str:
    """The message's text: its plain part, or its HTML part converted; empty when neither."""
    body = message.get_body(preferencelist=("plain", "html"))
    if body is None:
        return ""
    text = _part_text(body)
    if body.get_content_subtype() == "html":
        text = html_to_text(text)
    return clean_text(text).strip()[:MAX_TEXT]


def attached_messages_text(message: EmailMessage) -> str:
    """The text of messages attached whole ("forward as attachment"), each after a forward
    marker with its sender and subject."""
    blocks = []
    for part in message.iter_attachments():
        if part.get_content_type() != "message/rfc822":
            continue
        inner = part.get_content()
        if not isinstance(inner, EmailMessage):
            continue
        head = [
            "---------- Mensagem encaminhada ---------",
            f"De: {one_line(header_text(inner, 'From'), 300)}",
            f"Assunto: {one_line(header_text(inner, 'Subject'), 300)}",
        ]
        blocks.append("\n".join(head) + "\n\n" + message_text(inner))
    return "\n\n".join(blocks)[:MAX_TEXT]


def trim_reply(text: str) -> str:
    """The new part of a reply: quoted history (after "Em … escreveu:", "-----Mensagem
    original-----", "> " lines) and the signature cut off. A forwarded message is kept whole
    from the forward marker on (it is the content); if nothing would remain, the whole text."""
    lines = text.split("\n")
    kept: list[str] = []
    for index, line in enumerate(lines):
        if FORWARD_MARKERS.match(line):
            kept.extend(lines[index:])
            break
        if _starts_history(lines, index) or SIGNATURE_LINES.match(line):
            break
        kept.append(line)
    while kept and (not kept[-1].strip() or kept[-1].lstrip().startswith(">")):
        kept.pop()  # the quoted tail ("> …") and blank lines before the cut
    result = "\n".join(line for line in kept if not line.lstrip().startswith(">")).strip()
    if not result:
        # Written below the quote (bottom-posting): what is neither quote nor its header.
        result = "\n".join(
            line
            for line in lines
            if not line.lstrip().startswith(">") and not QUOTE_HEADERS[0].match(line)
        ).strip()
    return result or text.strip()


def _starts_history(lines: list[str], index: int) -> bool:
    line = lines[index]
    if QUOTE_HEADERS[3].match(line):
        # "De: Fulano" counts only as Outlook's header block, with "Enviado:"/"Sent:" after it.
        return any(SENT_LINE.match(following) for following in lines[index + 1 : index + 4])
    if QUOTE_HEADERS[2].match(line):
        return any(QUOTE_HEADERS[3].match(following) for following in lines[index + 1 : index + 3])
    if any(pattern.match(line) for pattern in QUOTE_HEADERS[:2]):
        return True
    # Gmail wraps a long "Em …, Fulano <fulano@…> escreveu:" over two lines.
    following = lines[index + 1] if index + 1 < len(lines) else ""
    return bool(line.strip()) and bool(QUOTE_HEADERS[0].match(f"{line} {following.strip()}"))


def referenced_ids(message: Message) -> list[str]:
    """The Message-IDs this message answers (In-Reply-To first, then References, newest
    first), each in its `<…>` form."""
    ids = MESSAGE_ID.findall(str(message.get("In-Reply-To", "")))
    ids += reversed(MESSAGE_ID.findall(str(message.get("References", ""))))
    return list(dict.fromkeys(ids))[:50]


def ticket_number_in(subject: str) -> int | None:
    found = NUMBER_IN_SUBJECT.search(subject)
    return int(found.group(1)) if found else None


def sender_of(message: Message) -> tuple[str, str]:
    """(name, address) of the sender, the address in lower case; ("", "") when unreadable."""
    name, address = parseaddr(header_text(message, "From"))
    if "@" not in address:
        return "", ""
    return one_line(name, 150), one_line(address, 254).lower()


def recipients_of(message: Message) -> list[str]:
    """Addresses the message was delivered to: the MTA's own headers first, then To and Cc."""
    values = [
        str(value)
        for header in ("Delivered-To", "X-Original-To", "Envelope-To", "To", "Cc")
        for value in message.get_all(header, [])
    ]
    return [address.lower() for _name, address in getaddresses(values) if "@" in address]


# (Not X-Auto-Response-Suppress: it asks others not to answer automatically, and systems put
# it on mail people wrote; Exchange's out-of-office replies also say Auto-Submitted.)
AUTO_HEADERS = ("X-Autoreply", "X-Autorespond", "X-Autogenerated")


def is_automatic(message: Message) -> bool:
    """Auto-replies (RFC 3834 Auto-Submitted, vacation headers), bulk and list mail."""
    auto_submitted = str(message.get("Auto-Submitted", "no")).strip().lower()
    if auto_submitted and not auto_submitted.startswith("no"):
        return True
    if any(message.get(header) is not None for header in AUTO_HEADERS):
        return True
    precedence = str(message.get("Precedence", "")).strip().lower()
    return precedence in {"bulk", "junk", "list", "auto_reply"}


def is_bounce(message: Message) -> bool:
    """Delivery reports: from the mailer daemon or postmaster, empty return path, or a
    multipart/report (RFC 6522)."""
    if message.get_content_type() == "multipart/report":
        return True
    if str(message.get("Return-Path", "")).strip() == "<>":
        return True
    _name, address = parseaddr(str(message.get("From", "")))
    local = address.split("@", 1)[0].lower()
    return local in {"mailer-daemon", "postmaster"}
