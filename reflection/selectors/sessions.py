"""Reads of the reflection app that take more than one line."""

from dataclasses import dataclass, field

from django.db.models import Prefetch

from partners.models import Person
from reflection.models import AttentionPoint, ReflectionSession, SessionSide, Side


@dataclass
class SideBlock:
    """One side of one island, as the year page shows it."""

    side: str
    label: str
    content: SessionSide | None
    points: list[AttentionPoint] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        content = self.content
        return not self.points and not (
            content and (content.observations or content.other_points or content.summary)
        )


def session_years() -> list[int]:
    """The years that have at least one session, newest first."""
    return list(
        ReflectionSession.objects.order_by("-year").values_list("year", flat=True).distinct()
    )


def _level_order(session: ReflectionSession) -> int:
    levels = list(ReflectionSession.Level.values)
    return levels.index(session.level) if session.level in levels else len(levels)


def year_sessions(year: int) -> list[ReflectionSession]:
    """The sessions of `year` in a fixed number of queries, each with `side_blocks`: HET,
    WIJ, IK with their content and attention points (with ingredients and `related`)."""
    points = AttentionPoint.objects.order_by("number").prefetch_related(
        "ingredients",
        Prefetch(
            "related",
            queryset=AttentionPoint.objects.select_related("session").order_by(
                "session__date", "number"
            ),
        ),
    )
    sessions = list(
        ReflectionSession.objects.filter(year=year)
        .order_by("date", "level", "group_name")
        .prefetch_related(
            "sides",
            Prefetch("participants", queryset=Person.objects.order_by("name")),
            Prefetch("attention_points", queryset=points),
        )
    )
    sessions.sort(key=lambda s: (s.date, _level_order(s), s.group_name))
    for session in sessions:
        content = {side.side: side for side in session.sides.all()}
        blocks = {
            value: SideBlock(side=value, label=label, content=content.get(value))
            for value, label in Side.choices
        }
        for point in session.attention_points.all():
            blocks[point.side].points.append(point)
        session.side_blocks = list(blocks.values())
    return sessions


def year_overview(year: int) -> dict:
    """The islands of `year` side by side (see year_sessions), plus `unanswered`: the
    year's attention points that no effort of a phase plan answers yet."""
    sessions = year_sessions(year)
    unanswered = list(
        AttentionPoint.objects.filter(session__year=year, efforts__isnull=True)
        .select_related("session")
        .order_by("session__date", "session_id", "number")
    )
    return {"year": year, "sessions": sessions, "unanswered": unanswered}


def related_candidates(point: AttentionPoint):
    """Attention points `point` may be linked to: those of other sessions of the same year."""
    return (
        AttentionPoint.objects.filter(session__year=point.session.year)
        .exclude(session_id=point.session_id)
        .select_related("session")
        .order_by("session__date", "session_id", "number")
    )
