"""The monitoring documents the PDF pipeline can make: the yearly AVK-monitor."""

from django.utils import timezone
from django.utils.translation import gettext as _

from avk.documents import DocumentKind
from monitoring.access import public_experiences
from monitoring.models import PROGRAMME_START_YEAR
from monitoring.selectors.monitor import (
    monitor_indicators,
    monitor_progress,
    monitor_progress_chart,
    monitor_spotlights,
)


def _year(subject: str) -> int | None:
    """A year of the programme up to this one; anything else asks for nothing."""
    if not (subject.isascii() and subject.isdigit() and len(subject) == 4):
        return None
    year = int(subject)
    return year if PROGRAMME_START_YEAR <= year <= timezone.localdate().year else None


def monitor_context(subject: str) -> dict:
    year = _year(subject)
    today = timezone.localdate()
    stories = list(public_experiences(today).select_related("municipality", "partner"))
    plans = monitor_progress(year, today)
    return {
        "title": _("AVK-monitor %(year)s") % {"year": year},
        "year": year,
        "indicators": monitor_indicators(year),
        "plans": plans,
        "progress_chart": monitor_progress_chart(plans),
        "spotlights": monitor_spotlights(year, [story.pk for story in stories]),
        "stories": stories,
        "generated_on": today,
    }


def monitor_can_request(user, subject: str) -> bool:
    return bool(user.is_authenticated and _year(subject) is not None)


AVK_MONITOR = DocumentKind(
    key="avk_monitor",
    title=lambda subject: _("AVK-monitor %(year)s") % {"year": subject},
    template="monitoring/monitor_pdf.html",
    context=monitor_context,
    can_request=monitor_can_request,
    filename=lambda subject: f"avk-monitor-{_year(subject)}",
)
