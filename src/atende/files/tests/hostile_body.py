"""A multipart body made as it is read, with a count of the bytes the server took from it.

Passed as `wsgi.input` to the test client, it stands for a client that sends a huge file:
nothing is built in memory up front, and a test can assert how much the server read.
"""

BOUNDARY = "atende-test-boundary"
# A server that reads this much of a body it should have refused is already wrong; failing
# here keeps a regression from allocating gigabytes in the test run.
READ_CAP = 16 * 1024 * 1024


class CountingMultipartBody:
    """One form field `description` and one file `file_name` of `file_size` bytes."""

    def __init__(self, *, file_size: int, file_name: str = "contrato.pdf") -> None:
        self.head = (
            f"--{BOUNDARY}\r\n"
            'Content-Disposition: form-data; name="description"\r\n\r\n'
            "Contrato\r\n"
            f"--{BOUNDARY}\r\n"
            f'Content-Disposition: form-data; name="file"; filename="{file_name}"\r\n'
            "Content-Type: application/pdf\r\n\r\n"
        ).encode()
        self.file_size = file_size
        self.tail = f"\r\n--{BOUNDARY}--\r\n".encode()
        self.size = len(self.head) + file_size + len(self.tail)
        self.bytes_read = 0

    @property
    def content_type(self) -> str:
        return f"multipart/form-data; boundary={BOUNDARY}"

    def environ(self, *, content_length: int | None = None) -> dict:
        """The WSGI keys for `client.generic("POST", url, **body.environ())`."""
        return {
            "wsgi.input": self,
            "CONTENT_TYPE": self.content_type,
            "CONTENT_LENGTH": str(self.size if content_length is None else content_length),
        }

    def read(self, size: int = -1, /) -> bytes:
        start = self.bytes_read
        end = self.size if size is None or size < 0 else min(self.size, start + size)
        if end > READ_CAP:
            raise AssertionError(f"the server read past {READ_CAP} bytes of a hostile body")
        self.bytes_read = end
        return self._slice(start, end)

    def readline(self, size: int = -1, /) -> bytes:
        line = b""
        while not line.endswith(b"\n") and (size < 0 or len(line) < size):
            char = self.read(1)
            if not char:
                break
            line += char
        return line

    def _slice(self, start: int, end: int) -> bytes:
        file_start, file_end = len(self.head), len(self.head) + self.file_size
        out = bytearray()
        if start < file_start:
            out += self.head[start : min(end, file_start)]
        if end > file_start and start < file_end:
            # A PDF signature, then filler: what the sniffer would accept as a PDF.
            lo, hi = max(start, file_start) - file_start, min(end, file_end) - file_start
            signature = b"%PDF-1.4\n"
            for position in range(lo, min(hi, len(signature))):
                out.append(signature[position])
            out += b"0" * (hi - max(lo, len(signature)))
        if end > file_end:
            out += self.tail[max(start, file_end) - file_end : end - file_end]
        return bytes(out)
