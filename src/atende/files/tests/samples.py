"""Tiny real files of each kind, built in memory for the tests."""

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile
from reportlab.pdfgen.canvas import Canvas

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00"
    b"\x00\x00\x00IEND\xaeB`\x82"
)
GIF = (
    b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00"
    b"\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
)
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9"
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 48
ELF = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 56
SHELL = b"#!/bin/sh\nrm -rf ~\n"
HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
SVG = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>'
BARE_SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
NFE_XML = (
    '<?xml version="1.0" encoding="UTF-8"?><nfeProc><xNome>Padaria São João</xNome></nfeProc>'
).encode()
XSLT_XML = b'<?xml version="1.0"?><?xml-stylesheet type="text/xsl" href="x.xsl"?><a/>'
CSV_UTF8 = "nome;cidade\nJosé;São Paulo\n".encode()
CSV_CP1252 = "nome;cidade\nJosé;São Paulo\n".encode("cp1252")
CSV_STARTING_WITH_MZ = b"MZ Comercio Ltda;Recife\nOutra;Natal\n"


def pdf_bytes() -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.drawString(100, 750, "Contrato")
    canvas.save()
    return buffer.getvalue()


def office_bytes(folder: str, *, macros: bool = False, content_types: bool = True) -> bytes:
    """A minimal OOXML package: `word` gives a DOCX, `xl` an XLSX."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        if content_types:
            archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("_rels/.rels", "<Relationships/>")
        archive.writestr(f"{folder}/document.xml", "<document/>")
        if macros:
            archive.writestr(f"{folder}/vbaProject.bin", b"\x00macro")
    return buffer.getvalue()


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)
