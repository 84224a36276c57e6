"""Demo programme roles and a decision review.

The memo of 19 June 2023 says the opdrachtgever is a penvoerder that rotates among the
partners and supplies the programme secretary. Which partner held it is not in the seeds:
the demo chose Zorg Innovatie Forum first and CMO STAMM now (the secretary, Femke Dijkstra,
works there). The effort leads are the owners of the phase plan's efforts (reflection demo).
Idempotent: a term is found by role, effort and start.
"""

import datetime

from django.utils import timezone

from governance.models import Decision, DecisionReview, ProgrammeRole, ProposedDecision, RoleTerm
from partners.models import Partner, Person

START = datetime.date(2023, 7, 1)
ROTATION = datetime.date(2025, 7, 1)
ROTATION_END = ROTATION - datetime.timedelta(days=1)
CURRENT_END = datetime.date(2027, 6, 30)

PENVOERDERS = [
    ("Zorg Innovatie Forum", START, ROTATION_END),
    ("CMO STAMM", ROTATION, CURRENT_END),
]

# (role, effort, person e-mail, start, end)
TERMS = [
    (ProgrammeRole.MANAGER, "", "programmaleider@avk.example", START, None),
    (ProgrammeRole.SECRETARY, "", "ingrid.postma@avk.example", START, ROTATION_END),
    (ProgrammeRole.SECRETARY, "", "femke.dijkstra@avk.example", ROTATION, CURRENT_END),
    (ProgrammeRole.CONTROLLER, "", "erik.hoekstra@avk.example", START, None),
    (ProgrammeRole.COMMUNICATION, "", "ingrid.postma@avk.example", ROTATION, None),
    (
        ProgrammeRole.EFFORT_LEAD,
        "Inspanning 1: elke partner een AVK-team",
        "programmaleider@avk.example",
        datetime.date(2025, 9, 1),
        None,
    ),
    (
        ProgrammeRole.EFFORT_LEAD,
        "Inspanning 2: monitoring en omvang generatiearmoede",
        "erik.hoekstra@avk.example",
        datetime.date(2025, 10, 1),
        None,
    ),
    (
        ProgrammeRole.EFFORT_LEAD,
        "Inspanning 3: onboarding en pilots visievorming",
        "femke.dijkstra@avk.example",
        datetime.date(2025, 11, 1),
        None,
    ),
]

# The adopted seed decision on the light support structure is checked soon: does it work?
REVIEW_TEXT_START = "het inzetten op de lichte ondersteuningsstructuur"
REVIEW_OWNER = "programmaleider@avk.example"
REVIEW_IN_DAYS = 10


def build() -> None:
    partners = {p.name: p for p in Partner.objects.filter(name__in=[p[0] for p in PENVOERDERS])}
    for name, start, end in PENVOERDERS:
        RoleTerm.objects.update_or_create(
            role=ProgrammeRole.PENVOERDER,
            effort="",
            term_start=start,
            defaults={"partner": partners[name], "person": None, "term_end": end},
        )
    people = {p.email: p for p in Person.objects.filter(email__in={t[2] for t in TERMS})}
    for role, effort, email, start, end in TERMS:
        RoleTerm.objects.update_or_create(
            role=role,
            effort=effort,
            term_start=start,
            defaults={"person": people[email], "partner": None, "term_end": end},
        )
    decision = Decision.objects.filter(
        body__short_name="DB",
        result=ProposedDecision.Result.ADOPTED,
        text__startswith=REVIEW_TEXT_START,
    ).first()
    if decision is not None and not decision.reviews.exists():
        DecisionReview.objects.create(
            decision=decision,
            review_on=timezone.localdate() + datetime.timedelta(days=REVIEW_IN_DAYS),
            owner=Person.objects.get(email=REVIEW_OWNER),
        )
