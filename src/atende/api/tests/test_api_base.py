"""The API root: OpenAPI document, docs page, JSON errors with fields in Portuguese."""

import json

import pytest
from django.test import Client
from ninja.errors import ValidationError

from atende.api.urls import api

pytestmark = pytest.mark.django_db


def test_openapi_document_lists_me_and_the_bearer_scheme(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/me" in schema["paths"]
    assert schema["components"]["securitySchemes"]["MemberTokenAuth"]["scheme"] == "bearer"


def test_docs_page_renders(client):
    assert client.get("/api/v1/docs").status_code == 200


def test_validation_errors_name_the_field_in_portuguese(rf):
    request = rf.post("/x")
    error = ValidationError([{"loc": ("body", "payload", "quantity"), "type": "int_parsing"}])
    response = api.on_exception(request, error)

    assert response.status_code == 400
    assert json.loads(response.content)["errors"] == [
        {"field": "quantity", "code": "int_parsing", "message": "Informe um número inteiro."}
    ]


def test_unknown_api_path_is_404(client: Client):
    assert client.get("/api/v1/nao-existe").status_code == 404
