"""Memo text: Markdown in, sanitised HTML out, the same on the page and in the PDF.

Two layers, so one mistake does not let anything through:
- Markdown is parsed without its raw-HTML support and without images: `<script>` typed
  into a memo comes out as the text "<script>", `![](…)` as a plain link.
- The HTML is then cleaned by nh3 (ammonia) with a strict allow-list of tags and
  attributes; links keep only http, https and mailto targets and get
  rel="noopener noreferrer". No image can survive, so the PDF renderer is never asked to
  fetch anything a memo's author typed.
"""

import markdown as markdown_lib
import nh3
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "ul",
    "ol",
    "li",
    "a",
    "blockquote",
    "code",
    "pre",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}
URL_SCHEMES = {"http", "https", "mailto"}
# Markdown headings # and ## would compete with the memo's own headings: shift them down.
HEADING_SHIFT = {"h1": "h3", "h2": "h4"}


def _attribute_filter(tag: str, attribute: str, value: str) -> str | None:
    # Relative and fragment links are dropped too: a memo links out, or not at all.
    if (
        tag == "a"
        and attribute == "href"
        and not value.lower().startswith(("http://", "https://", "mailto:"))
    ):
        return None
    if tag == "ol" and attribute == "start" and not value.isdigit():
        return None
    return value


def _parser() -> markdown_lib.Markdown:
    parser = markdown_lib.Markdown(extensions=["sane_lists"], output_format="html")
    parser.preprocessors.deregister("html_block")
    for pattern in ("html", "image_link", "image_reference", "short_image_ref"):
        if pattern in parser.inlinePatterns:
            parser.inlinePatterns.deregister(pattern)
    return parser


def sanitise_html(html: str) -> str:
    """HTML reduced to the allow-list: harmless on a page and in a PDF."""
    for source, target in HEADING_SHIFT.items():
        html = html.replace(f"<{source}>", f"<{target}>").replace(f"</{source}>", f"</{target}>")
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        clean_content_tags={"script", "style"},
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=_attribute_filter,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


def render_markdown(text: str | None) -> SafeString:
    """Memo Markdown as safe HTML (see the module docstring for what survives)."""
    if not text:
        return mark_safe("")
    html = _parser().convert(text.replace("\x00", ""))
    return mark_safe(sanitise_html(html))  # noqa: S308 (cleaned by nh3 just above)
