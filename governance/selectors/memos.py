"""Reading a memo for its page and its PDF, in a fixed number of queries; the rows of the
memo list."""

from django.db.models import QuerySet
from django.urls import reverse

from governance.models import (
    Body,
    ConflictOfInterest,
    Decision,
    Memo,
    MemoAnnex,
    MemoSection,
    ProposedDecision,
    Seat,
)
from governance.selectors.conflicts import conflicts_prefetch
from partners.models import Person

# What the memo list's kept rows are drawn from: a change renders them afresh (avk.cache).
MEMO_LIST_READ = [Memo, Body]
# What a memo's document (sections, decisions with their number and who stepped aside,
# annexes) is drawn from: its page keeps it rendered until one of these changes.
MEMO_DOCUMENT_READ = [
    Memo,
    Body,
    MemoSection,
    ProposedDecision,
    Decision,
    MemoAnnex,
    ConflictOfInterest,
    Seat,
    Person,
]
# What a row of the memo list shows: nothing else is read (no introduction, no versions).
LIST_COLUMNS = ("pk", "title", "memo_date", "status", "voting_deadline", "body__short_name")


def memo_rows(memos: QuerySet[Memo]) -> QuerySet[Memo]:
    """The memos as the list reads them: only the columns it shows, body in the same query."""
    return memos.select_related("body").only(*LIST_COLUMNS)


def with_links(memos) -> list[Memo]:
    """The memos of a list page, each with `.url` (its page) and `.status_label`, made here
    once rather than by a template tag per row."""
    memos = list(memos)
    labels = dict(Memo.Status.choices)
    for memo in memos:
        memo.url = reverse("governance:memo_detail", args=[memo.pk])
        memo.status_label = labels.get(memo.status, memo.status)
    return memos


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
