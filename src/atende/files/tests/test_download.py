"""The download view: attachment, nosniff, authorised on every request, 404 otherwise."""

import pytest

from atende.files.access import may_download, register_download_rule
from atende.files.policies import DOCUMENTS, UploadPolicy, register_upload_policy
from atende.files.services import stored_file_create, stored_file_delete
from atende.files.tests import samples
from atende.tenancy.urls import org_reverse

pytestmark = pytest.mark.django_db

register_upload_policy(UploadPolicy("test_private", DOCUMENTS))
register_upload_policy(UploadPolicy("test_nobody", DOCUMENTS))
register_upload_policy(UploadPolicy("test_admins_only", DOCUMENTS))
register_download_rule("test_private", lambda member, stored: member.sector_id is None)
register_download_rule("test_nobody", lambda member, stored: False)

CONTENT = samples.pdf_bytes()


def _store(actor, use, name="Relatório final.pdf"):
    return stored_file_create(actor=actor, uploaded_file=samples.upload(name, CONTENT), use=use)


@pytest.fixture
def stored(admin_member, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return _store(admin_member, "test_private")


def _url(organization, stored):
    return org_reverse("files:download", organization=organization, key=stored.key)


def test_member_with_access_downloads_an_attachment(client_as, member, organization, stored):
    response = client_as(member).get(_url(organization, stored))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == CONTENT
    assert response["Content-Disposition"] == (
        "attachment; filename*=utf-8''Relat%C3%B3rio%20final.pdf"
    )
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Length"] == str(len(CONTENT))
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"
    assert response["Cache-Control"] == "private, no-store"


def test_an_ascii_name_is_quoted_plainly(client_as, admin_member, organization, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    plain = _store(admin_member, "test_private", name='..\\contrato "final".pdf')
    response = client_as(admin_member).get(_url(organization, plain))
    assert response["Content-Disposition"] == 'attachment; filename="contrato final.pdf"'


def test_other_organization_gets_404_by_both_addresses(
    client_as, other_member, organization, other_organization, stored
):
    client = client_as(other_member)
    assert client.get(_url(organization, stored)).status_code == 404
    assert client.get(_url(other_organization, stored)).status_code == 404


def test_anonymous_is_sent_to_sign_in(client, organization, stored):
    url = _url(organization, stored)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"/entrar/?next={url}"


def test_a_rule_that_denies_answers_404(client_as, member, organization, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    hidden = _store(member, "test_nobody")
    assert client_as(member).get(_url(organization, hidden)).status_code == 404


def test_an_inactive_member_reads_nothing_whatever_the_rule(member, stored):
    assert may_download(member, stored) is True
    member.is_active = False
    assert may_download(member, stored) is False


def test_a_use_without_a_rule_is_for_administrators_only(
    client_as, member, admin_member, organization, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    secret = _store(admin_member, "test_admins_only", name="folha.pdf")
    assert client_as(member).get(_url(organization, secret)).status_code == 404
    assert client_as(admin_member).get(_url(organization, secret)).status_code == 200


def test_deleted_file_is_404(
    client_as, admin_member, organization, stored, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        stored_file_delete(actor=admin_member, stored_file=stored)
    assert client_as(admin_member).get(_url(organization, stored)).status_code == 404


def test_bytes_missing_from_storage_are_404(client_as, admin_member, organization, stored):
    stored.file.storage.delete(stored.file.name)
    assert client_as(admin_member).get(_url(organization, stored)).status_code == 404


def test_an_unknown_key_is_404(client_as, admin_member, organization):
    url = org_reverse(
        "files:download", organization=organization, key="00000000-0000-4000-8000-000000000000"
    )
    assert client_as(admin_member).get(url).status_code == 404


def test_only_reading_methods_are_allowed(client_as, admin_member, organization, stored):
    assert client_as(admin_member).post(_url(organization, stored)).status_code == 405


def test_a_rule_registered_twice_for_one_use_fails():
    with pytest.raises(ValueError, match="already registered"):
        register_download_rule("test_nobody", lambda member, stored: True)
