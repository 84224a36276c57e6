"""The reflection demo: the three 2024 islands of the seed memo and draft phase plan 3."""

import datetime

from django.db.models import Count

from reflection.demo import builder as demo
from reflection.models import (
    AttentionPoint,
    Effort,
    EffortUpdate,
    Ingredient,
    PhasePlan,
    ReflectionSession,
    SessionSide,
)

MODELS = [
    ReflectionSession,
    SessionSide,
    AttentionPoint,
    Ingredient,
    PhasePlan,
    Effort,
    EffortUpdate,
]


def counts() -> dict:
    return {
        **{model.__name__: model.objects.count() for model in MODELS},
        "related": AttentionPoint.related.through.objects.count(),
        "participants": ReflectionSession.participants.through.objects.count(),
        "effort_points": Effort.attention_points.through.objects.count(),
        "effort_partners": Effort.partners.through.objects.count(),
    }


def test_demo_builds_the_memo_islands_and_plan_idempotently(db):
    from governance.demo import bodies as g
    from partners.demo import organisations as p

    p.build()
    g.build()
    demo.build()
    first = counts()
    demo.build()
    assert counts() == first

    sessions = {
        s.level: s
        for s in ReflectionSession.objects.filter(year=2024).annotate(n=Count("attention_points"))
    }
    assert set(sessions) == {"programmateam", "managers", "stuurgroep"}
    assert {level: s.n for level, s in sessions.items()} == {
        "programmateam": 6,
        "managers": 5,
        "stuurgroep": 4,
    }
    team = sessions["programmateam"]
    assert team.date == datetime.date(2024, 6, 2)
    assert team.facilitator == "Lauren Algra (Algra Consulting)"
    assert team.participants.filter(email="programmaleider@avk.example").exists()
    assert sessions["stuurgroep"].participants.count() == 5
    assert team.sides.count() == 3

    def ingredients(session, side, number):
        point = AttentionPoint.objects.get(session=session, side=side, number=number)
        return list(point.ingredients.values_list("text", flat=True))

    assert len(ingredients(team, "het", 1)) == 5
    assert len(ingredients(team, "wij", 3)) == 6
    assert len(ingredients(team, "ik", 5)) == 8
    monitoring = AttentionPoint.objects.get(session=team, side="het", number=1)
    assert monitoring.title == "Monitoring, effectiviteit en ervaringen"
    assert "Avk doelen vastklikken aan wettelijke taken gemeente" in (
        team.sides.get(side="het").other_point_items
    )
    # recognised across levels
    vision = AttentionPoint.objects.get(session=team, side="wij", number=3)
    assert vision.related.filter(session=sessions["managers"], number=1).exists()
    # Numbered per island, 1 to n across the sides: the memo's numbers where it numbers
    # per island (the managers, the steering group).
    for session in sessions.values():
        assert sorted(session.attention_points.values_list("number", flat=True)) == list(
            range(1, session.n + 1)
        )
    steering = sessions["stuurgroep"].attention_points.get(number=3)
    assert steering.title.startswith("Draag voorbeelden uit") and steering.side == "het"
    assert steering.citation == "Stuurgroep 2024 · 3"
    recognised_by_steering_group = AttentionPoint.objects.filter(
        session=sessions["managers"], related__session=sessions["stuurgroep"]
    ).distinct()
    assert recognised_by_steering_group.count() == 5

    plan = PhasePlan.objects.get(number=3, version=1)
    assert plan.status == PhasePlan.Status.DRAFT
    assert (plan.period_start, plan.period_end) == (
        datetime.date(2025, 9, 1),
        datetime.date(2026, 8, 31),
    )
    efforts = list(plan.efforts.annotate(n=Count("attention_points")))
    assert 6 <= len(efforts) <= 8
    assert all(effort.n >= 1 for effort in efforts)
    assert all(effort.owner_id for effort in efforts)
    team_effort = plan.efforts.get(title="Elke partner tuigt een intern AVK-team op")
    assert set(team_effort.partners.values_list("name", flat=True)) >= {"Cosis", "Lentis"}
    assert AttentionPoint.objects.filter(session__year=2024, efforts__isnull=True).exists()

    upcoming = ReflectionSession.objects.get(year=2026, level="programmateam")
    assert upcoming.date == datetime.date(2026, 12, 10)
    assert upcoming.participants.count() == 5


def test_demo_progress_shows_every_kind_of_effort_in_the_rollup(db):
    from governance.demo import bodies as g
    from partners.demo import organisations as p
    from reflection.selectors.progress import plan_rollup, with_latest_update

    p.build()
    g.build()
    demo.build()
    plan = PhasePlan.objects.get(number=3, version=1)
    rollup = plan_rollup(plan, list(with_latest_update(plan.efforts.all())))
    assert rollup.counts == {"on_track": 2, "at_risk": 1, "behind": 1, "done": 1, "stale": 2}
    assert EffortUpdate.objects.filter(effort__plan=plan).count() == 13
    assert EffortUpdate.objects.filter(author__isnull=False).exists()
