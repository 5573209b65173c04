"""Documentos tab: real files only, listed, downloaded under record rules, deleted."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from atende.customers.models import CustomerDocument
from atende.customers.tests.factories import CustomerFactory
from atende.files.models import StoredFile
from atende.files.policies import KB, MB
from atende.files.tests import samples
from atende.files.tests.hostile_body import CountingMultipartBody
from atende.tenancy.urls import org_reverse

pytestmark = pytest.mark.django_db


def _upload(client, organization, customer, name, content):
    return client.post(
        org_reverse("customers:document_upload", organization=organization, number=customer.number),
        {"file": SimpleUploadedFile(name, content), "description": "RG do titular"},
        follow=True,
    )


def test_document_is_attached_listed_and_downloaded(client_as, admin_member, organization):
    customer = CustomerFactory(organization=organization)
    client = client_as(admin_member)
    content = samples.pdf_bytes()

    page = _upload(client, organization, customer, "rg.pdf", content).content.decode()

    document = CustomerDocument.objects.get()
    assert "rg.pdf" in page
    assert "Documento anexado." in page
    download = client.get(
        org_reverse("files:download", organization=organization, key=document.stored_file.key)
    )
    assert b"".join(download.streaming_content) == content


def test_html_disguised_as_pdf_is_refused_and_nothing_saved(client_as, admin_member, organization):
    customer = CustomerFactory(organization=organization)
    page = _upload(client_as(admin_member), organization, customer, "rg.pdf", samples.HTML)
    assert "O conteúdo do arquivo não corresponde a PDF" in page.content.decode()
    assert (CustomerDocument.objects.count(), StoredFile.objects.count()) == (0, 0)


def test_download_follows_the_customer_record_rules(client_as, admin_member, member, organization):
    from django.contrib.auth.models import Permission

    from atende.accounts.tests.factories import SectorFactory

    sector = SectorFactory(organization=organization, name="Comercial")
    sector.permissions.set(
        Permission.objects.filter(content_type__app_label="customers", codename="view_customer")
    )
    member.sector, member.only_own_portfolio = sector, True
    member.save()
    customer = CustomerFactory(organization=organization, owner=admin_member)
    _upload(client_as(admin_member), organization, customer, "contrato.png", samples.PNG)
    key = CustomerDocument.objects.get().stored_file.key

    url = org_reverse("files:download", organization=organization, key=key)
    assert client_as(member).get(url).status_code == 404
    customer.owner = member
    customer.save()
    assert client_as(member).get(url).status_code == 200


def _document_upload_url(organization, customer):
    return org_reverse(
        "customers:document_upload", organization=organization, number=customer.number
    )


def test_document_over_the_limit_is_refused_while_arriving_and_nothing_saved(
    client_as, admin_member, organization, settings, tmp_path
):
    settings.ATENDE_UPLOAD_MAX_BYTES = 64 * KB
    settings.MEDIA_ROOT = tmp_path
    customer = CustomerFactory(organization=organization)
    body = CountingMultipartBody(file_size=900 * KB)

    response = client_as(admin_member).generic(
        "POST", _document_upload_url(organization, customer), **body.environ()
    )

    assert response.status_code == 413
    assert "Arquivos podem ter até 64 KB. Nada foi salvo" in response.content.decode()
    assert body.bytes_read < 256 * KB
    assert (CustomerDocument.objects.count(), StoredFile.objects.count()) == (0, 0)
    assert list(tmp_path.rglob("*")) == []


def test_document_bigger_than_the_memory_buffer_is_stored_whole(
    client_as, admin_member, organization, settings, tmp_path
):
    # 3 MB: past FILE_UPLOAD_MAX_MEMORY_SIZE, so the limit handler feeds the temporary file.
    settings.MEDIA_ROOT = tmp_path
    customer = CustomerFactory(organization=organization)
    body = CountingMultipartBody(file_size=3 * MB)

    response = client_as(admin_member).generic(
        "POST", _document_upload_url(organization, customer), **body.environ()
    )

    assert response.status_code == 302
    assert CustomerDocument.objects.get().stored_file.size == 3 * MB
    assert body.bytes_read == body.size
