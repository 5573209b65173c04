"""stored_file_create / stored_file_delete: generated paths, nothing half-written."""

import hashlib

import pytest
from django.db import transaction

from atende.core.errors import DomainError
from atende.files.models import StoredFile
from atende.files.policies import DOCUMENTS, MB, UploadPolicy, register_upload_policy
from atende.files.services import stored_file_create, stored_file_delete
from atende.files.tests import samples
from atende.tenancy.context import activate

pytestmark = pytest.mark.django_db

register_upload_policy(UploadPolicy("test_services", DOCUMENTS, max_bytes=1 * MB))


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def _files_on_disk(media):
    return sorted(str(path.relative_to(media)) for path in media.rglob("*") if path.is_file())


def test_path_traversal_name_is_stored_under_a_generated_path(admin_member, media):
    content = samples.pdf_bytes()
    stored = stored_file_create(
        actor=admin_member,
        uploaded_file=samples.upload("../../../etc/cron.d/x.PDF", content),
        use="test_services",
    )
    expected = (
        f"org/{admin_member.organization_id}/test_services/"
        f"{stored.created_at:%Y/%m}/{stored.key.hex}.pdf"
    )
    assert stored.file.name == expected
    assert stored.original_name == "x.pdf"
    assert _files_on_disk(media) == [expected]
    assert (media / expected).read_bytes() == content


def test_the_row_records_what_was_checked(admin_member, media):
    content = samples.PNG
    stored = stored_file_create(
        actor=admin_member, uploaded_file=samples.upload("logo.png", content), use="test_services"
    )
    row = StoredFile.objects.get(key=stored.key)
    assert (row.use, row.size, row.content_type, row.uploaded_by) == (
        "test_services",
        len(content),
        "image/png",
        admin_member,
    )
    assert row.sha256 == hashlib.sha256(content).hexdigest()
    assert row.organization_id == admin_member.organization_id


def test_oversized_file_is_refused_and_nothing_is_stored(admin_member, media):
    big = b"%PDF-1.4\n" + b"0" * MB
    with pytest.raises(DomainError, match=r"^Arquivo maior que 1 MB\.$"):
        stored_file_create(
            actor=admin_member, uploaded_file=samples.upload("grande.pdf", big), use="test_services"
        )
    assert StoredFile.objects.count() == 0
    assert _files_on_disk(media) == []


def test_a_file_whose_size_lies_is_measured_and_refused(admin_member, media):
    lying = samples.upload("grande.pdf", b"%PDF-1.4\n" + b"0" * MB)
    lying.size = 100
    with pytest.raises(DomainError, match=r"^Arquivo maior que 1 MB\.$"):
        stored_file_create(actor=admin_member, uploaded_file=lying, use="test_services")
    assert StoredFile.objects.count() == 0
    assert _files_on_disk(media) == []


def test_disguised_file_is_refused_and_nothing_is_stored(admin_member, media):
    with pytest.raises(DomainError, match="parece uma página HTML"):
        stored_file_create(
            actor=admin_member,
            uploaded_file=samples.upload("boleto.pdf", samples.HTML),
            use="test_services",
        )
    assert StoredFile.objects.count() == 0
    assert _files_on_disk(media) == []


def test_a_failing_insert_leaves_no_bytes_behind(admin_member, media, monkeypatch):
    def broken_save(self, *args, **kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(StoredFile, "save", broken_save)
    with pytest.raises(RuntimeError, match="database went away"):
        stored_file_create(
            actor=admin_member,
            uploaded_file=samples.upload("a.png", samples.PNG),
            use="test_services",
        )
    monkeypatch.undo()
    assert StoredFile.objects.count() == 0
    assert _files_on_disk(media) == []


def test_a_member_of_another_organization_cannot_store_here(other_member, media):
    with pytest.raises(PermissionError):
        stored_file_create(
            actor=other_member,
            uploaded_file=samples.upload("a.png", samples.PNG),
            use="test_services",
        )
    assert StoredFile.objects.count() == 0
    assert _files_on_disk(media) == []


def test_delete_removes_the_row_and_then_the_bytes(
    admin_member, media, django_capture_on_commit_callbacks
):
    stored = stored_file_create(
        actor=admin_member, uploaded_file=samples.upload("a.png", samples.PNG), use="test_services"
    )
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        stored_file_delete(actor=admin_member, stored_file=stored)
    assert len(callbacks) == 1
    assert StoredFile.objects.filter(key=stored.key).exists() is False
    assert _files_on_disk(media) == []


def test_a_rolled_back_delete_keeps_row_and_bytes(admin_member, media):
    stored = stored_file_create(
        actor=admin_member, uploaded_file=samples.upload("a.png", samples.PNG), use="test_services"
    )

    @transaction.atomic
    def delete_then_fail():
        stored_file_delete(actor=admin_member, stored_file=stored)
        raise RuntimeError("undo")

    with pytest.raises(RuntimeError, match="undo"):
        delete_then_fail()
    assert StoredFile.objects.filter(key=stored.key).exists() is True
    assert _files_on_disk(media) == [stored.file.name]


def test_another_organization_does_not_see_the_row(admin_member, other_organization, media):
    stored = stored_file_create(
        actor=admin_member, uploaded_file=samples.upload("a.png", samples.PNG), use="test_services"
    )
    with activate(other_organization):
        assert StoredFile.objects.filter(key=stored.key).exists() is False
