"""The upload validator: extension per use, content by magic bytes, size, safe names."""

import pytest

from atende.core.errors import DomainError
from atende.files import sniffing
from atende.files.policies import (
    DOCUMENTS,
    KB,
    MB,
    UploadPolicy,
    register_upload_policy,
    upload_policy,
)
from atende.files.tests import samples
from atende.files.validation import sanitize_filename, size_label, validate_upload

POLICY = register_upload_policy(UploadPolicy("test_documents", DOCUMENTS, max_bytes=1 * MB))
FISCAL = register_upload_policy(UploadPolicy("test_fiscal", {"XML", ".csv"}))


@pytest.mark.parametrize(
    ("name", "content", "kind", "content_type"),
    [
        ("contrato.pdf", samples.pdf_bytes(), sniffing.PDF, "application/pdf"),
        ("foto.png", samples.PNG, sniffing.PNG, "image/png"),
        ("foto.JPG", samples.JPEG, sniffing.JPEG, "image/jpeg"),
        ("foto.jpeg", samples.JPEG, sniffing.JPEG, "image/jpeg"),
        ("anim.gif", samples.GIF, sniffing.GIF, "image/gif"),
        (
            "proposta.docx",
            samples.office_bytes("word"),
            sniffing.DOCX,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        (
            "planilha.xlsx",
            samples.office_bytes("xl"),
            sniffing.XLSX,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
        ("antigo.doc", samples.OLE2, sniffing.OLE2, "application/msword"),
        ("antiga.xls", samples.OLE2, sniffing.OLE2, "application/vnd.ms-excel"),
    ],
)
def test_real_files_are_accepted(name, content, kind, content_type):
    checked = validate_upload(samples.upload(name, content), policy=POLICY)
    assert (checked.kind, checked.content_type, checked.size) == (kind, content_type, len(content))
    assert checked.original_name == name.rsplit(".", 1)[0] + "." + checked.extension


MISMATCH = "O conteúdo do arquivo não corresponde a"
NOT_ALLOWED = (
    "Tipo de arquivo não permitido. Envie: DOC, DOCX, GIF, JPEG, JPG, PDF, PNG, XLS, XLSX."
)


@pytest.mark.parametrize(
    ("name", "content", "message", "code"),
    [
        ("boleto.pdf", samples.HTML, f"{MISMATCH} PDF (parece uma página HTML).", "file_content"),
        (
            "foto.png",
            samples.EXE,
            f"{MISMATCH} PNG (parece um programa executável).",
            "file_content",
        ),
        (
            "foto.jpg",
            samples.SHELL,
            f"{MISMATCH} JPG (parece um programa executável).",
            "file_content",
        ),
        ("logo.png", samples.SVG, f"{MISMATCH} PNG (parece uma imagem SVG).", "file_content"),
        ("logo.gif", samples.BARE_SVG, f"{MISMATCH} GIF (parece uma imagem SVG).", "file_content"),
        ("logo.svg", samples.SVG, NOT_ALLOWED, "file_type"),
        ("pagina.html", samples.HTML, NOT_ALLOWED, "file_type"),
        ("setup.exe", samples.EXE, NOT_ALLOWED, "file_type"),
        ("semextensao", samples.pdf_bytes(), NOT_ALLOWED, "file_type"),
        ("planilha.xlsx", samples.office_bytes("word"), f"{MISMATCH} XLSX.", "file_content"),
        (
            "planilha.xlsx",
            samples.office_bytes("xl", macros=True),
            f"{MISMATCH} XLSX (parece um documento com macros).",
            "file_content",
        ),
        ("contrato.pdf", samples.PNG, f"{MISMATCH} PDF.", "file_content"),
        ("vazio.pdf", b"", "O arquivo está vazio.", "file_empty"),
    ],
)
def test_disguised_and_forbidden_files_are_refused(name, content, message, code):
    with pytest.raises(DomainError) as error:
        validate_upload(samples.upload(name, content), policy=POLICY)
    assert (error.value.message, error.value.code, error.value.field) == (message, code, "file")


@pytest.mark.parametrize(
    ("name", "content"),
    [("nfe.xml", samples.NFE_XML), ("clientes.csv", samples.CSV_CP1252)],
)
def test_text_and_xml_are_accepted_where_the_use_allows_them(name, content):
    assert validate_upload(samples.upload(name, content), policy=FISCAL).original_name == name


def test_xml_that_renders_as_a_page_is_refused():
    with pytest.raises(DomainError) as error:
        validate_upload(samples.upload("nfe.xml", samples.XSLT_XML), policy=FISCAL)
    assert error.value.message == f"{MISMATCH} XML (parece uma página HTML)."


def test_size_limit_is_checked_before_the_content():
    big = samples.upload("grande.pdf", b"%PDF-1.4\n" + b"0" * MB)
    with pytest.raises(DomainError) as error:
        validate_upload(big, policy=POLICY)
    assert (error.value.message, error.value.code) == ("Arquivo maior que 1 MB.", "file_size")


def test_a_file_exactly_at_the_limit_is_accepted():
    exact = samples.upload("limite.pdf", b"%PDF-1.4\n" + b"0" * (MB - 9))
    assert validate_upload(exact, policy=POLICY).size == MB


def test_the_default_limit_comes_from_settings(settings):
    settings.ATENDE_UPLOAD_MAX_BYTES = 2 * KB
    with pytest.raises(DomainError) as error:
        validate_upload(samples.upload("nfe.xml", samples.NFE_XML + b" " * 2048), policy=FISCAL)
    assert error.value.message == "Arquivo maior que 2 KB."


def test_the_default_limit_without_a_setting_is_10_mb(settings):
    del settings.ATENDE_UPLOAD_MAX_BYTES
    assert FISCAL.limit == 10 * MB


@pytest.mark.parametrize(
    ("size", "label"),
    [(10 * MB, "10 MB"), (MB + MB // 2, "1,5 MB"), (500 * KB, "500 KB"), (2 * KB, "2 KB")],
)
def test_size_label_reads_as_in_brazil(size, label):
    assert size_label(size) == label


@pytest.mark.parametrize(
    ("raw", "safe"),
    [
        ("../../etc/passwd.pdf", "passwd.pdf"),
        ("../../etc/passwd", "passwd"),
        ("..\\..\\windows\\system32\\evil.PDF", "evil.pdf"),
        ("C:\\Users\\ana\\Desktop\\nota.pdf", "nota.pdf"),
        ("  nota\x00 fiscal\n.pdf ", "nota fiscal.pdf"),
        ("fatura\u202efdp.exe", "faturafdp.exe"),
        ('a<b>c:d"e|f?g*h.pdf', "abcdefgh.pdf"),
        ("CON.pdf", "CON_.pdf"),
        ("lpt1.tar.gz", "lpt1_.tar.gz"),
        ("...", "arquivo"),
        ("a/..", "arquivo"),
        ("", "arquivo"),
        (".pdf", "pdf"),
        ("Relatório de março.xlsx", "Relatório de março.xlsx"),
        ("Relato\u0301rio.pdf", "Relatório.pdf"),
        ("foto.JPEG", "foto.jpeg"),
        ("a" * 300 + ".pdf", "a" * 116 + ".pdf"),
    ],
)
def test_file_names_are_sanitised(raw, safe):
    assert sanitize_filename(raw) == safe


def test_registering_another_policy_under_a_taken_name_fails():
    with pytest.raises(ValueError, match="already registered"):
        register_upload_policy(UploadPolicy("test_documents", {"pdf"}))


def test_registering_the_same_policy_again_is_harmless():
    again = register_upload_policy(UploadPolicy("test_documents", DOCUMENTS, max_bytes=1 * MB))
    assert upload_policy("test_documents") == again


@pytest.mark.parametrize(
    ("name", "extensions", "message"),
    [
        ("test_svg", {"svg"}, "no content check for: svg"),
        ("test_nothing", set(), "allows no extension"),
        ("../escape", {"pdf"}, "use a-z, 0-9 and _ only"),
        ("Documentos", {"pdf"}, "use a-z, 0-9 and _ only"),
    ],
)
def test_a_policy_must_be_checkable(name, extensions, message):
    with pytest.raises(ValueError, match=message):
        UploadPolicy(name, extensions)


def test_an_unknown_use_is_named_in_the_error():
    with pytest.raises(LookupError, match="no upload policy registered for use 'nada'"):
        upload_policy("nada")
