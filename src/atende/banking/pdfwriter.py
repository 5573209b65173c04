"""A small streaming PDF writer: each page goes to the output as soon as it is finished.

ReportLab keeps every page of a document until `save()` (a 10 000-boleto batch peaked at 211 MB
here), so batches use this writer: TrueType text (Lato, embedded as a subset, `pdffont`), lines,
filled rectangles and one logo image (JPEG as it is, other formats through Pillow), which is all
a boleto needs. Memory stays flat: the byte offsets of the objects for the cross-reference table
and, per font, one entry per distinct character; fonts are written after the last page, when the
characters used are known.
"""

import io
import zlib
from array import array
from pathlib import Path
from typing import BinaryIO

from atende.banking.errors import BankingError
from atende.banking.pdffont import BOLD, REGULAR, DocumentFont, clean_text

FONT_IDS = {REGULAR: (b"F1", 3), BOLD: (b"F2", 4)}  # resource name, object number


def _pdf_string(text: str) -> bytes:
    """A PDF text string (document information): UTF-16BE with its byte-order mark."""
    return b"<FEFF" + text.encode("utf-16-be", "surrogatepass").hex().upper().encode() + b">"


class StreamingCanvas:
    """The subset of ReportLab's canvas API the boleto layout uses, written page by page."""

    def __init__(self, output: BinaryIO, pagesize: tuple[float, float], compress: bool = True):
        self.output, self.width, self.height, self.compress = output, *pagesize, compress
        # 8 bytes per object (array, not a dict of ints): 10 000 pages keep ~160 kB here.
        self.offsets = array("q")
        self.written = 0
        self.page_ids = array("q")
        self.next_id = 5  # 1 catalog, 2 pages, 3-4 fonts
        self.ops: list[bytes] = []
        self.images: dict[str | bytes, tuple[int, str, int, int]] = {}
        self.fonts = {name: DocumentFont(name) for name in FONT_IDS}
        self.font, self.size, self.title = REGULAR, 10.0, ""
        self._write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")

    def _write(self, data: bytes) -> None:
        # Offsets are counted here, not with tell(): pipes and HTTP responses cannot tell.
        self.output.write(data)
        self.written += len(data)

    def _position(self) -> int:
        return self.written

    def _object(self, number: int, body: bytes, stream: bytes | None = None) -> None:
        if len(self.offsets) <= number:
            self.offsets.extend([0] * (number + 1 - len(self.offsets)))
        self.offsets[number] = self._position()
        self._write(f"{number} 0 obj\n".encode() + body)
        if stream is not None:
            self._write(b"\nstream\n" + stream + b"\nendstream")
        self._write(b"\nendobj\n")

    def _new_id(self) -> int:
        self.next_id += 1
        return self.next_id - 1

    # drawing API (points, origin bottom-left, like ReportLab)
    def setTitle(self, title: str) -> None:  # noqa: N802
        self.title = title

    def setFont(self, font: str, size: float) -> None:  # noqa: N802
        self.font, self.size = font, size

    def stringWidth(self, text: str, font: str, size: float) -> float:  # noqa: N802
        """Width in points of `text` set in `font` (REGULAR or BOLD) at `size`."""
        return self.fonts[font].width(clean_text(text), size)

    def drawString(self, x: float, y: float, text: str) -> None:  # noqa: N802
        encoded = self.fonts[self.font].encode(clean_text(text))
        self.ops.append(
            b"BT /%s %.2f Tf %.2f %.2f Td %s Tj ET"
            % (FONT_IDS[self.font][0], self.size, x, y, encoded)
        )

    def drawRightString(self, x: float, y: float, text: str) -> None:  # noqa: N802
        self.drawString(x - self.stringWidth(text, self.font, self.size), y, text)

    def rect(self, x: float, y: float, w: float, h: float, stroke: int = 1, fill: int = 0) -> None:
        operator = b"B" if stroke and fill else b"f" if fill else b"S"
        self.ops.append(b"%.2f %.2f %.2f %.2f re %s" % (x, y, w, h, operator))

    def fill_rects(self, spans: list[tuple[float, float]], y: float, h: float) -> None:
        """Filled rectangles of one height (barcode bars): one path, one fill operator."""
        path = b"\n".join(b"%.2f %.2f %.2f %.2f re" % (x, y, w, h) for x, w in spans)
        self.ops.append(path + b" f")

    def line(self, x1: float, y1: float, x2: float, y2: float) -> None:
        self.ops.append(b"%.2f %.2f m %.2f %.2f l S" % (x1, y1, x2, y2))

    def setDash(self, on: float = 0, off: float = 0) -> None:  # noqa: N802
        self.ops.append(b"[%.1f %.1f] 0 d" % (on, off) if on else b"[] 0 d")

    def drawImage(  # noqa: N802
        self, source: str | Path | bytes, x: float, y: float, w: float, h: float
    ) -> None:
        """A logo (JPEG, PNG, …) fitted inside w × h, embedded once and reused on every page."""
        key = source if isinstance(source, bytes) else str(source)
        if key not in self.images:
            self.images[key] = self._embed_image(source)
        number, name, width, height = self.images[key]
        scale = min(w / width, h / height)
        self.ops.append(
            b"q %.2f 0 0 %.2f %.2f %.2f cm /%s Do Q"
            % (width * scale, height * scale, x, y + h - height * scale, name.encode())
        )

    def _embed_image(self, source: str | Path | bytes) -> tuple[int, str, int, int]:
        from PIL import Image, UnidentifiedImageError  # reportlab's own dependency

        try:
            data = source if isinstance(source, bytes) else Path(source).read_bytes()
            opened = Image.open(io.BytesIO(data))
            opened.load()
        except (OSError, UnidentifiedImageError, ValueError, Image.DecompressionBombError) as exc:
            raise BankingError("Logo: imagem ilegível ou formato não suportado.",
                               field="logo") from exc  # fmt: skip
        image: Image.Image = opened
        if opened.format == "JPEG" and image.mode in ("RGB", "L"):
            # A plain JPEG goes in as it is (DCTDecode): no re-encoding, no quality loss.
            space = "DeviceRGB" if image.mode == "RGB" else "DeviceGray"
            stream, filters = data, "/DCTDecode"
        else:
            if image.mode in ("RGBA", "LA", "P", "PA"):
                rgba = image.convert("RGBA")
                flat = Image.new("RGB", image.size, "white")  # transparency on white paper
                flat.paste(rgba, mask=rgba.getchannel("A"))
                image = flat
            image = image.convert("RGB")
            stream, space, filters = zlib.compress(image.tobytes()), "DeviceRGB", "/FlateDecode"
        number = self._new_id()
        header = (
            f"<< /Type /XObject /Subtype /Image /Width {image.width} /Height {image.height} "
            f"/ColorSpace /{space} /BitsPerComponent 8 /Filter {filters} /Length {len(stream)} >>"
        )
        self._object(number, header.encode(), stream)
        return number, f"Im{len(self.images) + 1}", image.width, image.height

    def showPage(self) -> None:  # noqa: N802
        content = b"\n".join(self.ops)
        self.ops = []
        stream = zlib.compress(content) if self.compress else content
        filters = "/Filter /FlateDecode " if self.compress else ""
        content_id = self._new_id()
        self._object(content_id, f"<< {filters}/Length {len(stream)} >>".encode(), stream)
        page_id = self._new_id()
        xobjects = " ".join(f"/{name} {number} 0 R" for number, name, _, _ in self.images.values())
        resources = f"<< /Font << /F1 3 0 R /F2 4 0 R >> /XObject << {xobjects} >> >>"
        self._object(page_id, f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {self.width:.2f} "
                              f"{self.height:.2f}] /Resources {resources} /Contents "
                              f"{content_id} 0 R >>".encode())  # fmt: skip
        self.page_ids.append(page_id)

    def _add(self, entries: str, stream: bytes | None = None) -> int:
        """A new object `<< entries >>` (with its /Length when it has a stream): its number."""
        number = self._new_id()
        length = f" /Length {len(stream)}" if stream is not None else ""
        self._object(number, f"<< {entries}{length} >>".encode(), stream)
        return number

    def save(self) -> None:
        for name, (_, number) in FONT_IDS.items():
            self._object(number, f"<< {self.fonts[name].write(self._add)} >>".encode())
        kids = " ".join(f"{page} 0 R" for page in self.page_ids)
        self._object(2, f"<< /Type /Pages /Kids [{kids}] /Count {len(self.page_ids)} >>".encode())
        self._object(1, b"<< /Type /Catalog /Pages 2 0 R >>")
        info = self._new_id()
        self._object(info, b"<< /Title " + _pdf_string(self.title) + b" /Producer (Atende) >>")
        xref_at = self._position()
        count = self.next_id
        self._write(b"xref\n0 %d\n0000000000 65535 f \n" % count)
        for start in range(1, count, 1000):  # the table in chunks, never whole in memory
            chunk = self.offsets[start : min(start + 1000, count)]
            self._write(b"".join(b"%010d 00000 n \n" % offset for offset in chunk))
        self._write(b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n"
                    % (count, info, xref_at))  # fmt: skip
