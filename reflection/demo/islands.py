"""Demo reflection sessions: the three Eilanden van reflectie of 2024 from the seed memo of
2 June 2025 (shared/seeds/memo-2025-06-02-eilanden-van-reflectie.txt), one module per level
(`island_programmateam`, `island_managers`, `island_stuurgroep`), and an upcoming session to
try contributions on.

The texts are the memo's own Dutch. Where the memo gives a level's points as themes instead
of per side, each point is placed on the side its theme belongs to (monitoring and the
organisation of the work: HET; the shared vision and cooperation: WIJ; feeling the urgency:
IK) and keeps the memo's number. The portal numbers a session's points across its sides,
as the memo does for the managers and the steering group; the memo numbers the programme
team's points per side (1-2 on each), so there they run on: HET 1-2, WIJ 3-4, IK 5-6.
The memo's "Samengevat" is empty, so each side's summary is made of the memo's own
summarising sentences for that level.

Idempotent: everything is found by its natural key and updated.
"""

import datetime

from partners.models import Person
from reflection.demo.island_managers import MANAGERS_2024
from reflection.demo.island_programmateam import PROGRAMMATEAM_2024, PROGRAMMATEAM_PEOPLE
from reflection.demo.island_stuurgroep import STUURGROEP_2024
from reflection.models import AttentionPoint, Ingredient, ReflectionSession, SessionSide
from reflection.services.sessions import attention_point_next_number, attention_points_renumber

FACILITATOR = "Lauren Algra (Algra Consulting)"

# A point: (number, title, description, [ingredients]).
# A session: level -> date, introduction, participants, {side: {...}}.
SESSIONS_2024 = {
    ReflectionSession.Level.PROGRAMMATEAM: PROGRAMMATEAM_2024,
    ReflectionSession.Level.MANAGERS: MANAGERS_2024,
    ReflectionSession.Level.STUURGROEP: STUURGROEP_2024,
}

P = ReflectionSession.Level.PROGRAMMATEAM
M = ReflectionSession.Level.MANAGERS
S = ReflectionSession.Level.STUURGROEP

# Recognised across levels, as the memo states it: (level, side, number) pairs.
RECOGNITIONS = [
    # The managers find the programme team's vision ingredients meaningful.
    ((M, "wij", 1), (P, "wij", 3)),
    # The managers' monitoring section takes up the programme team's monitoring point.
    ((M, "het", 4), (P, "het", 1)),
    # One internal AVK team per partner: the programme team's delegation team per partner.
    ((M, "het", 5), (P, "het", 2)),
    # The steering group recognises the five points the managers gave (under monitoring).
    ((S, "het", 2), (M, "wij", 1)),
    ((S, "het", 2), (M, "ik", 2)),
    ((S, "het", 2), (M, "wij", 3)),
    ((S, "het", 2), (M, "het", 4)),
    ((S, "het", 2), (M, "het", 5)),
    # Support the partners' internal movement from the programme team: said at both levels.
    ((S, "wij", 1), (P, "wij", 4)),
]

UPCOMING_DATE = datetime.date(2026, 12, 10)


def _people(emails: list[str]) -> list[Person]:
    found = {p.email: p for p in Person.objects.filter(email__in=emails).order_by("pk")}
    return [found[email] for email in emails if email in found]


def _session(year: int, level: str, date: datetime.date, introduction: str, people: list[str]):
    session, _created = ReflectionSession.objects.update_or_create(
        year=year,
        level=level,
        group_name="",
        defaults={"date": date, "facilitator": FACILITATOR, "introduction": introduction},
    )
    session.participants.set(_people(people))
    return session


def build_2024() -> dict[tuple[str, str, int], AttentionPoint]:
    """The 2024 sessions and their points, by (level, side, number); recognitions linked."""
    points: dict[tuple[str, str, int], AttentionPoint] = {}
    for level, data in SESSIONS_2024.items():
        session = _session(2024, level, data["date"], data["introduction"], data["people"])
        existing = {p.title: p for p in session.attention_points.all()}
        wanted = []
        for side, content in data["sides"].items():
            SessionSide.objects.update_or_create(
                session=session,
                side=side,
                defaults={
                    "observations": content["observations"],
                    "other_points": "\n".join(content["other"]),
                    "summary": content["summary"],
                },
            )
            for number, title, description, ingredients in content["points"]:
                # Found by its title; a new one is numbered as the portal numbers it, and
                # the memo's numbers are then set by renumbering, as staff would.
                point = existing.get(title) or AttentionPoint(
                    session=session, number=attention_point_next_number(session)
                )
                point.title, point.side, point.description = title, side, description
                point.save()
                wanted.append((number, point.pk))
                for order, text in enumerate(ingredients, start=1):
                    Ingredient.objects.update_or_create(
                        attention_point=point, order=order, defaults={"text": text}
                    )
                point.ingredients.filter(order__gt=len(ingredients)).delete()
                points[(level, side, number)] = point
        attention_points_renumber(
            session=session, order=[pk for _number, pk in sorted(wanted)], user=None
        )

    for one, other in RECOGNITIONS:
        points[one].related.add(points[other])
    return points


def build_upcoming() -> None:
    """The programme team's next island, to try contributions on."""
    _session(
        UPCOMING_DATE.year,
        ReflectionSession.Level.PROGRAMMATEAM,
        UPCOMING_DATE,
        "Het Eiland van reflectie van het programmateam. Geef vooraf antwoord op de drie "
        "vragen: wat gaat goed aan het werk (HET), aan de samenwerking (WIJ) en bij jezelf (IK)?",
        PROGRAMMATEAM_PEOPLE,
    )
