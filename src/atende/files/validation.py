"""The one upload validator: extension allowed for the use, content by magic bytes, size,
and a sanitised name."""

import re
import unicodedata
from dataclasses import dataclass
from pathlib import PurePosixPath, PureWindowsPath

from atende.core.errors import DomainError
from atende.files import sniffing
from atende.files.policies import CONTENT_TYPES, EXTENSION_KINDS, MB, UploadPolicy

MAX_NAME_LENGTH = 120
_WINDOWS_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10))} | {
    f"lpt{i}" for i in range(1, 10)
}
_KIND_LABELS = {
    sniffing.HTML: "uma página HTML",
    sniffing.SVG: "uma imagem SVG",
    sniffing.EXECUTABLE: "um programa executável",
}


@dataclass(frozen=True)
class CheckedUpload:
    original_name: str
    extension: str
    kind: str
    content_type: str
    size: int


def sanitize_filename(name: str) -> str:
    """A safe, readable file name: no folders, no control characters, bounded length."""
    name = unicodedata.normalize("NFC", name or "")
    # Keep only the last component, whatever separator the client's system uses.
    name = PureWindowsPath(PurePosixPath(name.replace("\x00", "")).name).name
    name = re.sub(r"[\x00-\x1f\x7f<>:\"/\\|?*]", "", name).strip().strip(".")
    name = re.sub(r"\s+", " ", name)
    stem, dot, extension = name.rpartition(".")
    if not dot:
        stem, extension = name, ""
    stem = stem.strip(" .") or "arquivo"
    if stem.lower() in _WINDOWS_RESERVED:
        stem = f"{stem}_"
    extension = extension.lower()[:10]
    stem = stem[: MAX_NAME_LENGTH - len(extension) - 1]
    return f"{stem}.{extension}" if extension else stem


def validate_upload(uploaded_file, *, policy: UploadPolicy) -> CheckedUpload:
    """Check one uploaded file against the policy; raise DomainError in Portuguese."""
    name = sanitize_filename(getattr(uploaded_file, "name", "") or "")
    extension = name.rpartition(".")[2].lower() if "." in name else ""
    if extension not in policy.extensions:
        raise DomainError(
            f"Tipo de arquivo não permitido. Envie: {policy.extensions_label}.",
            code="file_type",
            field="file",
        )
    size = uploaded_file.size
    if size > policy.max_bytes:
        limit = policy.max_bytes / MB
        raise DomainError(
            f"Arquivo maior que {limit:g} MB.".replace(".", ","), code="file_size", field="file"
        )
    if size == 0:
        raise DomainError("O arquivo está vazio.", code="file_empty", field="file")
    kind = sniffing.sniff(uploaded_file)
    if kind not in EXTENSION_KINDS[extension]:
        actual = _KIND_LABELS.get(kind)
        detail = f" (parece {actual})" if actual else ""
        raise DomainError(
            f"O conteúdo do arquivo não corresponde a {extension.upper()}{detail}.",
            code="file_content",
            field="file",
        )
    return CheckedUpload(name, extension, kind, CONTENT_TYPES[extension], size)
