"""The year page's islands, kept rendered (avk.cache) until something they show changes.

A past year's islands hardly ever change, and every reader sees the same: so each island's
summary, introduction and sides, the year list and the unanswered points are rendered once
per language and kind of reader (staff get edit links) and kept until a row they are drawn
from changes. What differs per person (whether an island is open, the buttons for its
participants) is added by the view around the kept parts; no CSRF token is inside them.
"""

import datetime
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from avk.cache import cached
from partners.models import Person
from reflection.followup import previous_followups
from reflection.models import (
    AttentionPoint,
    Effort,
    Ingredient,
    ReflectionSession,
    SessionSide,
)
from reflection.selectors.sessions import session_years, year_overview

# The rows the year page is drawn from (watched in ReflectionConfig.ready). An effort's
# links to points decide which points are unanswered; Effort itself, because deleting one
# removes its links without a signal for them.
YEAR_READ = [
    ReflectionSession,
    ReflectionSession.participants.through,
    SessionSide,
    AttentionPoint,
    AttentionPoint.related.through,
    Ingredient,
    Person,
    Effort,
    Effort.attention_points.through,
]


@dataclass
class Island:
    """One island as the year page keeps it: its rendered parts and what the view needs to
    decide, per person, whether it is open and which buttons it gets."""

    pk: int
    date: datetime.date
    participant_users: frozenset[int]
    contribute_url: str
    ical_url: str
    summary_html: str
    intro_html: str
    sides_html: str
    unfolded: bool = False

    def __post_init__(self):
        self.summary_html = mark_safe(self.summary_html)  # noqa: S308 - our own templates
        self.intro_html = mark_safe(self.intro_html)  # noqa: S308
        self.sides_html = mark_safe(self.sides_html)  # noqa: S308


def _island(session: ReflectionSession, staff: bool) -> Island:
    context = {"session": session, "is_staff": staff}
    return Island(
        pk=session.pk,
        date=session.date,
        participant_users=frozenset(
            p.user_id for p in session.participants.all() if p.user_id is not None
        ),
        contribute_url=reverse("reflection:contribute", args=[session.pk]),
        ical_url=reverse("reflection:session_ical", args=[session.pk]),
        summary_html=render_to_string("reflection/includes/session_island_summary.html", context),
        intro_html=render_to_string("reflection/includes/session_island_intro.html", context),
        sides_html=render_to_string("reflection/includes/session_island_sides.html", context),
    )


def _build(year: int, staff: bool) -> dict:
    overview = year_overview(year)
    sessions = overview["sessions"]
    followups = previous_followups(sessions)
    for session in sessions:
        session.followup = followups.get(session.pk)
    unanswered = render_to_string(
        "reflection/includes/year_unanswered.html",
        {"unanswered": overview["unanswered"], "is_staff": staff},
    )
    return {
        "years": session_years(),
        "islands": [_island(session, staff) for session in sessions],
        "unanswered_html": str(unanswered),
    }


def year_page(year: int, *, staff: bool) -> dict:
    """`years` (newest first), `islands` (Island, in the page's order) and
    `unanswered_html` of `year`, for staff or for other readers."""
    page = cached(
        "reflection_year",
        YEAR_READ,
        lambda: _build(year, staff),
        parts=[get_language(), year, "staff" if staff else "read"],
    )
    page["unanswered_html"] = SafeString(page["unanswered_html"])
    return page
