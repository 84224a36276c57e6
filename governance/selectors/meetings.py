"""Reads of meetings for a person's start page: what comes next in their bodies."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone

from governance.models import Meeting, Seat

# At most this many upcoming meetings are read; one per body is shown.
_UPCOMING_LIMIT = 30


def next_meetings_of(user) -> list[Meeting]:
    """The next meeting of each body the user holds a current seat in (any role, voting or
    not), soonest first, in one query."""
    if not user.is_authenticated:
        return []
    bodies = Seat.objects.current().filter(person__user=user).values("body_id")
    upcoming = (
        Meeting.objects.filter(body_id__in=bodies, starts_at__gte=timezone.now())
        .select_related("body", "location_partner")
        .order_by("starts_at", "pk")[:_UPCOMING_LIMIT]
    )
    first_per_body = {}
    for meeting in upcoming:
        first_per_body.setdefault(meeting.body_id, meeting)
    return list(first_per_body.values())


@dataclass
class MinutesToRead:
    meeting: Meeting
    url: str


def minutes_to_read(user) -> list[MinutesToRead]:
    """The minutes sent to the members of the user's bodies and not yet adopted: what to
    read before the next meeting adopts them. One query."""
    if not user.is_authenticated:
        return []
    bodies = Seat.objects.current().filter(person__user=user).values("body_id")
    meetings = (
        Meeting.objects.filter(
            body_id__in=bodies,
            minutes__circulated_at__isnull=False,
            minutes__adopted_at__isnull=True,
        )
        .select_related("body")
        .order_by("-starts_at", "pk")[:_UPCOMING_LIMIT]
    )
    return [
        MinutesToRead(meeting, reverse("governance:minutes_detail", args=[meeting.pk]))
        for meeting in meetings
    ]
