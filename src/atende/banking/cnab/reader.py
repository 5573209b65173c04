"""Bank files read as a stream of records, with a size limit: memory stays bounded whatever
arrives (`/dev/zero`, a 2 GB upload, a file with no line breaks)."""

import io
import re
from collections.abc import Iterator
from typing import BinaryIO

from atende.banking.cnab.errors import CnabError
from atende.banking.cnab.fields import Record

MAX_BYTES = 128 * 1024 * 1024  # 100 000 títulos in CNAB 240 are about 48 MB
LONGEST = 401  # BB's 401-wide CNAB 400 header (FACTS.md §12); anything longer is not CNAB
_CONTROL = re.compile(rb"[\x00-\x1f\x7f]")


def as_stream(data: bytes | str | BinaryIO) -> BinaryIO:
    """Bytes, text or an open binary file, as a binary stream."""
    if isinstance(data, bytes):
        return io.BytesIO(data)
    if isinstance(data, str):
        try:
            return io.BytesIO(data.encode("latin-1"))
        except UnicodeEncodeError:
            raise CnabError("caracteres que não cabem num arquivo CNAB") from None
    return data


def read_records(stream: BinaryIO, *, max_bytes: int = MAX_BYTES) -> Iterator[Record]:
    """Each line as a Record: CRLF or LF, an optional EOF byte (0x1A) and blank lines at the
    end. Bytes are read as ISO-8859-1, one character each (Sicoob writes `COBRANÇA` that way,
    and the manuals count bytes); control characters and overlong lines refuse the file."""
    total, number, blank_at = 0, 0, 0
    while True:
        raw = stream.readline(LONGEST + 3)
        if not raw:
            return
        number += 1
        total += len(raw)
        if total > max_bytes:
            raise CnabError(
                f"o arquivo passa do limite de {max_bytes // (1024 * 1024)} MB", line=number
            )
        if raw.endswith(b"\n"):
            raw = raw[:-1]
        elif len(raw) > LONGEST + 1:
            raise CnabError(
                f"linha com mais de {LONGEST} caracteres (não é um arquivo CNAB)", line=number
            )
        raw = raw.rstrip(b"\r\x1a")  # CRLF, and the DOS end-of-file byte some banks append
        if not raw.strip(b" "):
            blank_at = blank_at or number  # blank lines count only if a record follows
            continue
        if blank_at:
            raise CnabError("linha em branco no meio do arquivo", line=blank_at)
        if _CONTROL.search(raw):
            raise CnabError("caracteres de controle (arquivo corrompido?)", line=number)
        yield Record(raw.decode("latin-1"), number)
