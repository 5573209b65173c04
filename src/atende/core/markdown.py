"""Text people write (ticket descriptions, replies, notes) shown as Markdown, sanitised.

Markdown turns the text into HTML; nh3 then keeps only a small set of harmless tags and
attributes (no scripts, no styles, no event handlers, links only to http(s)/mailto and
opened without a referrer), so what a customer or agent typed can never run in a page.
"""

import markdown as markdown_lib
import nh3
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "code", "pre", "blockquote", "ul", "ol", "li", "a", "hr",
    "h3", "h4", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}


def render_markdown(text: str) -> SafeString:
    """Safe HTML for `text` (plain text reads as paragraphs with line breaks kept)."""
    html = markdown_lib.markdown(text or "", extensions=["nl2br", "sane_lists", "tables"])
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )
    return mark_safe(clean)  # noqa: S308  sanitised by nh3 just above
