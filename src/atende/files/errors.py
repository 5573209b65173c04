"""Error codes of the upload validator (DomainError.code)."""

from enum import StrEnum


class FileError(StrEnum):
    FILE_CONTENT = "file_content"
    FILE_EMPTY = "file_empty"
    FILE_SIZE = "file_size"
    FILE_TYPE = "file_type"
