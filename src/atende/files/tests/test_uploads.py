"""The upload validator: extension per use, content by magic bytes, size, safe names."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from atende.core.errors import DomainError
from atende.files import sniffing
from atende.files.models import StoredFile
from atende.files.policies import DOCUMENTS, MB, UploadPolicy, register_upload_policy
from atende.files.services import stored_file_create
from atende.files.tests import samples
from atende.files.validation import sanitize_filename, validate_upload

POLICY = register_upload_policy(UploadPolicy("test_documents", DOCUMENTS, max_bytes=1 * MB))


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("contrato.pdf", samples.pdf_bytes(), sniffing.PDF),
        ("foto.png", samples.PNG, sniffing.PNG),
        ("foto.JPG", samples.JPEG, sniffing.JPEG),
        ("anim.gif", samples.GIF, sniffing.GIF),
        ("proposta.docx", samples.office_bytes("word"), sniffing.DOCX),
        ("planilha.xlsx", samples.office_bytes("xl"), sniffing.XLSX),
    ],
)
def test_real_files_are_accepted(name, content, kind):
    checked = validate_upload(samples.upload(name, content), policy=POLICY)
    assert (checked.kind, checked.size) == (kind, len(content))


MISMATCH = "O conteúdo do arquivo não corresponde a"
NOT_ALLOWED = (
    "Tipo de arquivo não permitido. Envie: DOC, DOCX, GIF, JPEG, JPG, PDF, PNG, XLS, XLSX."
)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("boleto.pdf", samples.HTML, f"{MISMATCH} PDF (parece uma página HTML)."),
        ("foto.png", samples.EXE, f"{MISMATCH} PNG (parece um programa executável)."),
        ("logo.png", samples.SVG, f"{MISMATCH} PNG (parece uma imagem SVG)."),
        ("logo.svg", samples.SVG, NOT_ALLOWED),
        ("planilha.xlsx", samples.office_bytes("word"), f"{MISMATCH} XLSX."),
        ("setup.exe", samples.EXE, NOT_ALLOWED),
        ("vazio.pdf", b"", "O arquivo está vazio."),
    ],
)
def test_disguised_and_forbidden_files_are_refused(name, content, message):
    with pytest.raises(DomainError) as error:
        validate_upload(samples.upload(name, content), policy=POLICY)
    assert error.value.message.startswith(message)
    assert error.value.field == "file"


@pytest.mark.parametrize(
    ("raw", "safe"),
    [
        ("../../etc/passwd.pdf", "passwd.pdf"),
        ("..\\..\\windows\\system32\\evil.PDF", "evil.pdf"),
        ("  nota\x00 fiscal\n.pdf ", "nota fiscal.pdf"),
        ("CON.pdf", "CON_.pdf"),
        ("...", "arquivo"),
        ("Relatório de março.xlsx", "Relatório de março.xlsx"),
        ("a" * 300 + ".pdf", "a" * 116 + ".pdf"),
    ],
)
def test_file_names_are_sanitised(raw, safe):
    assert sanitize_filename(raw) == safe


@pytest.mark.django_db
def test_path_traversal_name_is_stored_under_a_generated_path(admin_member, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    content = samples.pdf_bytes()
    stored = stored_file_create(
        actor=admin_member,
        uploaded_file=samples.upload("../../../etc/cron.d/x.pdf", content),
        use="test_documents",
    )
    assert stored.original_name == "x.pdf"
    assert stored.file.name == (
        f"org/{admin_member.organization_id}/test_documents/"
        f"{stored.created_at:%Y/%m}/{stored.key.hex}.pdf"
    )
    assert (tmp_path / stored.file.name).read_bytes() == content


@pytest.mark.django_db
def test_oversized_file_is_refused_and_nothing_is_stored(admin_member, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    big = b"%PDF-1.4\n" + b"0" * (1 * MB)
    with pytest.raises(DomainError, match="Arquivo maior que 1 MB."):
        stored_file_create(
            actor=admin_member,
            uploaded_file=samples.upload("grande.pdf", big),
            use="test_documents",
        )
    assert StoredFile.objects.count() == 0
    assert list(tmp_path.rglob("*.*")) == []


@given(st.binary(max_size=2048))
def test_the_sniffer_never_fails_on_random_bytes(data):
    assert sniffing.sniff_bytes(data) in {
        sniffing.PDF, sniffing.PNG, sniffing.JPEG, sniffing.GIF, sniffing.DOCX, sniffing.XLSX,
        sniffing.ZIP, sniffing.OLE2, sniffing.TEXT, sniffing.HTML, sniffing.SVG,
        sniffing.EXECUTABLE, sniffing.UNKNOWN,
    }  # fmt: skip
