"""TrueType text for the streaming PDF writer: any language's letters print and extract.

The standard Helvetica of PDF viewers only knows Windows-1252, so "Łukasz" or "Nguyễn" became
"?". Text is now set in Lato (SIL Open Font License, from the PyPI package `fontpkg-lato`, pinned
in pyproject.toml; no download at run time), whose 2 165 characters cover Latin with Vietnamese,
Greek and Cyrillic. ReportLab's own Vera.ttf stops at Latin-1 ("Ł" is missing).

Each font is embedded once per document as a Type0/CIDFontType2 font (PDF 1.4 §5.6): a
character gets the next CID the first time it is drawn, pages are written with those CIDs, and
at the end of the document the font program is subset to the characters used (ReportLab's
TrueType subsetter), with the CID → glyph map, the widths and a ToUnicode map, so pdftotext and
screen readers get the exact text back. A character the font lacks still extracts correctly and
shows as the font's empty box. Memory per document: one entry per distinct character.
"""

import hashlib
import threading
import unicodedata
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import repeat

from reportlab.pdfbase.ttfonts import TTFontFile

REGULAR, BOLD = "Lato-Regular", "Lato-Bold"
FONT_FILES = {REGULAR: "Lato-Regular.ttf", BOLD: "Lato-Bold.ttf"}
# ReportLab's subsetter moves a shared read position through the file: one subset at a time.
_SUBSET_LOCK = threading.Lock()
MAX_CID = 0xFFFF


@dataclass(frozen=True)
class FontProgram:
    """A parsed TrueType file, shared by every document (read-only after loading)."""

    name: str
    file: TTFontFile
    widths: dict[str, int]  # character → advance in 1/1000 em (rounded, as /W says)
    missing_width: int

    def width(self, char: str) -> int:
        return self.widths.get(char, self.missing_width)

    def text_width(self, text: str) -> int:
        """Sum of the advances of `text` in 1/1000 em (`map` keeps it in C: it is hot)."""
        return sum(map(self.widths.get, text, repeat(self.missing_width)))


@cache
def font_program(name: str) -> FontProgram:
    """The font `name` (REGULAR or BOLD), parsed once per process."""
    path = resources.files("fontpkg_lato") / "files" / FONT_FILES[name]
    with resources.as_file(path) as real_path:
        parsed = TTFontFile(str(real_path))
    widths = {chr(code): round(width) for code, width in parsed.charWidths.items()}
    return FontProgram(name, parsed, widths, round(parsed.defaultWidth))


# C0 and C1 control characters (Unicode category Cc) → space.
_CONTROLS = dict.fromkeys([*range(0x20), *range(0x7F, 0xA0)], " ")


def clean_text(text: str) -> str:
    """NFC (a letter and its combining accent become the precomposed letter the font has) and
    control characters as spaces (a drawn line has no line breaks or tabs)."""
    text = str(text)
    if not (text.isascii() and text.isprintable()):
        text = unicodedata.normalize("NFC", text).translate(_CONTROLS)
    return text


def text_width(text: str, font: str, size: float) -> float:
    """Width in points of `text` set in `font` (REGULAR or BOLD) at `size`."""
    return font_program(font).text_width(clean_text(text)) * size / 1000


class DocumentFont:
    """One font as used by one document: the CIDs given out so far, in order of first use."""

    def __init__(self, name: str) -> None:
        self.program = font_program(name)
        self.cids: dict[str, int] = {}  # character → CID (1, 2, …; 0 is .notdef)
        self.hex: dict[int, str] = {}  # code point → its CID as 4 hex digits (a str.translate
        # table: encoding a line is then one call in C)

    def encode(self, text: str) -> bytes:
        """`text` as the hex string of its CIDs, for a `Tj` operator."""
        for char in set(text).difference(self.cids):
            # Two bytes per CID: past 65 535 distinct characters the rest print as .notdef.
            cid = self.cids[char] = len(self.cids) + 1 if len(self.cids) < MAX_CID else 0
            self.hex[ord(char)] = f"{cid:04X}"
        return b"<" + text.translate(self.hex).encode("ascii") + b">"

    def width(self, text: str, size: float) -> float:
        """Advance width of `text` at `size` points, from the font's own metrics."""
        return self.program.text_width(text) * size / 1000

    def write(self, add_object: Callable[[str, bytes | None], int]) -> str:
        """Write the font's objects through `add_object(entries, stream)`, which returns each
        object's number; returns the entries of the Type0 font dictionary itself."""
        chars = [char for char in sorted(self.cids, key=self.cids.__getitem__) if self.cids[char]]
        program, parsed = self.program, self.program.file
        with _SUBSET_LOCK:
            subset = parsed.makeSubset([ord(char) for char in chars])
        # makeSubset numbers glyphs in the order their code points come (0 stays .notdef, a
        # glyph shared by two characters keeps its first number): the same walk gives each
        # CID its glyph in the subset.
        glyphs: dict[int, int] = {0: 0}
        cid_to_gid = bytearray(2)  # CID 0 → glyph 0
        for char in chars:
            new = glyphs.setdefault(parsed.charToGlyph.get(ord(char), 0), len(glyphs))
            cid_to_gid += new.to_bytes(2, "big")
        tag = _subset_tag(chars, program.name)
        file_id = add_object(f"/Length1 {len(subset)} /Filter /FlateDecode", zlib.compress(subset))
        descriptor = add_object(
            f"/Type /FontDescriptor /FontName /{tag} /Flags {parsed.flags} "
            f"/FontBBox [{' '.join(str(round(v)) for v in parsed.bbox)}] "
            f"/ItalicAngle {parsed.italicAngle:g} /Ascent {round(parsed.ascent)} "
            f"/Descent {round(parsed.descent)} /CapHeight {round(parsed.capHeight)} "
            f"/StemV {parsed.stemV} /FontFile2 {file_id} 0 R",
            None,
        )
        gid_map = add_object("/Filter /FlateDecode", zlib.compress(bytes(cid_to_gid)))
        widths = " ".join(str(program.width(char)) for char in chars)
        descendant = add_object(
            f"/Type /Font /Subtype /CIDFontType2 /BaseFont /{tag} /CIDSystemInfo "
            "<< /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
            f"/FontDescriptor {descriptor} 0 R /DW {program.missing_width} "
            f"/W [1 [{widths}]] /CIDToGIDMap {gid_map} 0 R",
            None,
        )
        to_unicode = add_object("/Filter /FlateDecode", zlib.compress(_to_unicode(chars)))
        return (
            f"/Type /Font /Subtype /Type0 /BaseFont /{tag} /Encoding /Identity-H "
            f"/DescendantFonts [{descendant} 0 R] /ToUnicode {to_unicode} 0 R"
        )


def _subset_tag(chars: list[str], name: str) -> str:
    """Six capital letters + "+" + the font name, as PDF 1.4 §5.5.3 names a subset."""
    digest = hashlib.sha256("".join(chars).encode("utf-8", "surrogatepass")).digest()
    return "".join(chr(65 + byte % 26) for byte in digest[:6]) + "+" + name


def _utf16_hex(char: str) -> str:
    return char.encode("utf-16-be", "surrogatepass").hex().upper()


def _to_unicode(chars: list[str]) -> bytes:
    """A ToUnicode CMap: CID n ↔ the character that got it (PDF 1.4 §5.9.2)."""
    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
        "/CMapName /Adobe-Identity-UCS def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        "<0000> <FFFF>",
        "endcodespacerange",
    ]
    for start in range(0, len(chars), 100):  # at most 100 entries per bfchar block
        block = chars[start : start + 100]
        lines.append(f"{len(block)} beginbfchar")
        lines += [f"<{start + i + 1:04X}> <{_utf16_hex(char)}>" for i, char in enumerate(block)]
        lines.append("endbfchar")
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(lines).encode("ascii")
