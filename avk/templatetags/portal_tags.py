import functools
import html
import re

from django import template
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import format_html, strip_tags
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

register = template.Library()


@register.filter(is_safe=True)
def tab_title(page_title: SafeString) -> str:
    """The browser tab's title: "<page> · AVK portal", or the portal's name alone.

    Used around the head_title block: a Django template cannot ask whether a block is
    empty, so the filter looks at what the block rendered.
    """
    # The block's output is already escaped; only its whitespace (template layout) goes.
    page_title = mark_safe(" ".join(page_title.split()))  # noqa: S308
    if not page_title:
        return gettext("AVK portal")
    return format_html("{} · {}", page_title, gettext("AVK portal"))


@register.simple_tag(takes_context=True)
def main_menu(context, user, editing) -> SafeString:
    """The main menu for `user`, who keeps the partners `editing` ((pk, name) pairs) up to
    date. It shows nothing else than what the key holds (language, kind of user, their
    organisations, the section and the page when the menu links to it), so it is rendered
    once per process for each combination: some thirty translations and conditions less on
    every page."""
    from avk.context_processors import menu_urls

    request = context["request"]
    own = tuple((pk, name) for pk, name in editing)
    own_urls = {reverse("partners:partner_detail", args=[pk]) for pk, _name in own}
    # The page matters only where the menu marks it as the current one.
    path = request.path if request.path in own_urls or request.path in menu_urls() else ""
    match = request.resolver_match
    return _menu(
        get_language(),
        user.is_authenticated,
        user.is_authenticated and user.is_staff,
        path,
        match.namespace if match else "",
        own,
    )


@functools.lru_cache(maxsize=512)
def _menu(language, is_authenticated, is_staff, path, section, own) -> SafeString:
    from avk.context_processors import nav_urls

    editing = [
        {"name": name, "url": reverse("partners:partner_detail", args=[pk])} for pk, name in own
    ]
    html_ = render_to_string(
        "includes/main_menu.html",
        {
            "nav": nav_urls(),
            "path": path,
            "section": section,
            "is_authenticated": is_authenticated,
            "is_staff": is_staff,
            "editing": editing,
        },
    )
    return mark_safe(html_)  # noqa: S308 - rendered (and escaped) by our own template


def field_anchor(field) -> str:
    """The id an error summary links to for a form field: the field itself, or the first
    option of a group of radios or checkboxes (the group has no element of its own)."""
    if field.id_for_label:
        return field.id_for_label
    for option in field.subwidgets:
        return option.id_for_label or ""
    return ""


@register.filter
def error_summary_items(form) -> list[tuple[str, str]]:
    """What an error summary lists for a form: (anchor, text) per error, anchor "" where
    there is no field to link to (an error of the whole form, a hidden field). A view that
    shows formsets inside the form sets `form.summary_formsets`: their errors are listed too,
    so the page has one summary."""
    items = [("", str(error)) for error in form.non_field_errors()]
    for field in form:
        anchor = "" if field.is_hidden else field_anchor(field)
        for error in field.errors:
            items.append((anchor, f"{field.label}: {error}" if anchor else str(error)))
    for formset in getattr(form, "summary_formsets", ()):
        items += [("", str(error)) for error in formset.non_form_errors()]
        for number, row in enumerate(formset, start=1):
            items += [
                (anchor, _("Row %(number)s: %(error)s") % {"number": number, "error": text})
                for anchor, text in error_summary_items(row)
            ]
    return items


CAPTION = re.compile(r"<caption\b[^>]*>(.*?)</caption>", re.IGNORECASE | re.DOTALL)


@register.tag
def scroll_region(parser, token):
    """{% scroll_region %}<table>…<caption>…</caption>…</table>{% endscroll_region %}

    A table that may scroll sideways on a phone, in a box that keyboard users can reach
    (tabindex) and screen readers announce by the table's caption (a named region).
    """
    if len(token.split_contents()) != 1:
        raise template.TemplateSyntaxError("scroll_region takes no arguments")
    nodelist = parser.parse(("endscroll_region",))
    parser.delete_first_token()
    return ScrollRegionNode(nodelist)


class ScrollRegionNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        content = self.nodelist.render(context)
        caption = CAPTION.search(content)
        if caption is None:
            # A template error, not a data one: every scrolling table names itself.
            raise template.TemplateSyntaxError("a scroll_region needs a table with a <caption>")
        label = " ".join(html.unescape(strip_tags(caption.group(1))).split())
        return format_html(
            '<div class="table-responsive" tabindex="0" role="region" aria-label="{}">{}</div>',
            label,
            mark_safe(content),  # noqa: S308 - rendered by the template engine, escaped there
        )
