"""The one upload validator: extension allowed for the use, content by magic bytes, size,
and a sanitised name."""

import re
import unicodedata
from dataclasses import dataclass
from typing import Protocol

from atende.core.errors import DomainError
from atende.files import sniffing
from atende.files.errors import FileError
from atende.files.policies import CONTENT_TYPES, KB, MB, UploadPolicy

MAX_NAME_LENGTH = 120
MAX_EXTENSION_LENGTH = 10
FALLBACK_STEM = "arquivo"
_WINDOWS_RESERVED = frozenset(
    {"con", "prn", "aux", "nul"} | {f"com{i}" for i in range(10)} | {f"lpt{i}" for i in range(10)}
)
# Characters no file system or header should see; "/" and "\" are handled before this.
_FORBIDDEN = re.compile(r"[<>:\"|?*]")
# Control, format (bidi overrides like U+202E that make "fdp.exe" read "exe.pdf"), line and
# paragraph separators, unassigned and private-use characters.
_DROPPED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})
_KIND_LABELS = {
    sniffing.HTML: "uma página HTML",
    sniffing.SVG: "uma imagem SVG",
    sniffing.EXECUTABLE: "um programa executável",
    sniffing.OFFICE_MACROS: "um documento com macros",
    sniffing.ZIP: "um arquivo compactado",
}


class UploadedFileLike(sniffing.Readable, Protocol):
    """A Django UploadedFile (or File): a readable stream with a name and a size."""

    name: str | None
    size: int | None


@dataclass(frozen=True)
class CheckedUpload:
    """What the validator learned: the safe name, its extension, real kind and type, size."""

    original_name: str
    extension: str
    kind: str
    content_type: str
    size: int


def sanitize_filename(name: str) -> str:
    """A safe, readable file name: no folders, no control characters, bounded length."""
    name = unicodedata.normalize("NFC", name or "")
    name = "".join(ch for ch in name if unicodedata.category(ch) not in _DROPPED_CATEGORIES)
    # Keep only the last component, whatever separator the client's system uses.
    name = re.split(r"[/\\]", name)[-1]
    name = _FORBIDDEN.sub("", name)
    name = re.sub(r"\s+", " ", name).strip(" .")
    stem, dot, extension = name.rpartition(".")
    if not dot:
        stem, extension = name, ""
    extension = re.sub(r"\s", "", extension).lower()[:MAX_EXTENSION_LENGTH]
    stem = stem.strip(" .") or FALLBACK_STEM
    # Windows refuses "CON.pdf" and also "con.tar.gz": the part before the first dot counts.
    first, dot, rest = stem.partition(".")
    if first.strip().lower() in _WINDOWS_RESERVED:
        stem = f"{first}_{dot}{rest}"
    room = MAX_NAME_LENGTH - (len(extension) + 1 if extension else 0)
    stem = stem[:room].rstrip(" .") or FALLBACK_STEM
    return f"{stem}.{extension}" if extension else stem


def size_label(size: int) -> str:
    """Bytes as people read them in Brazil: "10 MB", "1,5 MB", "500 KB"."""
    unit, divisor = ("MB", MB) if size >= MB else ("KB", KB)
    number = f"{size / divisor:.1f}".removesuffix(".0").replace(".", ",")
    return f"{number} {unit}"


def validate_upload(uploaded_file: UploadedFileLike, *, policy: UploadPolicy) -> CheckedUpload:
    """Check one uploaded file against the policy; raise DomainError in Portuguese."""
    name = sanitize_filename(getattr(uploaded_file, "name", "") or "")
    extension = name.rpartition(".")[2] if "." in name else ""
    if extension not in policy.extensions:
        raise DomainError(
            f"Tipo de arquivo não permitido. Envie: {policy.extensions_label}.",
            code=FileError.FILE_TYPE,
            field="file",
        )
    # The size first, so an oversized upload is refused without reading it.
    size = _size(uploaded_file)
    if size > policy.limit:
        raise DomainError(
            f"Arquivo maior que {size_label(policy.limit)}.", code=FileError.FILE_SIZE, field="file"
        )
    if size == 0:
        raise DomainError("O arquivo está vazio.", code=FileError.FILE_EMPTY, field="file")
    kind = sniffing.sniff(uploaded_file)
    if kind not in policy.kinds[extension]:
        actual = _KIND_LABELS.get(kind)
        detail = f" (parece {actual})" if actual else ""
        raise DomainError(
            # customers/tests match this wording; change both together.
            f"O conteúdo do arquivo não corresponde a {extension.upper()}{detail}.",
            code=FileError.FILE_CONTENT,
            field="file",
        )
    return CheckedUpload(name, extension, kind, CONTENT_TYPES[extension], size)


def _size(uploaded_file: UploadedFileLike) -> int:
    size = getattr(uploaded_file, "size", None)
    if size is not None:
        return int(size)
    # A plain stream: its end is its size; reading stays for the sniffer.
    position = uploaded_file.tell()
    size = uploaded_file.seek(0, 2)
    uploaded_file.seek(position)
    return size
