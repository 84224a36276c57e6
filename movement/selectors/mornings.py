"""Reads of the open mornings: who hosts next, the dates to plan, the public list and
staff's lists. Each in a fixed number of queries, whatever the history.

The public reads never load sign-ups: places are counted in the database
(movement.selectors.signups), and nothing of who comes is read.
"""

import datetime
from dataclasses import dataclass

from django.db.models import F, Max, OuterRef, Q, Subquery

from movement.models import TeamMorning
from movement.selectors.signups import places_left, with_places_taken, with_signup_counts
from partners.models import Partner

WEDNESDAY = 2  # datetime.date.weekday(): Monday is 0
DEFAULT_WEEKS = 8
MAX_WEEKS = 26
# How far ahead the planner looks for free dates: enough to skip a year of planned ones.
SEARCH_WEEKS = MAX_WEEKS + 53

_PLANNED = Q(hosted_mornings__status=TeamMorning.Status.PLANNED)


def hosts_in_turn():
    """The active partners in the order they are due to host: those that never hosted
    first, then the one that hosted longest ago; ties by name. A cancelled morning does
    not count as hosting; a planned one in the future does (it is that partner's turn
    already). Each has `last_hosted` (None: never) and `last_place`, the address it gave
    the last time. One query."""
    last_place = (
        TeamMorning.objects.filter(host=OuterRef("pk"), status=TeamMorning.Status.PLANNED)
        .exclude(place="")
        .order_by("-date", "-pk")
        .values("place")[:1]
    )
    return (
        Partner.objects.filter(is_active=True)
        .annotate(last_hosted=Max("hosted_mornings__date", filter=_PLANNED))
        .annotate(last_place=Subquery(last_place))
        .order_by(F("last_hosted").asc(nulls_first=True), "name", "pk")
    )


def next_host() -> Partner | None:
    """The partner whose turn it is to host (see hosts_in_turn), or None without partners."""
    return hosts_in_turn().first()


def free_dates(*, today: datetime.date, weekday: int = WEDNESDAY, count: int = DEFAULT_WEEKS):
    """The next `count` dates on `weekday`, from `today` on, without a planned morning
    (a cancelled one leaves its date free). One query."""
    count = max(1, min(count, MAX_WEEKS))
    first = today + datetime.timedelta(days=(weekday - today.weekday()) % 7)
    candidates = [first + datetime.timedelta(weeks=n) for n in range(SEARCH_WEEKS)]
    taken = set(
        TeamMorning.objects.filter(
            status=TeamMorning.Status.PLANNED, date__gte=first, date__lte=candidates[-1]
        ).values_list("date", flat=True)
    )
    return [day for day in candidates if day not in taken][:count]


@dataclass
class Proposal:
    date: datetime.date
    host: Partner | None
    place: str


def plan_proposals(*, today: datetime.date, weekday: int = WEDNESDAY, count: int = DEFAULT_WEEKS):
    """The mornings to plan: free dates (free_dates), each with the partner whose turn it
    is. The turn goes round: a partner proposed for one date is proposed again only after
    every other active partner had a turn. The place is the address that partner gave
    the last time (to check). Two queries."""
    dates = free_dates(today=today, weekday=weekday, count=count)
    hosts = list(hosts_in_turn())
    return [
        Proposal(
            date=day,
            host=hosts[index % len(hosts)] if hosts else None,
            place=(hosts[index % len(hosts)].last_place or "") if hosts else "",
        )
        for index, day in enumerate(dates)
    ]


def upcoming_mornings(today: datetime.date):
    """The public list: mornings from today on (a cancelled one says so), the earliest
    first, with their host and `taken` places. One query per page."""
    return with_places_taken(
        TeamMorning.objects.filter(date__gte=today).select_related("host")
    ).order_by("date", "pk")


def public_morning(pk) -> TeamMorning | None:
    """A morning with its host, `taken` and `places_left`, for its public page: one query."""
    morning = with_places_taken(TeamMorning.objects.select_related("host")).filter(pk=pk).first()
    if morning is not None:
        morning.places_left = places_left(morning)
    return morning


def staff_mornings(today: datetime.date, *, past: bool = False):
    """Staff's list with the sign-up counts: from today on (the earliest first), or the
    past ones (the latest first)."""
    mornings = with_signup_counts(TeamMorning.objects.select_related("host"))
    if past:
        return mornings.filter(date__lt=today).order_by("-date", "-pk")
    return mornings.filter(date__gte=today).order_by("date", "pk")


def morning_counts(morning: TeamMorning) -> TeamMorning:
    """The morning again with `taken`, `waiting` and `unconfirmed` (one query)."""
    return with_signup_counts(TeamMorning.objects.filter(pk=morning.pk)).get()
