from django import template

from governance.markdown import render_markdown
from governance.models import ProposedDecision

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


@register.filter
def decision_result_label(result):
    """The result of a proposed decision in the words of the decision list (Aangenomen,
    Verworpen, Te weinig stemmen, Kennisgenomen)."""
    return dict(ProposedDecision.Result.choices).get(result, result)
