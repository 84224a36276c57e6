"""Reads of meetings for a person's start page: what comes next in their bodies."""

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
