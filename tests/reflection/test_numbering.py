"""Attention points are numbered per session across its sides, as the islands number them,
staff may renumber them (gapless), and a phase plan cites them as "Stuurgroep 2024 · 3"."""

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from avk.models import AuditEntry
from reflection.models import AttentionPoint, Contribution, ReflectionSession, Side
from reflection.services import contributions as services_contributions
from reflection.services import sessions as services
from tests.factories import UserFactory
from tests.migrating import migrate, migrate_to_latest
from tests.reflection.factories import AttentionPointFactory, ReflectionSessionFactory
from tests.reflection.factories_plans import EffortFactory

NON_STAFF = ["editor_a", "editor_b", "db_member", "sg_member", "outsider"]


@pytest.fixture
def steering_group(db):
    return ReflectionSessionFactory(
        year=2024, level=ReflectionSession.Level.STUURGROEP, group_name=""
    )


def numbers(session) -> list[tuple[str, int]]:
    return list(session.attention_points.order_by("number").values_list("title", "number"))


def test_new_points_are_numbered_per_session_across_sides(client, staff, steering_group):
    client.force_login(staff)
    url = reverse("reflection:attention_point_create", args=[steering_group.pk])
    client.post(url, {"side": Side.WIJ, "title": "Ondersteun de interne beweging"})
    client.post(url, {"side": Side.HET, "title": "Lerende gemeenschap"})
    client.post(url, {"side": Side.HET, "title": "Draag voorbeelden uit"})
    participant = UserFactory()
    contribution = Contribution.objects.create(
        session=steering_group, author=participant, side=Side.WIJ, text="De verbindende rol"
    )
    services_contributions.contribution_promote(contribution=contribution, user=staff)
    assert numbers(steering_group) == [
        ("Ondersteun de interne beweging", 1),
        ("Lerende gemeenschap", 2),
        ("Draag voorbeelden uit", 3),
        ("De verbindende rol", 4),
    ]


def test_a_number_is_once_per_session(steering_group):
    AttentionPointFactory(session=steering_group, side=Side.HET, number=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        AttentionPointFactory(session=steering_group, side=Side.WIJ, number=1)


def test_staff_move_points_up_and_down_without_gaps(client, staff, steering_group):
    one, two, three = (
        AttentionPointFactory(session=steering_group, side=side, number=n, title=title)
        for n, side, title in [(1, Side.WIJ, "Een"), (2, Side.HET, "Twee"), (3, Side.IK, "Drie")]
    )
    client.force_login(staff)
    response = client.post(
        reverse("reflection:attention_point_move", args=[three.pk]), {"direction": "up"}
    )
    assert response.status_code == 302
    assert response["Location"].startswith(
        reverse("reflection:session_edit", args=[steering_group.pk])
    )
    assert numbers(steering_group) == [("Een", 1), ("Drie", 2), ("Twee", 3)]
    client.post(reverse("reflection:attention_point_move", args=[one.pk]), {"direction": "down"})
    assert numbers(steering_group) == [("Drie", 1), ("Een", 2), ("Twee", 3)]
    # At the edge nothing moves, and nothing breaks.
    client.post(reverse("reflection:attention_point_move", args=[two.pk]), {"direction": "down"})
    assert numbers(steering_group) == [("Drie", 1), ("Een", 2), ("Twee", 3)]
    for garbage in ({"direction": "sideways"}, {}, {"direction": "<script>"}):
        response = client.post(reverse("reflection:attention_point_move", args=[two.pk]), garbage)
        assert response.status_code == 302
    assert numbers(steering_group) == [("Drie", 1), ("Een", 2), ("Twee", 3)]
    entry = AuditEntry.objects.filter(action="attention_points.renumbered").first()
    assert entry.group == "reflection:2024"
    page = client.get(reverse("reflection:session_edit", args=[steering_group.pk]))
    assert page.content.decode().count('name="direction"') == 6


def test_renumbering_closes_gaps_and_keeps_every_point(staff, steering_group):
    for n, side in [(2, Side.HET), (5, Side.WIJ), (9, Side.HET)]:
        AttentionPointFactory(session=steering_group, side=side, number=n, title=f"P{n}")
    point = AttentionPoint.objects.get(title="P9")
    services.attention_point_move(point=point, direction="up", user=staff)
    assert numbers(steering_group) == [("P2", 1), ("P9", 2), ("P5", 3)]


def test_only_staff_may_renumber(personas, client_for, steering_group):
    point = AttentionPointFactory(session=steering_group, number=1)
    AttentionPointFactory(session=steering_group, number=2)
    url = reverse("reflection:attention_point_move", args=[point.pk])
    for persona in NON_STAFF:
        response = client_for(personas[persona]).post(url, {"direction": "down"})
        assert response.status_code == 403, persona
    assert client_for(None).post(url, {"direction": "down"}).status_code == 302  # to login
    assert client_for(personas["staff"]).get(url).status_code == 405
    missing = reverse("reflection:attention_point_move", args=[point.pk + 1000])
    assert client_for(personas["staff"]).post(missing, {"direction": "up"}).status_code == 404
    point.refresh_from_db()
    assert point.number == 1


def test_the_phase_plan_cites_points_by_island_year_and_number(client, staff, steering_group):
    point = AttentionPointFactory(
        session=steering_group, side=Side.HET, number=3, title="Draag voorbeelden uit"
    )
    effort = EffortFactory(attention_points=[point])
    assert point.citation == "Stuurgroep 2024 · 3"
    client.force_login(staff)
    page = client.get(reverse("reflection:plan_detail", args=[effort.plan.pk])).content.decode()
    assert "Stuurgroep 2024 · 3" in page


# --- the data migration -------------------------------------------------------------------

BEFORE = [("reflection", "0002_phase_plan_adopted_decision")]
AFTER = [("reflection", "0003_attention_point_number_per_session")]


@pytest.mark.django_db(transaction=True)
def test_the_migration_renumbers_per_session_across_sides_and_loses_nothing():
    apps = migrate(BEFORE)
    Session = apps.get_model("reflection", "ReflectionSession")
    Point = apps.get_model("reflection", "AttentionPoint")
    team = Session.objects.create(year=2024, level="programmateam", date=datetime.date(2024, 6, 2))
    other = Session.objects.create(year=2024, level="managers", date=datetime.date(2024, 6, 5))
    for side, number in [("ik", 1), ("wij", 2), ("het", 2), ("wij", 1), ("het", 1)]:
        Point.objects.create(session=team, side=side, number=number, title=f"{side} {number}")
    Point.objects.create(session=other, side="wij", number=4, title="managers wij 4")

    apps = migrate(AFTER)
    Point = apps.get_model("reflection", "AttentionPoint")
    rows = list(Point.objects.order_by("session_id", "number").values_list("title", "number"))
    assert rows == [
        ("het 1", 1),
        ("het 2", 2),
        ("wij 1", 3),
        ("wij 2", 4),
        ("ik 1", 5),
        ("managers wij 4", 1),
    ]
    migrate_to_latest()
