"""What people type is rendered as Markdown and can never run in a page."""

import pytest

from atende.core.markdown import render_markdown


def test_markdown_becomes_html():
    assert str(render_markdown("**Urgente**: ligar\npara o cliente")) == (
        "<p><strong>Urgente</strong>: ligar<br>\npara o cliente</p>"
    )


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "[clique](javascript:alert(1))",
        '<a href="https://x" onclick="alert(1)">x</a>',
        "<style>body{display:none}</style>",
        '<iframe src="https://evil.example"></iframe>',
    ],
)
def test_nothing_runs(hostile):
    html = str(render_markdown(hostile))
    for danger in ("<script", "onerror", "javascript:", "onclick", "<style", "<iframe", "<img"):
        assert danger not in html


def test_links_keep_no_referrer():
    html = str(render_markdown("[manual](https://example.com/manual)"))
    assert 'href="https://example.com/manual"' in html
    assert 'rel="noopener noreferrer nofollow"' in html
