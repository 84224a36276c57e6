"""Reading a memo for its page and its PDF, in a fixed number of queries."""

from governance.models import Memo
from governance.selectors.conflicts import conflicts_prefetch


def memo_parts(memo: Memo) -> dict:
    """Sections (each with the number of its first summary point: the points are numbered
    across the memo), proposed decisions (with their decision-list number, if any) and
    annex figures, each decision with who stepped aside on it (`.stepped_aside`): four
    queries, whatever their number."""
    sections = list(memo.sections.order_by("order", "id"))
    number = 1
    for section in sections:
        section.summary_start = number
        section.summary_points = section.summary_lines
        number += len(section.summary_points)
    decisions = list(
        memo.decisions.select_related("listed")
        .prefetch_related(conflicts_prefetch("conflicts"))
        .order_by("order", "id")
    )
    for decision in decisions:
        listed = decision.listed if hasattr(decision, "listed") else None
        decision.list_number = listed.number if listed else ""
    annexes = list(memo.annexes.order_by("order", "id"))
    return {"sections": sections, "decisions": decisions, "annexes": annexes}
