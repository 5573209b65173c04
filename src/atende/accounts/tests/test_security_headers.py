"""Content-Security-Policy on the sign-in page (the same header goes with every page)."""

import pytest

pytestmark = pytest.mark.django_db


def _policy(client) -> dict[str, str]:
    header = client.get("/entrar/")["Content-Security-Policy"]
    directives = (part.strip().split(" ", 1) for part in header.split(";") if part.strip())
    return dict(directives)


def test_no_plugins_no_base_element_no_framing(client):
    policy = _policy(client)

    assert policy["object-src"] == "'none'"
    assert policy["base-uri"] == "'none'"
    assert policy["frame-ancestors"] == "'none'"


def test_scripts_and_styles_come_from_our_own_origin_only(client):
    policy = _policy(client)

    assert (policy["default-src"], policy["script-src"], policy["style-src"]) == (
        "'self'",
        "'self'",
        "'self'",
    )
