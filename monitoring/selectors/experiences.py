"""Reads of the stories (ervaringen), each in a fixed number of queries. Who may read what
is decided in monitoring.access (experiences_visible_to, public_experiences)."""

import datetime

from django.db.models import OuterRef, QuerySet, Subquery
from django.utils import timezone

from monitoring.access import (
    consent_covers,
    experiences_visible_to,
    public_experiences,
    reviewable_experiences,
)
from monitoring.models import Consent, Experience
from monitoring.models.indicators import Visibility

# The public showcase shows the newest stories only: the page must not grow with the years.
SHOWCASE_STORIES = 6


def with_consent_state(experiences: QuerySet, today: datetime.date) -> QuerySet:
    """Add `consent_scope` (of the consent that counts today, or None) and `consent_stands`
    (it is neither withdrawn nor ended). Expects with_current_consent's annotation."""
    current = Consent.objects.filter(pk=OuterRef("current_consent_id"))
    return experiences.annotate(
        consent_scope=Subquery(current.values("scope")[:1]),
        consent_stands=consent_covers(Visibility.values, today),
    )


def experience_list(user, *, review: str = "", today: datetime.date | None = None) -> QuerySet:
    """The stories `user` may read, newest first, with their consent state (one query)."""
    today = today or timezone.localdate()
    experiences = experiences_visible_to(user, today)
    if review in Experience.Review.values:
        experiences = experiences.filter(review=review)
    return with_consent_state(
        experiences.select_related("municipality", "partner"), today
    ).order_by("-created_at", "-pk")


def review_queue(today: datetime.date | None = None) -> QuerySet:
    """The stories waiting for an experience expert, oldest first (one query)."""
    return (
        reviewable_experiences(today)
        .filter(review=Experience.Review.WAITING)
        .select_related("municipality", "partner")
        .order_by("created_at", "pk")
    )


def consent_history(experience: Experience) -> list[Consent]:
    """Every consent of the story, newest first, with who recorded and withdrew it."""
    return list(
        experience.consents.select_related("recorded_by", "withdrawn_by").order_by(
            "-given_on", "-id"
        )
    )


def showcase_stories(today: datetime.date | None = None) -> list[Experience]:
    """The newest public stories for the showcase (one query, a fixed number)."""
    return list(
        public_experiences(today)
        .select_related("municipality")
        .order_by("-reviewed_at", "-pk")[:SHOWCASE_STORIES]
    )
