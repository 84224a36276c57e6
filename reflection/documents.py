"""The reflection documents the PDF pipeline can make: the year report and the phase plan.

Both context builders read everything in a fixed number of queries, and the phase plan's
timeline geometry is computed here, so the template only places ready-made numbers.
"""

import datetime

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from avk.documents import DocumentKind
from reflection.models import (
    AttentionPoint,
    Effort,
    PhasePlan,
    ReflectionSession,
)
from reflection.selectors.sessions import year_sessions

# --- the reflection report of a year --------------------------------------------------


def _year(subject: str) -> int | None:
    if not (subject.isascii() and subject.isdigit() and len(subject) == 4):
        return None
    return int(subject)


def reflection_report_context(subject: str) -> dict:
    year = _year(subject)
    sessions = year_sessions(year)
    return {
        "title": _("Reflection report %(year)s") % {"year": year},
        "year": year,
        "sessions": sessions,
        "generated_on": timezone.localdate(),
    }


def reflection_report_can_request(user, subject: str) -> bool:
    year = _year(subject)
    return bool(
        user.is_authenticated
        and year is not None
        and ReflectionSession.objects.filter(year=year).exists()
    )


REFLECTION_REPORT = DocumentKind(
    key="reflection_report",
    title=lambda subject: _("Reflection report %(year)s") % {"year": subject},
    template="reflection/report_pdf.html",
    context=reflection_report_context,
    can_request=reflection_report_can_request,
    filename=lambda subject: f"avk-eilanden-van-reflectie-{_year(subject)}",
)


# --- the phase plan -------------------------------------------------------------------

# The timeline chart, in SVG user units (1 unit = 0.25 mm at the chart's printed width).
CHART_WIDTH = 680
LABEL_WIDTH = 230
CHART_RIGHT_PAD = 10
AXIS_HEIGHT = 30
ROW_HEIGHT = 16
BAR_HEIGHT = 10
LABEL_CHARS = 42
# Fill colours per effort status, set as SVG attributes (page CSS does not reach inline SVG).
BAR_FILL = {"planned": "#17455c", "running": "#2e6b3f", "done": "#8aa3b0", "stopped": "#a4451a"}


def _num(value: float) -> str:
    # Formatted here, not in the template: Dutch number formatting would write "12,5".
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _month_starts(first: datetime.date, last: datetime.date) -> list[datetime.date]:
    month = datetime.date(first.year, first.month, 1)
    if month < first:
        month = _next_month(month)
    months = []
    while month <= last:
        months.append(month)
        month = _next_month(month)
    return months


def _next_month(day: datetime.date) -> datetime.date:
    return datetime.date(day.year + day.month // 12, day.month % 12 + 1, 1)


def timeline(plan: PhasePlan, efforts: list[Effort], today: datetime.date | None = None) -> dict:
    """Geometry of the efforts' bars over the plan period, with month and quarter ticks."""
    start, end = plan.period_start, plan.period_end
    span = max((end - start).days + 1, 1)
    left, right = LABEL_WIDTH, CHART_WIDTH - CHART_RIGHT_PAD
    width = right - left

    def x(day: datetime.date) -> float:
        day = min(max(day, start), end + datetime.timedelta(days=1))
        return left + (day - start).days / span * width

    ticks = []
    for month in _month_starts(start, end):
        quarter = month.month in (1, 4, 7, 10)
        ticks.append(
            {
                "x": _num(x(month)),
                "date": month,
                "quarter": quarter,
                "quarter_label": f"Q{(month.month - 1) // 3 + 1} {month.year}" if quarter else "",
            }
        )
    height = AXIS_HEIGHT + ROW_HEIGHT * max(len(efforts), 1) + 4
    rows = []
    for index, effort in enumerate(efforts):
        top = AXIS_HEIGHT + index * ROW_HEIGHT
        bar_start = x(effort.start)
        bar_end = x(effort.end + datetime.timedelta(days=1))
        outside = effort.end < start or effort.start > end
        title = effort.title
        label = title if len(title) <= LABEL_CHARS else title[: LABEL_CHARS - 1].rstrip() + "…"
        rows.append(
            {
                "effort": effort,
                "label": f"{index + 1}. {label}",
                "label_y": _num(top + ROW_HEIGHT / 2 + 3),
                "bar_x": _num(bar_start),
                "bar_y": _num(top + (ROW_HEIGHT - BAR_HEIGHT) / 2),
                "bar_width": _num(max(bar_end - bar_start, 2)),
                "bar_height": _num(BAR_HEIGHT),
                "status": effort.status,
                "fill": BAR_FILL.get(effort.status, "#17455c"),
                "outside": outside,
                "line_y": _num(top + ROW_HEIGHT),
                # The same bar as a share of the period (0-100), for the narrow-screen list.
                "share_x": _num((bar_start - left) / width * 100),
                "share_width": _num(max((bar_end - bar_start) / width * 100, 1)),
            }
        )
    today = today or timezone.localdate()
    return {
        "width": CHART_WIDTH,
        "height": _num(height),
        "left": _num(left),
        "right": _num(right),
        "axis_y": _num(AXIS_HEIGHT),
        "tick_label_y": _num(AXIS_HEIGHT - 4),
        "quarter_label_y": _num(AXIS_HEIGHT - 17),
        "quarter_line_y": _num(2),
        "bottom": _num(height - 4),
        "ticks": ticks,
        "rows": rows,
        "today_x": _num(x(today)) if start <= today <= end else None,
        "today_share": _num((x(today) - left) / width * 100) if start <= today <= end else None,
    }


def _plan_pk(subject: str) -> int | None:
    if not (subject.isascii() and subject.isdigit() and 0 < len(subject) <= 18):
        return None
    return int(subject)


def phase_plan_context(subject: str) -> dict:
    from partners.models import Partner

    plan = PhasePlan.objects.select_related("adopted_decision").get(pk=_plan_pk(subject))
    efforts = list(
        plan.efforts.select_related("owner", "owner__partner").prefetch_related(
            Prefetch("partners", queryset=Partner.objects.order_by("name")),
            Prefetch(
                "attention_points",
                queryset=AttentionPoint.objects.select_related("session").order_by(
                    "session__year", "session__date", "number"
                ),
            ),
        )
    )
    return {
        "title": plan.title,
        "plan": plan,
        "efforts": efforts,
        "chart": timeline(plan, efforts),
        "generated_on": timezone.localdate(),
    }


def phase_plan_can_request(user, subject: str) -> bool:
    pk = _plan_pk(subject)
    return bool(
        user.is_authenticated and pk is not None and PhasePlan.objects.filter(pk=pk).exists()
    )


def _phase_plan_title(subject: str) -> str:
    plan = PhasePlan.objects.filter(pk=_plan_pk(subject)).first()
    return str(plan) if plan else _("Phase plan")


def _phase_plan_filename(subject: str) -> str:
    plan = PhasePlan.objects.filter(pk=_plan_pk(subject)).first()
    if plan is None:
        return "avk-faseplan"
    return f"avk-faseplan-{plan.number}-v{plan.version}"


PHASE_PLAN = DocumentKind(
    key="phase_plan",
    title=_phase_plan_title,
    template="reflection/phase_plan_pdf.html",
    context=phase_plan_context,
    can_request=phase_plan_can_request,
    filename=_phase_plan_filename,
)
