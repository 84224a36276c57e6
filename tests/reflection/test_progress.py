"""Effort progress: the owner's update per period, its rules, the effort's page and the
plan's roll-up."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone, translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from avk.models import AuditEntry
from reflection.models import EffortUpdate, PhasePlan
from reflection.selectors.progress import (
    open_periods,
    period_end,
    period_label,
    period_shift,
    period_start,
)
from reflection.services.progress import effort_update_post
from tests.factories import PersonFactory, UserFactory
from tests.reflection.factories_plans import (
    EffortFactory,
    EffortUpdateFactory,
    PhasePlanFactory,
    PlanAttentionPointFactory,
)

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def owner(db):
    return UserFactory(email="eigenaar@example.org", full_name="Erik Hoekstra")


@pytest.fixture
def effort(owner):
    plan = PhasePlanFactory(status=PhasePlan.Status.ADOPTED)
    return EffortFactory(plan=plan, owner=PersonFactory(name="Erik Hoekstra", user=owner))


def current(plan):
    return open_periods(plan)[0]


def post_data(plan, **overrides):
    data = {
        "period": current(plan).isoformat(),
        "status": "at_risk",
        "percent_done": "40",
        "narrative": "De werving van partners loopt achter.",
    }
    return data | overrides


def url(effort):
    return reverse("reflection:effort_detail", args=[effort.pk])


# --- periods ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "months", "start"),
    [
        (D(2026, 1, 1), 3, D(2026, 1, 1)),
        (D(2026, 3, 31), 3, D(2026, 1, 1)),
        (D(2026, 4, 1), 3, D(2026, 4, 1)),
        (D(2026, 12, 31), 3, D(2026, 10, 1)),
        (D(2026, 5, 17), 1, D(2026, 5, 1)),
        (D(2026, 6, 30), 6, D(2026, 1, 1)),
        (D(2026, 7, 1), 6, D(2026, 7, 1)),
        (D(2026, 11, 2), 12, D(2026, 1, 1)),
    ],
)
def test_periods_are_aligned_on_the_first_of_january(day, months, start):
    assert period_start(day, months) == start
    assert period_start(start, months) == start
    assert period_end(start, months) >= day


def test_period_shift_and_end_cross_the_year():
    assert period_shift(D(2026, 1, 1), 3, -1) == D(2025, 10, 1)
    assert period_shift(D(2025, 10, 1), 3, 1) == D(2026, 1, 1)
    assert period_shift(D(2026, 1, 1), 12, -2) == D(2024, 1, 1)
    assert period_end(D(2025, 10, 1), 3) == D(2025, 12, 31)
    assert period_end(D(2024, 2, 1), 1) == D(2024, 2, 29)
    plan = PhasePlanFactory.build(progress_interval=6)
    assert open_periods(plan, D(2026, 2, 3)) == [D(2026, 1, 1), D(2025, 7, 1)]


def test_period_labels_in_dutch():
    with translation.override("nl"):
        assert period_label(D(2026, 7, 1), 3) == "juli \u2013 september 2026"
        assert period_label(D(2026, 7, 1), 1) == "juli 2026"
        assert period_label(D(2026, 1, 1), 12) == "2026"


# --- writing ---------------------------------------------------------------------------


def test_the_owner_posts_an_update_from_the_effort_page(client, owner, effort):
    client.force_login(owner)
    page = client.get(url(effort))
    assert page.status_code == 200
    assert 'id="effort-update-form"' in page.content.decode()
    response = client.post(url(effort), post_data(effort.plan))
    assert response.status_code == 302 and response["Location"] == url(effort)
    update = EffortUpdate.objects.get()
    assert (update.effort, update.period_start, update.status) == (
        effort,
        current(effort.plan),
        "at_risk",
    )
    assert (update.percent_done, update.author) == (40, owner)
    entry = AuditEntry.objects.get(action="effort_update.posted")
    assert entry.actor == owner and entry.group == f"phaseplan:{effort.plan.number}"
    content = client.get(url(effort)).content.decode()
    assert "De werving van partners loopt achter." in content
    assert 'data-status="at_risk"' in content
    assert "Erik Hoekstra" in content


def test_posting_again_for_the_period_changes_it_and_keeps_who_and_when(
    client, owner, effort, staff
):
    client.force_login(owner)
    client.post(url(effort), post_data(effort.plan))
    client.force_login(staff)
    client.post(url(effort), post_data(effort.plan, status="behind", narrative="Vertraagd."))
    update = EffortUpdate.objects.get()
    assert (update.status, update.narrative, update.author) == ("behind", "Vertraagd.", staff)
    assert update.updated_at >= update.created_at
    posted, changed = AuditEntry.objects.filter(action__startswith="effort_update.").order_by("pk")
    assert (posted.action, posted.actor) == ("effort_update.posted", owner)
    assert (changed.action, changed.actor) == ("effort_update.changed", staff)
    assert changed.changes["status"] == ["at_risk", "behind"]
    assert changed.changes["narrative"] == ["De werving van partners loopt achter.", "Vertraagd."]
    assert changed.changes["author"] == [str(owner), str(staff)]
    # The same words again change nothing and record nothing.
    client.post(url(effort), post_data(effort.plan, status="behind", narrative="Vertraagd."))
    assert AuditEntry.objects.filter(action__startswith="effort_update.").count() == 2
    assert EffortUpdate.objects.get().author == staff


def test_the_previous_period_is_open_too(client, owner, effort):
    client.force_login(owner)
    before = open_periods(effort.plan)[1]
    response = client.post(url(effort), post_data(effort.plan, period=before.isoformat()))
    assert response.status_code == 302
    assert EffortUpdate.objects.get().period_start == before


def test_a_period_further_back_or_ahead_is_refused(client, owner, effort):
    plan = effort.plan
    older = period_shift(current(plan), plan.progress_interval, -2)
    ahead = period_shift(current(plan), plan.progress_interval, 1)
    client.force_login(owner)
    for period in (older, ahead, D(2026, 2, 1), "2026-13-01", ""):
        data = post_data(plan, period=str(period))
        response = client.post(url(effort), data)
        assert response.status_code == 200
        assert "Je kunt een update schrijven voor deze periode of de periode ervoor." in (
            response.content.decode()
        )
    with pytest.raises(ValidationError) as error:
        effort_update_post(
            effort=effort, user=owner, period_start=older, status="on_track", narrative="x"
        )
    assert "period_start" in error.value.error_dict
    assert not EffortUpdate.objects.exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("percent_done", "101", "Een percentage is hoogstens 100."),
        ("percent_done", "-1", "Een percentage is minstens 0."),
        ("percent_done", "veel", "Vul een heel getal in van 0 tot en met 100."),
        ("status", "", "Kies hoe het gaat."),
        ("status", "great", "Kies hoe het gaat."),
        ("narrative", "   ", "Schrijf op wat er gebeurd is."),
        ("narrative", "x" * 2001, "Je tekst is te lang: hoogstens 2000 tekens (nu 2001)."),
    ],
)
def test_bad_input_gets_a_dutch_message_and_saves_nothing(
    client, owner, effort, field, value, message
):
    client.force_login(owner)
    response = client.post(url(effort), post_data(effort.plan, **{field: value}))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not EffortUpdate.objects.exists()
    assert not AuditEntry.objects.filter(action__startswith="effort_update.").exists()


def test_the_service_checks_every_rule_itself(owner, effort):
    period = current(effort.plan)
    good = {"effort": effort, "user": owner, "period_start": period, "status": "on_track"}
    for bad in (
        {"percent_done": 101, "narrative": "x"},
        {"percent_done": -1, "narrative": "x"},
        {"narrative": ""},
        {"narrative": "x" * 2001},
        {"narrative": "x", "status": "great"},
    ):
        with pytest.raises(ValidationError):
            effort_update_post(**(good | bad))
    assert not EffortUpdate.objects.exists()
    update = effort_update_post(**good, narrative=" Loopt. ", percent_done=None)
    assert (update.narrative, update.percent_done) == ("Loopt.", None)


def test_percent_is_optional(client, owner, effort):
    client.force_login(owner)
    assert client.post(url(effort), post_data(effort.plan, percent_done="")).status_code == 302
    assert EffortUpdate.objects.get().percent_done is None


def test_only_the_owner_and_staff_may_post(client, effort, editor_a, outsider, staff):
    other_owner = UserFactory()
    EffortFactory(plan=effort.plan, owner=PersonFactory(user=other_owner))
    for user in (editor_a, outsider, other_owner):
        client.force_login(user)
        page = client.get(url(effort))
        assert page.status_code == 200  # everyone logged in reads it
        assert 'id="effort-update-form"' not in page.content.decode()
        assert client.post(url(effort), post_data(effort.plan)).status_code == 403
        with pytest.raises(PermissionDenied):
            effort_update_post(
                effort=effort,
                user=user,
                period_start=current(effort.plan),
                status="on_track",
                narrative="Vervalst.",
            )
    client.logout()
    response = client.post(url(effort), post_data(effort.plan))
    assert response.status_code == 302 and response["Location"].startswith(reverse("account_login"))
    assert not EffortUpdate.objects.exists()
    client.force_login(staff)
    assert client.post(url(effort), post_data(effort.plan)).status_code == 302


def test_an_effort_without_owner_is_written_by_staff_only(client, outsider, staff):
    effort = EffortFactory(plan__status=PhasePlan.Status.ADOPTED, owner=None)
    client.force_login(outsider)
    assert client.post(url(effort), post_data(effort.plan)).status_code == 403
    client.force_login(staff)
    assert client.post(url(effort), post_data(effort.plan)).status_code == 302


def test_an_unknown_effort_is_404(client, outsider):
    client.force_login(outsider)
    for pk in (987654, 2**63 + 5):
        assert client.get(reverse("reflection:effort_detail", args=[pk])).status_code == 404


def test_a_draft_plan_takes_updates(client, owner, effort):
    PhasePlan.objects.filter(pk=effort.plan_id).update(status=PhasePlan.Status.DRAFT)
    client.force_login(owner)
    assert client.post(url(effort), post_data(effort.plan)).status_code == 302
    assert EffortUpdate.objects.count() == 1


def test_a_superseded_plan_takes_no_updates(client, owner, effort, staff):
    EffortUpdateFactory(effort=effort, period_start=current(effort.plan), narrative="Oud.")
    PhasePlan.objects.filter(pk=effort.plan_id).update(status=PhasePlan.Status.SUPERSEDED)
    effort.plan.refresh_from_db()
    for user in (owner, staff):
        client.force_login(user)
        page = client.get(url(effort))
        assert 'id="effort-update-form"' not in page.content.decode()
        assert 'id="effort-superseded"' in page.content.decode()
        assert "Oud." in page.content.decode()  # the history stays readable
        response = client.post(url(effort), post_data(effort.plan, narrative="Nieuw."))
        assert response.status_code == 403
    with pytest.raises(ValidationError):
        effort_update_post(
            effort=effort,
            user=owner,
            period_start=current(effort.plan),
            status="on_track",
            narrative="Nieuw.",
        )
    assert EffortUpdate.objects.get().narrative == "Oud."


def test_the_form_shows_the_current_update_to_change(client, owner, effort):
    EffortUpdateFactory(
        effort=effort, period_start=current(effort.plan), narrative="Al geschreven.", status="done"
    )
    client.force_login(owner)
    response = client.get(url(effort))
    form = response.context["form"]
    assert form.initial["narrative"] == "Al geschreven."
    assert form.initial["status"] == "done"
    assert "Je update aanpassen" in response.content.decode()


def test_the_timeline_is_newest_first_and_escapes_text(client, outsider):
    effort = EffortFactory(attention_points=[PlanAttentionPointFactory(title="Monitoring")])
    for month, status in ((1, "on_track"), (7, "behind"), (4, "at_risk")):
        EffortUpdateFactory(
            effort=effort, period_start=D(2025, month, 1), status=status, narrative="<script>"
        )
    client.force_login(outsider)
    response = client.get(url(effort))
    content = response.content.decode()
    assert [u.period_start.month for u in response.context["updates"]] == [7, 4, 1]
    assert content.index('data-period="2025-07-01"') < content.index('data-period="2025-01-01"')
    assert "<script>" not in content and "&lt;script&gt;" in content
    assert "juli \u2013 september 2025" in content
    assert "Loopt achter" in content and "▼" in content  # text and a shape, not colour alone
    assert "Monitoring" in content


# --- fuzzing ---------------------------------------------------------------------------

garbage = st.one_of(
    st.text(max_size=40),
    st.integers().map(str),
    st.sampled_from(["", "101", "-1", "2026-01-01", "9" * 30, "on_track", "<script>"]),
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    data=st.fixed_dictionaries(
        {"period": garbage, "status": garbage, "percent_done": garbage, "narrative": garbage}
    )
)
def test_update_form_garbage_never_breaks(client, staff, data):
    effort = EffortFactory(plan__status=PhasePlan.Status.ADOPTED)
    client.force_login(staff)
    response = client.post(url(effort), data)
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert not EffortUpdate.objects.filter(effort=effort).exists()


def test_today_is_in_the_current_period():
    plan = PhasePlanFactory.build()
    start = current(plan)
    assert start <= timezone.localdate() <= period_end(start, plan.progress_interval)
