"""The download view: attachment, nosniff, authorised on every request, 404 otherwise."""

import pytest

from atende.files.access import register_download_rule
from atende.files.policies import DOCUMENTS, UploadPolicy, register_upload_policy
from atende.files.services import stored_file_create, stored_file_delete
from atende.files.tests import samples
from atende.tenancy.urls import org_reverse

pytestmark = pytest.mark.django_db

register_upload_policy(UploadPolicy("test_private", DOCUMENTS))
register_upload_policy(UploadPolicy("test_admins_only", DOCUMENTS))
register_download_rule("test_private", lambda member, stored: member.is_active)


@pytest.fixture
def stored(admin_member, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    content = samples.pdf_bytes()
    stored = stored_file_create(
        actor=admin_member,
        uploaded_file=samples.upload("Relatório final.pdf", content),
        use="test_private",
    )
    stored.content_for_test = content
    return stored


def _url(organization, stored):
    return org_reverse("files:download", organization=organization, key=stored.key)


def test_member_downloads_as_an_attachment(client_as, member, organization, stored):
    response = client_as(member).get(_url(organization, stored))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == stored.content_for_test
    assert response["Content-Disposition"] == (
        "attachment; filename*=utf-8''Relat%C3%B3rio%20final.pdf"
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"


def test_other_organization_gets_404_by_both_addresses(
    client_as, other_member, organization, other_organization, stored
):
    client = client_as(other_member)
    assert client.get(_url(organization, stored)).status_code == 404
    assert client.get(_url(other_organization, stored)).status_code == 404


def test_anonymous_is_sent_to_sign_in(client, organization, stored):
    assert client.get(_url(organization, stored)).status_code == 302


def test_a_use_without_a_rule_is_for_administrators_only(
    client_as, member, admin_member, organization, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    secret = stored_file_create(
        actor=admin_member,
        uploaded_file=samples.upload("folha.pdf", samples.pdf_bytes()),
        use="test_admins_only",
    )
    assert client_as(member).get(_url(organization, secret)).status_code == 404
    assert client_as(admin_member).get(_url(organization, secret)).status_code == 200


def test_deleted_file_is_gone(client_as, admin_member, organization, stored, tmp_path,
                              django_capture_on_commit_callbacks):  # fmt: skip
    path = tmp_path / stored.file.name
    with django_capture_on_commit_callbacks(execute=True):
        stored_file_delete(actor=admin_member, stored_file=stored)
    assert client_as(admin_member).get(_url(organization, stored)).status_code == 404
    assert path.exists() is False
