"""Memo text: Markdown in, sanitised HTML out, the same on the page and in the PDF.

Two layers, so one mistake does not let anything through:
- Markdown is parsed without its raw-HTML support and without images: `<script>` typed
  into a memo comes out as the text "<script>", `![](…)` as a plain link.
- The HTML is then cleaned by nh3 (ammonia) with a strict allow-list of tags and
  attributes; links keep only http, https and mailto targets and get
  rel="noopener noreferrer". No image can survive, so the PDF renderer is never asked to
  fetch anything a memo's author typed.

Text is bounded too, because the parser recurses per level of nesting and scans for a
link's closing bracket from every opening one: `validate_markdown()` (on the models and
on `MarkdownField`) refuses text that is too long, nested too deeply or full of brackets
when it is saved, and `render_markdown()` shows text stored before (or past) those checks
as plain, escaped text instead of failing the page or the PDF.
"""

import logging
import re

import markdown as markdown_lib
import nh3
from django import forms
from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.html import linebreaks
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)

# A memo part is a few pages at most (the seed memos are 13,000 characters in all).
MAX_MARKDOWN_CHARS = 20_000
# Some block rules cost more per line the more lines follow.
MAX_MARKDOWN_LINES = 2_000
# Lists and quotes inside each other; a memo needs three or four.
MAX_MARKDOWN_NESTING = 10
# The parser looks for the "]" of each "[" through the rest of its paragraph: the
# characters it would read so are bounded (a hundred links read a few thousand).
MAX_MARKDOWN_BRACKET_SCAN = 200_000
# Elements inside each other in the HTML: a level of nesting is at most ul > li > p,
# plus the inline tags of its text.
MAX_HTML_DEPTH = 3 * MAX_MARKDOWN_NESTING + 6

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


class MarkdownTooComplex(ValueError):
    """The text is over one or more of the limits; `error` says which, for the author."""

    def __init__(self, problems: list[ValidationError]):
        self.error = ValidationError(problems)
        super().__init__(", ".join(problem.code for problem in problems) or "markdown_length")


# Where a line opens a list item or a quote: "- ", "* ", "+ ", "1. ", "1) " or ">".
_CONTAINER_MARKER = re.compile(r"[ \t]*(?:[-*+](?=\s|$)|\d{1,9}[.)](?=\s|$)|>)")
_HORIZONTAL_RULE = re.compile(r"[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_BRACKET = re.compile(r"\\.|[\[\]]")  # an escaped character, or a bracket
_TAG = re.compile(r"<(/?)([a-z0-9]+)[^>]*>")
_VOID_TAGS = {"br", "hr"}


def _line_nesting(line: str) -> int:
    """How many lists and quotes a line opens inside each other, at most: four spaces of
    indentation before a marker count as a level, and so does each marker."""
    if _HORIZONTAL_RULE.match(line):
        return 0
    expanded = line.expandtabs(4)
    indent = len(expanded) - len(expanded.lstrip(" "))
    position, markers = 0, 0
    while match := _CONTAINER_MARKER.match(expanded, position):
        position, markers = match.end(), markers + 1
    return indent // 4 + markers if markers else 0


def _bracket_scan(text: str) -> int:
    """How many characters the parser reads looking for the "]" of every "[": up to the
    matching one, or to the end of the paragraph when there is none. One pass, with a
    stack of the open brackets."""
    total = 0
    for paragraph in _PARAGRAPH_BREAK.split(text):
        if "[" not in paragraph:
            continue
        opened = []
        for match in _BRACKET.finditer(paragraph):
            if match.group() == "[":
                opened.append(match.start())
            elif match.group() == "]" and opened:
                total += match.start() - opened.pop()
        total += sum(len(paragraph) - start for start in opened)
    return total


def _html_depth(html: str) -> int:
    depth = deepest = 0
    for match in _TAG.finditer(html):
        if match.group(2) in _VOID_TAGS:
            continue
        depth += -1 if match.group(1) else 1
        deepest = max(deepest, depth)
    return deepest


def _too_deep() -> ValidationError:
    return ValidationError(
        _(
            "Lists or quotes are nested too deeply in this text: at most %(limit)s "
            "levels inside each other."
        ),
        code="markdown_nesting",
        params={"limit": MAX_MARKDOWN_NESTING},
    )


def _source_problems(text: str) -> list[ValidationError]:
    """The limits a text is over, found without parsing it (each check is linear)."""
    problems = []
    if len(text) > MAX_MARKDOWN_CHARS:
        problems.append(
            ValidationError(
                _(
                    "This text is too long: %(length)s characters, at most %(limit)s. "
                    "Spread it over more sections."
                ),
                code="markdown_length",
                params={
                    "length": number_format(len(text), force_grouping=True),
                    "limit": number_format(MAX_MARKDOWN_CHARS, force_grouping=True),
                },
            )
        )
    lines = text.count("\n") + 1
    if lines > MAX_MARKDOWN_LINES:
        problems.append(
            ValidationError(
                _("This text has too many lines: %(count)s, at most %(limit)s."),
                code="markdown_lines",
                params={
                    "count": number_format(lines, force_grouping=True),
                    "limit": number_format(MAX_MARKDOWN_LINES, force_grouping=True),
                },
            )
        )
    if _bracket_scan(text) > MAX_MARKDOWN_BRACKET_SCAN:
        problems.append(
            ValidationError(
                _(
                    "This text has too many square brackets [ ], or a [ without its ]. "
                    "Remove the brackets that are not needed."
                ),
                code="markdown_brackets",
            )
        )
    if max(map(_line_nesting, text.splitlines()), default=0) > MAX_MARKDOWN_NESTING:
        problems.append(_too_deep())
    return problems


def _checked_html(text: str) -> str:
    """The sanitised HTML of `text`, or MarkdownTooComplex when it is over a limit. The
    cheap checks come first, so the parser only ever sees text it handles quickly."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")  # as the parser reads lines
    if problems := _source_problems(text):
        raise MarkdownTooComplex(problems)
    try:
        html = sanitise_html(_parser().convert(text))
    except RecursionError:
        raise MarkdownTooComplex([_too_deep()]) from None
    if _html_depth(html) > MAX_HTML_DEPTH:
        raise MarkdownTooComplex([_too_deep()])
    return html


def validate_markdown(text: str | None) -> None:
    """Refuse memo text that could not be laid out (too long, too deeply nested): the
    validator of every Markdown field, on the model and on the form."""
    if text:
        try:
            _checked_html(text.replace("\x00", ""))
        except MarkdownTooComplex as problem:
            raise problem.error from None


class MarkdownField(forms.CharField):
    """A form field for memo Markdown, checked against the same limits as the models.

    No maxlength on the textarea: a browser would silently cut a pasted text, while the
    error message keeps all of it in the form.
    """

    default_validators = [validate_markdown]

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("widget", forms.Textarea(attrs={"rows": 6}))
        super().__init__(**kwargs)


def plain_text(text: str) -> SafeString:
    """Text shown as it was typed, escaped, in paragraphs; cut at the length limit."""
    if len(text) > MAX_MARKDOWN_CHARS:
        text = text[:MAX_MARKDOWN_CHARS].rstrip() + "…"
    return mark_safe(linebreaks(text, autoescape=True))  # noqa: S308 (escaped by linebreaks)


def render_markdown(text: str | None) -> SafeString:
    """Memo Markdown as safe HTML (see the module docstring for what survives). Text over
    the limits is shown as plain text: never an error, and never slow."""
    if not text:
        return mark_safe("")
    text = text.replace("\x00", "")
    try:
        if len(text) > MAX_MARKDOWN_CHARS:  # no need to look further, however long it is
            raise MarkdownTooComplex([])
        html = _checked_html(text)
    except MarkdownTooComplex as problem:
        logger.warning("Memo text shown as plain text (%s).", problem)
        return plain_text(text)
    return mark_safe(html)  # noqa: S308 (cleaned by nh3 in _checked_html)
