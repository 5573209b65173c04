"""Upload policies: which file kinds each use accepts, by extension and real content."""

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.conf import settings

from atende.files import sniffing

KB = 1024
MB = 1024 * KB
DEFAULT_MAX_BYTES = 10 * MB  # overridden by settings.ATENDE_UPLOAD_MAX_BYTES
USE_MAX_LENGTH = 40  # StoredFile.use

# Extension → the content kinds that may legitimately carry it. An extension missing here
# cannot be allowed by any policy, because we could not check what it really holds.
EXTENSION_KINDS: dict[str, frozenset[str]] = {
    "pdf": frozenset({sniffing.PDF}),
    "png": frozenset({sniffing.PNG}),
    "jpg": frozenset({sniffing.JPEG}),
    "jpeg": frozenset({sniffing.JPEG}),
    "gif": frozenset({sniffing.GIF}),
    "docx": frozenset({sniffing.DOCX}),
    "xlsx": frozenset({sniffing.XLSX}),
    "doc": frozenset({sniffing.OLE2}),
    "xls": frozenset({sniffing.OLE2}),
    "txt": frozenset({sniffing.TEXT}),
    "csv": frozenset({sniffing.TEXT}),
    "xml": frozenset({sniffing.XML}),  # NF-e and other fiscal XML
    "ret": frozenset({sniffing.TEXT}),  # bank return files (CNAB)
    "rem": frozenset({sniffing.TEXT}),
}
# The type we send back is ours, from the checked extension, never the browser's claim.
CONTENT_TYPES: dict[str, str] = {
    "pdf": "application/pdf",
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "gif": "image/gif",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "doc": "application/msword",
    "xls": "application/vnd.ms-excel",
    "txt": "text/plain",
    "csv": "text/csv",
    "xml": "application/xml",
    "ret": "text/plain",
    "rem": "text/plain",
}

DOCUMENTS = frozenset({"doc", "docx", "xls", "xlsx", "pdf", "jpg", "jpeg", "png", "gif"})
IMAGES = frozenset({"jpg", "jpeg", "png", "gif"})
SPREADSHEETS = frozenset({"csv", "xls", "xlsx"})
BANK_FILES = frozenset({"ret", "rem", "txt"})


@dataclass(frozen=True)
class UploadPolicy:
    """One use of uploads: its name, the extensions it accepts and its size limit in bytes."""

    name: str
    extensions: frozenset[str]
    # None: settings.ATENDE_UPLOAD_MAX_BYTES, read when a file is checked.
    max_bytes: int | None = None
    kinds: dict[str, frozenset[str]] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        # The name is a folder of the stored path: keep it to plain lowercase words.
        if not re.fullmatch(rf"[a-z0-9_]{{1,{USE_MAX_LENGTH}}}", self.name):
            raise ValueError(f"upload policy name {self.name!r}: use a-z, 0-9 and _ only")
        extensions = frozenset(extension.lower().lstrip(".") for extension in self.extensions)
        unknown = extensions - set(EXTENSION_KINDS)
        if unknown:
            raise ValueError(f"no content check for: {', '.join(sorted(unknown))}")
        if not extensions:
            raise ValueError(f"upload policy {self.name!r} allows no extension")
        object.__setattr__(self, "extensions", extensions)
        object.__setattr__(self, "kinds", {ext: EXTENSION_KINDS[ext] for ext in extensions})

    @property
    def limit(self) -> int:
        if self.max_bytes is not None:
            return self.max_bytes
        return getattr(settings, "ATENDE_UPLOAD_MAX_BYTES", DEFAULT_MAX_BYTES)

    @property
    def extensions_label(self) -> str:
        """`JPG, PDF, PNG`: what the error message and the form's help text list."""
        return ", ".join(extension.upper() for extension in sorted(self.extensions))

    @property
    def accept(self) -> str:
        """The file input's `accept` attribute (a hint for the browser; the server decides)."""
        return ",".join(f".{extension}" for extension in sorted(self.extensions))


_policies: dict[str, UploadPolicy] = {}


def register_upload_policy(policy: UploadPolicy) -> UploadPolicy:
    """Declare a use of uploads (e.g. "customer_document") and what it accepts."""
    existing = _policies.get(policy.name)
    if existing is not None and existing != policy:
        # Two apps claiming one name would silently loosen each other's rules.
        raise ValueError(f"upload policy {policy.name!r} is already registered as {existing}")
    _policies[policy.name] = policy
    return policy


def upload_policy(name: str) -> UploadPolicy:
    """The registered policy for `name`; a LookupError names the missing use."""
    try:
        return _policies[name]
    except KeyError:
        raise LookupError(f"no upload policy registered for use {name!r}") from None


def registered_upload_policies() -> Iterable[UploadPolicy]:
    return tuple(_policies.values())
