"""Oversized uploads are refused while arriving: by Content-Length before the body is read,
and by the upload handler as soon as one file passes ATENDE_UPLOAD_MAX_BYTES. Pages get a
Portuguese page, the API a JSON error, both 413; never a 500."""

import pytest
from django.urls import reverse

from atende.files.policies import KB
from atende.files.tests.hostile_body import CountingMultipartBody

pytestmark = pytest.mark.django_db

TWO_GIB = 2 * 1024 * 1024 * 1024
# One chunk of the multipart parser (64 KB), read ahead once, plus the part headers.
PARSER_READ_AHEAD = 2 * 64 * KB + KB


@pytest.fixture
def small_limit(settings):
    settings.ATENDE_UPLOAD_MAX_BYTES = 64 * KB
    return 64 * KB


def test_a_body_announced_over_the_limit_is_refused_unread(client, small_limit):
    body = CountingMultipartBody(file_size=TWO_GIB)

    response = client.generic("POST", reverse("auth:login"), **body.environ())

    assert response.status_code == 413
    assert response["Content-Type"] == "text/html; charset=utf-8"
    page = response.content.decode()
    assert "<h1>Arquivo grande demais</h1>" in page
    assert "Arquivos podem ter até 64 KB. Nada foi salvo" in page
    assert body.bytes_read == 0


def test_the_api_answers_json(client, small_limit):
    body = CountingMultipartBody(file_size=TWO_GIB)

    response = client.generic("POST", "/api/v1/customers", **body.environ())

    assert response.status_code == 413
    assert response.json() == {
        "code": "file_size",
        "message": "Arquivo maior que 64 KB.",
        "field": None,
    }
    assert body.bytes_read == 0


def test_a_file_over_the_limit_stops_the_reading_whatever_the_length_said(client, small_limit):
    # Under the Content-Length ceiling (limit + 1 MB for the form), but the file alone is over.
    body = CountingMultipartBody(file_size=900 * KB)

    response = client.generic("POST", reverse("auth:login"), **body.environ())

    assert response.status_code == 413
    assert small_limit < body.bytes_read <= small_limit + PARSER_READ_AHEAD
    assert body.bytes_read < body.size


def test_a_content_length_that_is_not_a_number_reads_nothing(client):
    body = CountingMultipartBody(file_size=KB)
    environ = {**body.environ(), "CONTENT_LENGTH": "muito"}

    response = client.generic("POST", reverse("auth:login"), **environ)

    assert response.status_code == 200  # the sign-in form again, empty
    assert body.bytes_read == 0
