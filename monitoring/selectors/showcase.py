"""Reads of the public showcase (etalage): the alliance's active partners, the published
good examples of active partners, the current public spotlights and the newest stories
whose tellers agreed to share them publicly. Contact people are never read here.

The showcase is the same for every reader: the view keeps it rendered (avk.cache) until
a row of SHOWCASE_READ changes, per language and day (a consent or spotlight that ends
today is gone tomorrow)."""

import datetime

from django.db.models import Prefetch
from django.utils import timezone

from monitoring.models import Consent, Experience, Spotlight
from monitoring.selectors.experiences import showcase_stories
from monitoring.selectors.spotlights import public_spotlights
from partners.models import Intervention, Municipality, Partner

# Every model the showcase shows a field of: a change to any of them renders it afresh.
SHOWCASE_READ = [
    Partner,
    Municipality,
    Intervention,
    Intervention.municipalities.through,
    Intervention.collaborators.through,
    Spotlight,
    Experience,
    Consent,
]


def showcase(today: datetime.date | None = None) -> dict:
    """Everything the showcase shows (six queries)."""
    today = today or timezone.localdate()
    active = Partner.objects.filter(is_active=True)
    examples = (
        Intervention.objects.filter(is_published=True, partner__is_active=True)
        .select_related("partner")
        .prefetch_related(
            "municipalities",
            Prefetch("collaborators", queryset=active.order_by("name").only("pk", "name")),
        )
        .order_by("title", "pk")
    )
    return {
        "partners": list(active.select_related("municipality").order_by("name")),
        "examples": list(examples),
        "spotlights": public_spotlights(today),
        "stories": showcase_stories(today),
    }
