from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

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


@register.filter
def field_anchor(field) -> str:
    """The id an error summary links to for a form field: the field itself, or the first
    option of a group of radios or checkboxes (the group has no element of its own)."""
    if field.id_for_label:
        return field.id_for_label
    for option in field.subwidgets:
        return option.id_for_label or ""
    return ""
