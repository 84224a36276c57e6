"""The phase plan's progress roll-up and the query counts of the plan and effort pages."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from reflection.models import EffortUpdate, PhasePlan
from reflection.selectors.progress import open_periods, period_shift, plan_rollup
from reflection.selectors.progress import with_latest_update as annotated
from tests.factories import PersonFactory, UserFactory
from tests.reflection.factories_plans import EffortFactory, EffortUpdateFactory, PhasePlanFactory

pytestmark = pytest.mark.django_db


def shift(plan, periods: int) -> datetime.date:
    return period_shift(open_periods(plan)[0], plan.progress_interval, periods)


def rollup_of(plan):
    return plan_rollup(plan, list(annotated(plan.efforts.all())))


def test_rollup_counts_each_effort_once():
    plan = PhasePlanFactory(status=PhasePlan.Status.ADOPTED)
    on_track, at_risk, behind, done, old, never = (EffortFactory(plan=plan) for _i in range(6))
    EffortUpdateFactory(effort=on_track, period_start=shift(plan, -3), status="behind")
    EffortUpdateFactory(effort=on_track, period_start=shift(plan, 0), status="on_track")
    EffortUpdateFactory(effort=at_risk, period_start=shift(plan, -1), status="at_risk")
    EffortUpdateFactory(effort=behind, period_start=shift(plan, -1), status="behind")
    EffortUpdateFactory(effort=done, period_start=shift(plan, -4), status="done")
    EffortUpdateFactory(effort=old, period_start=shift(plan, -2), status="on_track")
    rollup = rollup_of(plan)
    assert rollup.counts == {
        "on_track": 1,
        "at_risk": 1,
        "behind": 1,
        "done": 1,
        "stale": 2,
    }
    assert rollup.total == 6
    assert rollup.stale == [old, never]
    assert [row["key"] for row in rollup.rows] == list(rollup.counts)


def test_rollup_follows_the_plans_interval():
    plan = PhasePlanFactory(status=PhasePlan.Status.ADOPTED, progress_interval=12)
    effort = EffortFactory(plan=plan)
    EffortUpdateFactory(effort=effort, period_start=shift(plan, -1), status="at_risk")
    assert rollup_of(plan).counts["at_risk"] == 1
    monthly = PhasePlanFactory(status=PhasePlan.Status.ADOPTED, progress_interval=1)
    EffortUpdateFactory(effort__plan=monthly, period_start=shift(monthly, -2), status="at_risk")
    assert rollup_of(monthly).counts["stale"] == 1


def test_the_plan_page_shows_the_rollup_and_it_changes_right_after_a_post(client):
    owner = UserFactory()
    plan = PhasePlanFactory(status=PhasePlan.Status.ADOPTED)
    effort = EffortFactory(plan=plan, owner=PersonFactory(user=owner), title="Werving")
    EffortFactory(plan=plan, title="Etalage")
    client.force_login(owner)
    page = client.get(reverse("reflection:plan_detail", args=[plan.pk]))
    content = page.content.decode()
    assert page.context["rollup"].counts["stale"] == 2
    assert reverse("reflection:effort_detail", args=[effort.pk]) in content
    assert 'id="plan-rollup"' in content and 'id="plan-stale"' in content
    client.post(
        reverse("reflection:effort_detail", args=[effort.pk]),
        {
            "period": open_periods(plan)[0].isoformat(),
            "status": "at_risk",
            "narrative": "Minder aanmeldingen dan gedacht.",
        },
    )
    page = client.get(reverse("reflection:plan_detail", args=[plan.pk]))
    counts = page.context["rollup"].counts
    assert (counts["at_risk"], counts["stale"]) == (1, 1)
    assert page.context["rollup"].stale == [effort.plan.efforts.get(title="Etalage")]
    content = page.content.decode()
    assert "Minder aanmeldingen" not in content  # the plan page lists no narratives
    assert "Loopt risico" in content


def _fill(plan, efforts: int, updates: int):
    for _i in range(efforts):
        effort = EffortFactory(plan=plan, owner=PersonFactory(user=UserFactory()))
        EffortUpdate.objects.bulk_create(
            EffortUpdate(
                effort=effort,
                period_start=shift(plan, -j),
                status=EffortUpdate.Status.values[j % 3],
                percent_done=j,
                narrative="Een verhaal over het kwartaal. " * 10,
                author=effort.owner.user,
            )
            for j in range(updates)
        )


def _measure(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), len(response.content)


def test_plan_page_queries_and_size_stay_flat_with_40_efforts_of_20_updates(client, outsider):
    small, large, long = (PhasePlanFactory(status="adopted") for _i in range(3))
    _fill(small, 1, 1)
    _fill(large, 40, 20)
    _fill(long, 1, 20)
    client.force_login(outsider)
    # The first request ever also starts the cache's generation counters (avk.cache).
    client.get(reverse("reflection:plan_detail", args=[PhasePlanFactory().pk]))
    counts = {}
    sizes = {}
    for name, plan in (("small", small), ("large", large), ("long", long)):
        counts[name], sizes[name] = _measure(
            client, reverse("reflection:plan_detail", args=[plan.pk])
        )
    assert counts["small"] == counts["large"] == counts["long"], counts
    # Twenty updates more of one effort add nothing to the plan page.
    assert abs(sizes["long"] - sizes["small"]) < 200, sizes


def test_effort_page_queries_stay_flat_with_20_updates(client):
    plan = PhasePlanFactory(status="adopted")
    _fill(plan, 40, 20)
    few = EffortFactory(plan=plan, owner=PersonFactory(user=UserFactory()))
    EffortUpdateFactory(effort=few, period_start=shift(plan, 0))
    many = plan.efforts.exclude(pk=few.pk).first()
    # The first request ever also starts the cache's generation counters (avk.cache).
    client.force_login(few.owner.user)
    client.get(reverse("reflection:effort_detail", args=[EffortFactory().pk]))
    counts = []
    for effort in (few, many):
        client.force_login(effort.owner.user)  # the owner: the page has the form too
        counts.append(_measure(client, reverse("reflection:effort_detail", args=[effort.pk]))[0])
    assert counts[0] == counts[1], counts
