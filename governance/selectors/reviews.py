"""Reads of decision reviews: the reviews staff follow up (the "check" of plan-do-check-act)
and, per decision list page, the open review of each entry."""

import datetime

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from governance.models import DecisionReview

# The list of reviews to do shows those due within this many days (and every late one).
DUE_WITHIN_DAYS = 60
# A review is "due soon" (its owner is reminded, staff's start page counts it) this many
# days before its date.
SOON_DAYS = 14


def reviews_due(today: datetime.date | None = None) -> QuerySet[DecisionReview]:
    """Open reviews due within DUE_WITHIN_DAYS days or late, soonest first: decision, body
    and owner in the same query."""
    today = today or timezone.localdate()
    return (
        DecisionReview.objects.filter(
            outcome="", review_on__lte=today + datetime.timedelta(days=DUE_WITHIN_DAYS)
        )
        .select_related("decision__body", "owner__partner")
        .order_by("review_on", "pk")
    )


def reviews_due_soon(today: datetime.date | None = None) -> QuerySet[DecisionReview]:
    """The open reviews due within SOON_DAYS days or late (not run: a queryset to count)."""
    today = today or timezone.localdate()
    soon = today + datetime.timedelta(days=SOON_DAYS)
    return DecisionReview.objects.filter(outcome="", review_on__lte=soon)


def reviews_due_soon_count(today: datetime.date | None = None) -> int:
    """How many open reviews are due within SOON_DAYS days or late (one query)."""
    return reviews_due_soon(today).count()


def reviews_done() -> QuerySet[DecisionReview]:
    """Recorded reviews, newest first."""
    return (
        DecisionReview.objects.exclude(outcome="")
        .select_related("decision__body", "owner", "new_decision")
        .order_by("-reviewed_on", "-pk")
    )


def reviews_prefetch() -> Prefetch:
    """On Decision: `.all_reviews`, newest first, each with its owner and new decision."""
    return Prefetch(
        "reviews",
        queryset=DecisionReview.objects.select_related("owner", "new_decision").order_by("-pk"),
        to_attr="all_reviews",
    )


def with_reviews(entries) -> list:
    """The decision-list entries (loaded with reviews_prefetch), each with `.open_review`
    (planned, not yet done) and `.last_review` (the latest recorded one), or None."""
    entries = list(entries)
    for entry in entries:
        reviews = getattr(entry, "all_reviews", [])
        entry.open_review = next((r for r in reviews if r.is_open), None)
        entry.last_review = next((r for r in reviews if not r.is_open), None)
    return entries
