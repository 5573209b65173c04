"""Upload policies: which file kinds each use accepts, by extension and real content."""

from dataclasses import dataclass

from atende.files import sniffing

MB = 1024 * 1024

# Extension → the content kinds that may legitimately carry it.
EXTENSION_KINDS: dict[str, set[str]] = {
    "pdf": {sniffing.PDF},
    "png": {sniffing.PNG},
    "jpg": {sniffing.JPEG},
    "jpeg": {sniffing.JPEG},
    "gif": {sniffing.GIF},
    "docx": {sniffing.DOCX},
    "xlsx": {sniffing.XLSX},
    "doc": {sniffing.OLE2},
    "xls": {sniffing.OLE2},
    "txt": {sniffing.TEXT},
    "csv": {sniffing.TEXT},
    "ret": {sniffing.TEXT},  # bank return files (CNAB)
    "rem": {sniffing.TEXT},
}
CONTENT_TYPES = {
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
    "ret": "text/plain",
    "rem": "text/plain",
}


@dataclass(frozen=True)
class UploadPolicy:
    name: str
    extensions: frozenset[str]
    max_bytes: int = 10 * MB

    def __post_init__(self) -> None:
        unknown = set(self.extensions) - set(EXTENSION_KINDS)
        if unknown:
            raise ValueError(f"no content check for: {', '.join(sorted(unknown))}")

    @property
    def extensions_label(self) -> str:
        return ", ".join(extension.upper() for extension in sorted(self.extensions))


_policies: dict[str, UploadPolicy] = {}


def register_upload_policy(policy: UploadPolicy) -> UploadPolicy:
    """Declare a use of uploads (e.g. "customer_document") and what it accepts."""
    _policies[policy.name] = policy
    return policy


def upload_policy(name: str) -> UploadPolicy:
    return _policies[name]


DOCUMENTS = frozenset({"doc", "docx", "xls", "xlsx", "pdf", "jpg", "jpeg", "png", "gif"})
