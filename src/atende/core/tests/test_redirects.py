"""safe_next: a user-given return address is followed only when it stays on this site."""

import pytest
from django.test import RequestFactory

from atende.core.redirects import safe_next

FALLBACK = "/alfa/clientes/"
HOSTILE = [
    "//evil.example",
    "//evil.example/alfa/clientes/1/",
    "https://evil.example",
    "http://evil.example/",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "\\\\evil.example",
    "/\\evil",
    "\\/evil.example",
    "///evil.example",
    "https:evil.example",
    "\x00/alfa/",
    " //evil.example",
    "\t//evil.example",
    "http://testserver.evil.example/",
    "http://testserver@evil.example/",
]


@pytest.mark.parametrize("target", HOSTILE)
def test_address_off_this_site_gives_the_fallback(target):
    request = RequestFactory().post("/", {"next": target})
    assert safe_next(request, FALLBACK) == FALLBACK


@pytest.mark.parametrize(
    "target", ["/alfa/clientes/1/", "/alfa/clientes/1/?tab=contatos#x", "http://testserver/alfa/"]
)
def test_address_on_this_site_is_kept(target):
    request = RequestFactory().post("/", {"next": target})
    assert safe_next(request, FALLBACK) == target


def test_query_string_next_is_read_when_the_form_has_none():
    request = RequestFactory().post("/?next=/alfa/clientes/1/", {})
    assert safe_next(request, FALLBACK) == "/alfa/clientes/1/"


def test_missing_next_gives_the_fallback():
    assert safe_next(RequestFactory().get("/"), FALLBACK) == FALLBACK


def test_over_https_a_plain_http_address_of_this_host_is_refused():
    request = RequestFactory().get("/", {"next": "http://testserver/alfa/"}, secure=True)
    assert safe_next(request, FALLBACK) == FALLBACK
    request = RequestFactory().get("/", {"next": "https://testserver/alfa/"}, secure=True)
    assert safe_next(request, FALLBACK) == "https://testserver/alfa/"
