"""What a file really is, from its first bytes (magic numbers), whatever its name says."""

import io
import re
import zipfile
from typing import Protocol


class Readable(Protocol):
    """What the sniffer needs: a Django UploadedFile, File or any binary stream."""

    def seek(self, offset: int, whence: int = 0, /) -> int: ...
    def tell(self) -> int: ...
    def read(self, size: int = -1, /) -> bytes: ...


HEAD_BYTES = 8192
MARKUP_WINDOW = 1024

PDF = "pdf"
PNG = "png"
JPEG = "jpeg"
GIF = "gif"
DOCX = "docx"
XLSX = "xlsx"
OFFICE_MACROS = "office_macros"  # .docm/.xlsm content, whatever the name says
ZIP = "zip"
OLE2 = "ole2"  # legacy .doc / .xls
TEXT = "text"
XML = "xml"
HTML = "html"
SVG = "svg"
EXECUTABLE = "executable"
UNKNOWN = "unknown"

KINDS = frozenset(
    {PDF, PNG, JPEG, GIF, DOCX, XLSX, OFFICE_MACROS, ZIP, OLE2, TEXT, XML, HTML, SVG}
    | {EXECUTABLE, UNKNOWN}
)

_SIGNATURES = [
    (b"%PDF-", PDF),
    (b"\x89PNG\r\n\x1a\n", PNG),
    (b"\xff\xd8\xff", JPEG),
    (b"GIF87a", GIF),
    (b"GIF89a", GIF),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", OLE2),
    (b"\x7fELF", EXECUTABLE),
    (b"\xca\xfe\xba\xbe", EXECUTABLE),  # Mach-O universal / Java class
    (b"\xcf\xfa\xed\xfe", EXECUTABLE),  # Mach-O 64
    (b"\xce\xfa\xed\xfe", EXECUTABLE),  # Mach-O 32
    (b"#!", EXECUTABLE),  # scripts with a shebang
]
# Browsers render these as HTML when they open a file (WHATWG MIME sniffing, "HTML" patterns).
_HTML_START = re.compile(
    rb"<(!doctype\s+html|html|head|script|iframe|h1|div|font|table|a|style|title|b|body|br|p"
    rb"|!--)[\s>]"
)
# Anywhere near the start, these make a "text" or "XML" file active content.
_ACTIVE_MARKUP = (
    b"<script",
    b"<html",
    b"<iframe",
    b"<body",
    b"<object",
    b"<embed",
    b"javascript:",
    b"<?xml-stylesheet",  # XSLT can turn any XML into a page
    b"http://www.w3.org/1999/xhtml",
)
# Plain text may hold tabs, line breaks, form feeds and the DOS end-of-file mark (old CNAB files).
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0e-\x19\x1b-\x1f]")
_LEADING_NOISE = b"\xef\xbb\xbf \t\r\n"


def sniff(stream: Readable) -> str:
    """The kind of content in `stream` (read from the start; the position is restored)."""
    position = stream.tell()
    try:
        stream.seek(0)
        head = stream.read(HEAD_BYTES)
        kind = _from_head(head)
        if kind == ZIP:
            stream.seek(0)
            kind = _zip_kind(stream)
        return kind
    finally:
        stream.seek(position)


def sniff_bytes(data: bytes) -> str:
    return sniff(io.BytesIO(data))


def _from_head(head: bytes) -> str:
    for signature, kind in _SIGNATURES:
        if head.startswith(signature):
            return kind
    if head.startswith(b"PK\x03\x04"):
        return ZIP
    # A Windows program starts with MZ and always has NUL bytes in its 64-byte DOS header;
    # a CSV row starting with "MZ" has none and stays text.
    if head.startswith(b"MZ") and b"\x00" in head[:64]:
        return EXECUTABLE
    markup = _markup_kind(head)
    if markup is not None:
        return markup
    return TEXT if _looks_like_text(head) else UNKNOWN


def _markup_kind(head: bytes) -> str | None:
    """SVG, HTML or XML when the file is markup; None for anything else."""
    window = head.lstrip(_LEADING_NOISE)[:MARKUP_WINDOW].lower()
    if b"<svg" in window:
        return SVG  # scriptable, even when named .png: never accepted
    if _HTML_START.match(window) or any(marker in window for marker in _ACTIVE_MARKUP):
        return HTML
    if window.startswith(b"<?xml") and _looks_like_text(head):
        return XML
    return None


def _looks_like_text(head: bytes) -> bool:
    """UTF-8 or Windows-1252 (what Brazilian spreadsheets export), with no binary control bytes."""
    if not head or _CONTROL_BYTES.search(head):
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 4:  # not just a character cut at the end of the sample
            try:
                head.decode("cp1252")
            except UnicodeDecodeError:
                return False
    return True


def _zip_kind(stream: Readable) -> str:
    """DOCX and XLSX are ZIP files with known parts; anything else zipped is just ZIP."""
    try:
        with zipfile.ZipFile(stream) as archive:
            names = set(archive.namelist())
    except Exception:  # noqa: BLE001  hostile input: any parser failure means "not a document"
        return UNKNOWN
    if "[Content_Types].xml" not in names:
        return ZIP
    if any(name.lower().endswith("vbaproject.bin") for name in names):
        return OFFICE_MACROS
    if any(name.startswith("word/") for name in names):
        return DOCX
    if any(name.startswith("xl/") for name in names):
        return XLSX
    return ZIP
