"""Reads of the spotlights: which are shown to whom today, in one query."""

import datetime

from django.db.models import Q, QuerySet
from django.utils import timezone

from monitoring.access import experiences_visible_to, public_experiences
from monitoring.models import Consent, Experience, Spotlight
from partners.models import Intervention, Partner

# The start page and the showcase show a few at a time: the pages must not grow.
SHOWN = 4
# What a spotlight shows: where spotlights are kept (staff's start page), a change of one
# of these renders them afresh.
SPOTLIGHT_READ = [Spotlight, Partner, Intervention, Experience, Consent]


def current(today: datetime.date) -> Q:
    return Q(starts_on__lte=today) & (Q(ends_on__isnull=True) | Q(ends_on__gte=today))


def _shown(spotlights: QuerySet, stories: QuerySet) -> list[Spotlight]:
    # A story only when the reader may read it; a partner or intervention only while active.
    featured = (
        Q(partner__is_active=True)
        | Q(intervention__partner__is_active=True)
        | Q(experience__in=stories.values("pk"))
    )
    return list(
        spotlights.filter(featured)
        .select_related("partner", "intervention__partner", "experience")
        .order_by("-starts_on", "-pk")[:SHOWN]
    )


def spotlights_for(user, today: datetime.date | None = None) -> list[Spotlight]:
    """The current spotlights `user` may see on the start page (one query)."""
    today = today or timezone.localdate()
    return _shown(Spotlight.objects.filter(current(today)), experiences_visible_to(user, today))


def public_spotlights(today: datetime.date | None = None) -> list[Spotlight]:
    """The current spotlights for the public showcase (one query)."""
    today = today or timezone.localdate()
    spotlights = Spotlight.objects.filter(current(today), is_public=True)
    return _shown(spotlights, public_experiences(today))


def spotlight_list() -> QuerySet:
    """All spotlights for staff, newest first (one query; the page paginates)."""
    return Spotlight.objects.select_related("partner", "intervention", "experience").order_by(
        "-starts_on", "-pk"
    )
