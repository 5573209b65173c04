"""What a file really is, from its first bytes (magic numbers), whatever its name says."""

import io
import zipfile
from typing import BinaryIO

HEAD_BYTES = 8192

PDF = "pdf"
PNG = "png"
JPEG = "jpeg"
GIF = "gif"
DOCX = "docx"
XLSX = "xlsx"
ZIP = "zip"
OLE2 = "ole2"  # legacy .doc / .xls
TEXT = "text"
HTML = "html"
SVG = "svg"
EXECUTABLE = "executable"
UNKNOWN = "unknown"

_SIGNATURES = [
    (b"%PDF-", PDF),
    (b"\x89PNG\r\n\x1a\n", PNG),
    (b"\xff\xd8\xff", JPEG),
    (b"GIF87a", GIF),
    (b"GIF89a", GIF),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", OLE2),
    (b"MZ", EXECUTABLE),  # Windows PE
    (b"\x7fELF", EXECUTABLE),
    (b"\xca\xfe\xba\xbe", EXECUTABLE),  # Mach-O universal / Java class
    (b"\xcf\xfa\xed\xfe", EXECUTABLE),  # Mach-O 64
    (b"#!", EXECUTABLE),  # scripts
]
_MARKUP = (b"<!doctype html", b"<html", b"<script", b"<svg", b"<?xml", b"<body", b"<iframe")


def sniff(stream: BinaryIO) -> str:
    """The kind of content in `stream` (read from the start; the position is restored)."""
    position = stream.tell()
    try:
        stream.seek(0)
        head = stream.read(HEAD_BYTES)
        kind = _from_head(head)
        if kind == ZIP:
            stream.seek(0)
            kind = _office_kind(stream)
        return kind
    finally:
        stream.seek(position)


def _from_head(head: bytes) -> str:
    for signature, kind in _SIGNATURES:
        if head.startswith(signature):
            return kind
    if head.startswith(b"PK\x03\x04"):
        return ZIP
    lowered = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if lowered.startswith(b"<svg") or b"<svg" in lowered[:1024]:
        return SVG
    if any(marker in lowered[:1024] for marker in _MARKUP):
        return HTML
    return TEXT if _looks_like_text(head) else UNKNOWN


def _looks_like_text(head: bytes) -> bool:
    if not head or b"\x00" in head:
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


def _office_kind(stream: BinaryIO) -> str:
    """DOCX and XLSX are ZIP files with known parts; anything else zipped is just ZIP."""
    try:
        with zipfile.ZipFile(stream) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return UNKNOWN
    if "[Content_Types].xml" not in names:
        return ZIP
    if any(name.startswith("word/") for name in names):
        return DOCX
    if any(name.startswith("xl/") for name in names):
        return XLSX
    return ZIP


def sniff_bytes(data: bytes) -> str:
    return sniff(io.BytesIO(data))
