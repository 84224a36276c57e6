from django import template
from django.utils.translation import pgettext_lazy

from governance.markdown import render_markdown

register = template.Library()


@register.filter
def memo_markdown(text):
    """Memo Markdown as sanitised HTML: {{ section.text|memo_markdown }}."""
    return render_markdown(text)


STATUS_BADGES = {
    "draft": "text-bg-secondary",
    "submitted": "text-bg-info",
    "voting": "text-bg-warning",
    "decided": "text-bg-success",
    "archived": "text-bg-light border",
    "withdrawn": "text-bg-dark",
}


@register.filter
def memo_status_badge(status):
    """The Bootstrap badge classes of a memo status."""
    return STATUS_BADGES.get(status, "text-bg-light border")


RESULT_LABELS = {
    "adopted": pgettext_lazy("decision result", "Adopted"),
    "rejected": pgettext_lazy("decision result", "Rejected"),
    "no_quorum": pgettext_lazy("decision result", "No quorum"),
    "noted": pgettext_lazy("decision result", "Noted"),
}


@register.filter
def decision_result_label(result):
    """The result of a proposed decision in the words of the decision list (Aangenomen,
    Verworpen, Geen quorum, Kennisgenomen); "Adopted" alone means something else for a
    phase plan, hence the context."""
    return RESULT_LABELS.get(result, result)
