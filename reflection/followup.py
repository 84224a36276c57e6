"""What was done with the previous island's attention points: an optional link on a session's
page and in its invitation, to the dossier of the previous island of the same level.

Reflection does not know where such a dossier lives: an app above it (monitoring) registers
a function that gives the path of a session's dossier, in its AppConfig.ready(), as the apps
register their PDF kinds in avk/documents.py. Without a registration there is no link, and
reflection asks the database nothing more.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db.models import OuterRef, Subquery

from reflection.models import ReflectionSession

_dossier_path: Callable[[int], str] | None = None


def register_dossier(path_of: Callable[[int], str] | None) -> None:
    """Register (or with None: remove) the function that gives the dossier path of a
    session, by its pk."""
    global _dossier_path
    _dossier_path = path_of


@dataclass(frozen=True)
class FollowUp:
    path: str
    year: int  # the year of the previous island


def previous_followups(sessions: Iterable[ReflectionSession]) -> dict[int, FollowUp]:
    """Per session (by pk) the dossier of the previous island of its level (for another
    group: of the same group), where one exists and a dossier is registered (one query)."""
    sessions = list(sessions)
    if _dossier_path is None or not sessions:
        return {}
    previous = ReflectionSession.objects.filter(
        level=OuterRef("level"), group_name=OuterRef("group_name"), year__lt=OuterRef("year")
    ).order_by("-year")
    rows = (
        ReflectionSession.objects.filter(pk__in=[s.pk for s in sessions])
        .annotate(previous_id=Subquery(previous.values("pk")[:1]))
        .annotate(previous_year=Subquery(previous.values("year")[:1]))
        .filter(previous_id__isnull=False)
        .values_list("pk", "previous_id", "previous_year")
    )
    return {pk: FollowUp(_dossier_path(previous_id), year) for pk, previous_id, year in rows}


def previous_followup(session: ReflectionSession) -> FollowUp | None:
    """previous_followups() for one session."""
    return previous_followups([session]).get(session.pk)
