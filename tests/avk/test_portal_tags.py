"""The shared template tags: the scroll box around wide tables."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.template import Context, Template, TemplateSyntaxError

SCROLLING = (
    "{% load portal_tags %}{% scroll_region %}<table>{{ rows }}</table>{% endscroll_region %}"
)


def render(source: str, **context) -> str:
    return Template(source).render(Context(context))


def test_a_scroll_region_is_focusable_and_named_by_its_table_caption():
    html = render(
        "{% load portal_tags %}{% scroll_region %}<table><caption class='visually-hidden'>"
        "{{ caption }} <b>2026</b></caption><tr><td>1</td></tr></table>{% endscroll_region %}",
        caption='Tom & Jerry\'s "plans"',
    )
    assert html.startswith(
        '<div class="table-responsive" tabindex="0" role="region" '
        'aria-label="Tom &amp; Jerry&#x27;s &quot;plans&quot; 2026">'
    ), html
    assert html.endswith("</table></div>")
    assert "<tr><td>1</td></tr>" in html


def test_a_scroll_region_without_a_caption_is_a_template_error():
    with pytest.raises(TemplateSyntaxError, match="caption"):
        render(SCROLLING, rows="")


SCREEN_TEMPLATES = [
    path
    for path in Path(settings.BASE_DIR, "templates").rglob("*.html")
    if not {"pdf", "emails"} & set(path.parts) and not path.name.endswith("_pdf.html")
]
# The memo's header is a table in the PDF only (a description list on the screen); the
# minutes' attendance is a plain table in the PDF, in a scroll region on the screen.
PDF_ONLY_TABLES = {
    "governance/includes/memo_document.html": 1,
    "governance/includes/minutes_document.html": 1,
}


def test_every_table_on_a_screen_sits_in_a_scroll_region():
    """A table that is wider than a phone scrolls inside its own named, focusable box: the
    tag does that, a hand-made wrapper would not (and would widen the page)."""
    assert len(SCREEN_TEMPLATES) > 50
    loose = []
    for path in SCREEN_TEMPLATES:
        source = path.read_text()
        name = path.relative_to(Path(settings.BASE_DIR, "templates")).as_posix()
        assert "table-responsive" not in source, f"{name}: use {{% scroll_region %}}"
        outside = re.sub(r"{% scroll_region %}.*?{% endscroll_region %}", "", source, flags=re.S)
        tables = outside.count("<table")
        if tables != PDF_ONLY_TABLES.get(name, 0):
            loose.append(name)
    assert not loose, f"tables outside {{% scroll_region %}}: {loose}"
