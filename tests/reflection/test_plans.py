import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from avk.models import AuditEntry
from reflection.models import Effort, PhasePlan
from reflection.services import plans as services_plans
from tests.factories import PartnerFactory, PersonFactory
from tests.reflection.factories_plans import (
    EffortFactory,
    PhasePlanFactory,
    PlanAttentionPointFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


def effort_data(**overrides):
    data = {
        "title": "Monitoring opzetten",
        "description": "",
        "owner": "",
        "start": "2025-10-01",
        "end": "2026-03-31",
        "status": "planned",
        "order": "1",
    }
    return data | overrides


def plan_data(**overrides):
    data = {
        "number": "3",
        "title": "Faseplan 3",
        "period_start": "2025-09-01",
        "period_end": "2026-08-31",
        "goals": "Minder armoede",
    }
    return data | overrides


def plan_state(plan):
    plan = PhasePlan.objects.get(pk=plan.pk)
    efforts = [
        (e.title, e.start, e.end, sorted(e.attention_points.values_list("pk", flat=True)))
        for e in plan.efforts.order_by("pk")
    ]
    return (plan.title, plan.goals, plan.status, plan.period_start, efforts)


# --- reading --------------------------------------------------------------------------


def test_list_shows_plans_with_versions(client, outsider):
    old = PhasePlanFactory(number=2, status=PhasePlan.Status.SUPERSEDED)
    current = PhasePlanFactory(number=2, version=2, predecessor=old, status="adopted")
    draft = PhasePlanFactory(number=3)
    client.force_login(outsider)
    response = client.get(reverse("reflection:plan_list"))
    assert response.status_code == 200
    groups = response.context["groups"]
    assert [g["number"] for g in groups] == [3, 2]
    assert groups[0]["current"] is None and groups[0]["shown"] == draft
    assert groups[1]["current"] == current
    assert groups[1]["versions"] == [current, old]


def test_only_an_adopted_plan_is_current(client, outsider):
    """A draft is never "geldt nu": not alone, and not beside the adopted version it
    will replace."""
    PhasePlanFactory(number=3, title="Alleen een concept")
    adopted = PhasePlanFactory(number=2, status="adopted", title="Vastgesteld")
    PhasePlanFactory(number=2, version=2, predecessor=adopted, title="Nieuwe versie")
    client.force_login(outsider)
    response = client.get(reverse("reflection:plan_list"))
    groups = {g["number"]: g for g in response.context["groups"]}
    assert groups[3]["current"] is None
    assert groups[2]["current"] == adopted
    page = response.content.decode()
    assert page.count("geldt nu") == 1
    assert page.index("geldt nu") > page.index("Nieuwe versie")  # on version 1's row
    assert "nog niet vastgesteld" in page


def test_detail_shows_efforts_with_their_attention_points(client, outsider):
    point = PlanAttentionPointFactory(title="Monitoring, effectiviteit en ervaringen")
    partner = PartnerFactory(name="Humanitas")
    owner = PersonFactory(name="Saskia Duursma")
    effort = EffortFactory(owner=owner, partners=[partner], attention_points=[point])
    EffortFactory(plan=effort.plan)  # one not traced yet
    client.force_login(outsider)
    response = client.get(reverse("reflection:plan_detail", args=[effort.plan.pk]))
    assert response.status_code == 200
    content = response.content.decode()
    assert f'id="effort-{effort.pk}"' in content
    assert f'data-point="{point.pk}"' in content
    assert 'id="plan-timeline"' in content
    assert len(response.context["chart"]["rows"]) == 2
    assert response.context["can_request_pdf"] is True
    assert reverse("document_request", args=["phase_plan"]) in content
    assert response.context["can_edit"] is False  # not staff


def test_detail_hides_the_pdf_link_without_the_document_kind(client, outsider, monkeypatch):
    from avk import documents

    monkeypatch.setattr(documents, "get_kind", lambda key: None)
    plan = PhasePlanFactory()
    client.force_login(outsider)
    response = client.get(reverse("reflection:plan_detail", args=[plan.pk]))
    assert response.context["can_request_pdf"] is False
    assert reverse("document_request", args=["phase_plan"]) not in response.content.decode()


def _fill(plan, efforts: int, points_per_effort: int):
    for _i in range(efforts):
        EffortFactory(
            plan=plan,
            owner=PersonFactory(partner=PartnerFactory()),
            partners=[PartnerFactory(), PartnerFactory()],
            attention_points=[PlanAttentionPointFactory() for _j in range(points_per_effort)],
        )


def test_detail_runs_a_fixed_number_of_queries(client, outsider):
    small, large = PhasePlanFactory(), PhasePlanFactory()
    _fill(small, 1, 1)
    _fill(large, 25, 3)
    client.force_login(outsider)
    # The first request ever also starts the cache's generation counters (avk.cache).
    client.get(reverse("reflection:plan_detail", args=[PhasePlanFactory().pk]))
    counts = []
    for plan in (small, large):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("reflection:plan_detail", args=[plan.pk])).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


def test_script_text_is_escaped(client, outsider):
    script = "<script>alert(1)</script>"
    plan = PhasePlanFactory(title=script, goals=script)
    EffortFactory(
        plan=plan, title=script, attention_points=[PlanAttentionPointFactory(title=script)]
    )
    client.force_login(outsider)
    content = client.get(reverse("reflection:plan_detail", args=[plan.pk])).content.decode()
    assert script not in content
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content
    list_content = client.get(reverse("reflection:plan_list")).content.decode()
    assert script not in list_content


# --- writing ---------------------------------------------------------------------------


def test_staff_create_and_edit_a_plan_with_audit(staff_client):
    response = staff_client.post(reverse("reflection:plan_create"), plan_data())
    plan = PhasePlan.objects.get(number=3)
    assert response.status_code == 302
    assert (plan.version, plan.status) == (1, PhasePlan.Status.DRAFT)
    response = staff_client.post(
        reverse("reflection:plan_edit", args=[plan.pk]), plan_data(title="Faseplan 3 (concept)")
    )
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.title == "Faseplan 3 (concept)"
    actions = set(AuditEntry.objects.filter(group="phaseplan:3").values_list("action", flat=True))
    assert {"phaseplan.created", "phaseplan.updated"} <= actions


def test_a_second_plan_with_the_same_number_is_refused(staff_client):
    PhasePlanFactory(number=3)
    response = staff_client.post(reverse("reflection:plan_create"), plan_data())
    assert response.status_code == 200
    assert "number" in response.context["form"].errors
    assert PhasePlan.objects.filter(number=3).count() == 1


def test_plan_period_end_before_start_is_refused(staff_client):
    response = staff_client.post(
        reverse("reflection:plan_create"), plan_data(period_end="2025-01-01")
    )
    assert response.status_code == 200
    assert "period_end" in response.context["form"].errors
    assert not PhasePlan.objects.exists()


def test_staff_add_and_edit_an_effort(staff_client):
    plan = PhasePlanFactory()
    point = PlanAttentionPointFactory()
    partner = PartnerFactory()
    owner = PersonFactory()
    response = staff_client.post(
        reverse("reflection:effort_create", args=[plan.pk]),
        effort_data(owner=owner.pk, partners=[partner.pk], attention_points=[point.pk]),
    )
    assert response.status_code == 302
    effort = plan.efforts.get()
    assert effort.owner == owner
    assert list(effort.partners.all()) == [partner]
    assert list(effort.attention_points.all()) == [point]
    response = staff_client.post(
        reverse("reflection:effort_edit", args=[effort.pk]),
        effort_data(title="Monitoring en effectiviteit", status="running"),
    )
    assert response.status_code == 302
    effort.refresh_from_db()
    assert (effort.title, effort.status) == ("Monitoring en effectiviteit", "running")
    assert not effort.attention_points.exists()
    actions = list(
        AuditEntry.objects.filter(group=f"phaseplan:{plan.number}").values_list("action", flat=True)
    )
    assert actions.count("effort.created") == 1 and actions.count("effort.updated") == 1


def test_effort_end_before_start_is_refused(staff_client):
    plan = PhasePlanFactory()
    response = staff_client.post(
        reverse("reflection:effort_create", args=[plan.pk]),
        effort_data(start="2026-01-01", end="2025-12-31"),
    )
    assert response.status_code == 200
    assert "end" in response.context["form"].errors
    assert not plan.efforts.exists()
    with pytest.raises(Exception) as refused:
        services_plans.effort_save(
            plan=plan,
            user=None,
            title="x",
            start=datetime.date(2026, 1, 1),
            end=datetime.date(2025, 1, 1),
        )
    assert "end" in refused.value.message_dict


def test_adopt_then_new_version_copies_efforts_and_links(staff_client):
    plan = PhasePlanFactory(number=3)
    points = [PlanAttentionPointFactory(), PlanAttentionPointFactory()]
    partner = PartnerFactory()
    effort = EffortFactory(plan=plan, partners=[partner], attention_points=points)
    EffortFactory(plan=plan)

    response = staff_client.post(
        reverse("reflection:plan_adopt", args=[plan.pk]),
        {"adopted_on": "2025-09-15", "adopted_by": "Stuurgroep"},
    )
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.status == PhasePlan.Status.ADOPTED
    assert plan.adopted_on == datetime.date(2025, 9, 15)
    assert plan.adopted_by == "Stuurgroep"

    response = staff_client.post(reverse("reflection:plan_new_version", args=[plan.pk]))
    new = PhasePlan.objects.get(number=3, version=2)
    assert response.status_code == 302
    assert response["Location"] == reverse("reflection:plan_detail", args=[new.pk])
    assert new.status == PhasePlan.Status.DRAFT
    assert new.predecessor == plan
    assert (new.goals, new.period_start) == (plan.goals, plan.period_start)
    copy = new.efforts.get(title=effort.title)
    assert copy.pk != effort.pk
    assert set(copy.attention_points.all()) == set(points)
    assert list(copy.partners.all()) == [partner]
    assert new.efforts.count() == 2
    # The original keeps its links and stays in force until the new version is adopted.
    assert set(effort.attention_points.all()) == set(points)
    plan.refresh_from_db()
    assert plan.status == PhasePlan.Status.ADOPTED

    # A second new version of the same plan is refused.
    staff_client.post(reverse("reflection:plan_new_version", args=[plan.pk]))
    assert PhasePlan.objects.filter(number=3).count() == 2

    staff_client.post(reverse("reflection:plan_adopt", args=[new.pk]), {"adopted_by": "SG"})
    plan.refresh_from_db()
    new.refresh_from_db()
    assert (plan.status, new.status) == ("superseded", "adopted")
    actions = set(AuditEntry.objects.filter(group="phaseplan:3").values_list("action", flat=True))
    assert {"phaseplan.adopted", "phaseplan.new_version", "phaseplan.superseded"} <= actions


def test_a_draft_cannot_get_a_new_version(staff_client):
    plan = PhasePlanFactory()
    staff_client.post(reverse("reflection:plan_new_version", args=[plan.pk]))
    assert PhasePlan.objects.count() == 1


def test_an_adopted_plan_cannot_be_edited(staff_client):
    plan = PhasePlanFactory(status=PhasePlan.Status.ADOPTED, adopted_on=datetime.date(2025, 9, 1))
    effort = EffortFactory(plan=plan, attention_points=[PlanAttentionPointFactory()])
    other_point = PlanAttentionPointFactory()
    before = plan_state(plan)
    audit_before = AuditEntry.objects.count()

    for url in (
        reverse("reflection:plan_edit", args=[plan.pk]),
        reverse("reflection:effort_create", args=[plan.pk]),
        reverse("reflection:effort_edit", args=[effort.pk]),
    ):
        response = staff_client.get(url)
        assert response.status_code == 403, url
        assert response.context["plan"] == plan
        assert [m.level_tag for m in response.context["messages"]] == ["error"]

    forged = [
        (reverse("reflection:plan_edit", args=[plan.pk]), plan_data(title="Forged")),
        (reverse("reflection:effort_create", args=[plan.pk]), effort_data(title="Forged")),
        (
            reverse("reflection:effort_edit", args=[effort.pk]),
            effort_data(title="Forged", attention_points=[other_point.pk]),
        ),
        (reverse("reflection:plan_adopt", args=[plan.pk]), {"adopted_by": "Forged"}),
    ]
    for url, data in forged:
        assert staff_client.post(url, data).status_code == 403, url
    # Carrying into it is refused as well (the form offers drafts only).
    response = staff_client.post(
        reverse("reflection:attention_point_carry", args=[other_point.pk]),
        {"plan": plan.pk, "mode": "link", "effort": effort.pk},
    )
    assert response.status_code == 200
    assert response.context["form"].errors
    assert plan_state(plan) == before
    assert AuditEntry.objects.count() == audit_before


def test_the_services_refuse_an_adopted_plan():
    plan = PhasePlanFactory(status=PhasePlan.Status.ADOPTED)
    effort = EffortFactory(plan=plan)
    point = PlanAttentionPointFactory()
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services_plans.plan_update(
            plan=plan,
            user=None,
            title="x",
            period_start=plan.period_start,
            period_end=plan.period_end,
        )
    with pytest.raises(ValidationError):
        services_plans.attention_point_carry(point=point, plan=plan, user=None, effort=effort)
    with pytest.raises(ValidationError):
        services_plans.plan_adopt(plan=plan, user=None)
    assert not effort.attention_points.exists()


def test_non_staff_cannot_write(client, editor_a, sg_member):
    plan = PhasePlanFactory()
    effort = EffortFactory(plan=plan)
    point = PlanAttentionPointFactory()
    before = plan_state(plan)
    for user in (editor_a, sg_member):
        client.force_login(user)
        posts = [
            (reverse("reflection:plan_create"), plan_data(number="9")),
            (reverse("reflection:plan_edit", args=[plan.pk]), plan_data(title="Forged")),
            (reverse("reflection:plan_adopt", args=[plan.pk]), {"adopted_by": "x"}),
            (reverse("reflection:plan_new_version", args=[plan.pk]), {}),
            (reverse("reflection:effort_create", args=[plan.pk]), effort_data()),
            (reverse("reflection:effort_edit", args=[effort.pk]), effort_data(title="Forged")),
            (
                reverse("reflection:attention_point_carry", args=[point.pk]),
                {"plan": plan.pk, "mode": "new", "title": "Forged"},
            ),
        ]
        for url, data in posts:
            assert client.post(url, data).status_code == 403, url
    assert plan_state(plan) == before
    assert PhasePlan.objects.count() == 1


# --- carrying an attention point into a plan ---------------------------------------------


def test_carry_as_a_new_effort(staff_client):
    plan = PhasePlanFactory(number=3)
    PhasePlanFactory(number=2, status=PhasePlan.Status.ADOPTED)
    point = PlanAttentionPointFactory(title="Per partner 1 aanspreekpunt")
    owner = PersonFactory()
    url = reverse("reflection:attention_point_carry", args=[point.pk])
    response = staff_client.get(url)
    assert response.status_code == 200
    form = response.context["form"]
    assert form.initial["title"] == point.title
    assert list(form.fields["plan"].queryset) == [plan]  # drafts only

    response = staff_client.post(
        url, {"plan": plan.pk, "mode": "new", "title": point.title, "owner": owner.pk}
    )
    assert response.status_code == 302
    effort = plan.efforts.get()
    assert (effort.title, effort.owner) == (point.title, owner)
    assert (effort.start, effort.end) == (plan.period_start, plan.period_end)
    assert list(effort.attention_points.all()) == [point]
    assert AuditEntry.objects.filter(group="phaseplan:3", action="effort.created").exists()


def test_carry_links_to_an_existing_effort(staff_client):
    plan = PhasePlanFactory(number=3)
    effort = EffortFactory(plan=plan, attention_points=[PlanAttentionPointFactory()])
    point = PlanAttentionPointFactory()
    response = staff_client.post(
        reverse("reflection:attention_point_carry", args=[point.pk]),
        {"plan": plan.pk, "mode": "link", "effort": effort.pk},
    )
    assert response.status_code == 302
    assert point in effort.attention_points.all()
    assert effort.attention_points.count() == 2
    assert plan.efforts.count() == 1
    assert AuditEntry.objects.filter(
        group="phaseplan:3", action="effort.attention_point_linked"
    ).exists()


def test_carry_refuses_an_effort_of_another_plan(staff_client):
    plan, other = PhasePlanFactory(), PhasePlanFactory()
    effort = EffortFactory(plan=other)
    point = PlanAttentionPointFactory()
    response = staff_client.post(
        reverse("reflection:attention_point_carry", args=[point.pk]),
        {"plan": plan.pk, "mode": "link", "effort": effort.pk},
    )
    assert response.status_code == 200
    assert "effort" in response.context["form"].errors
    assert not effort.attention_points.exists()


def test_carry_refuses_end_before_start(staff_client):
    plan = PhasePlanFactory()
    point = PlanAttentionPointFactory()
    response = staff_client.post(
        reverse("reflection:attention_point_carry", args=[point.pk]),
        {"plan": plan.pk, "mode": "new", "title": "x", "start": "2026-01-02", "end": "2026-01-01"},
    )
    assert response.status_code == 200
    assert "end" in response.context["form"].errors
    assert not Effort.objects.exists()


# --- garbage never breaks ---------------------------------------------------------------

garbage = st.one_of(
    st.text(max_size=400).map(lambda s: s.replace("\x00", "")),
    st.integers().map(str),
    st.sampled_from(["", "2025-02-30", "99999-01-01", "-1", "9" * 30, "<script>"]),
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.fixed_dictionaries(dict.fromkeys(effort_data(), garbage) | {"partners": garbage}))
def test_effort_form_garbage_never_breaks(staff_client, data):
    plan = PhasePlan.objects.filter(number=40).first() or PhasePlanFactory(number=40)
    data["attention_points"] = data.pop("partners")
    response = staff_client.post(reverse("reflection:effort_create", args=[plan.pk]), data)
    assert response.status_code in (200, 302)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.fixed_dictionaries(dict.fromkeys(plan_data(), garbage)))
def test_plan_form_garbage_never_breaks(staff_client, data):
    response = staff_client.post(reverse("reflection:plan_create"), data)
    assert response.status_code in (200, 302)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    data=st.fixed_dictionaries(
        {
            "plan": garbage,
            "mode": st.one_of(garbage, st.sampled_from(["new", "link"])),
            "title": garbage,
            "owner": garbage,
            "start": garbage,
            "end": garbage,
            "effort": garbage,
        }
    )
)
def test_carry_form_garbage_never_breaks(staff_client, data):
    point = PlanAttentionPointFactory()
    PhasePlan.objects.filter(number=41).first() or PhasePlanFactory(number=41)
    response = staff_client.post(reverse("reflection:attention_point_carry", args=[point.pk]), data)
    assert response.status_code in (200, 302)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(adopted_on=garbage, adopted_by=garbage)
def test_adopt_garbage_never_breaks(staff_client, adopted_on, adopted_by):
    plan = PhasePlanFactory()
    response = staff_client.post(
        reverse("reflection:plan_adopt", args=[plan.pk]),
        {"adopted_on": adopted_on, "adopted_by": adopted_by},
    )
    assert response.status_code == 302


def test_a_plan_is_adopted_by_a_numbered_decision(staff_client):
    from governance.models import ProposedDecision
    from tests.governance.factories import DecisionFactory

    decision = DecisionFactory(
        proposed_decision__memo__body__name="Stuurgroep",
        number="SG-2026-004",
        decided_on=datetime.date(2026, 10, 2),
    )
    plan = PhasePlanFactory()
    response = staff_client.post(
        reverse("reflection:plan_adopt", args=[plan.pk]),
        {"adopted_decision": decision.pk, "adopted_by": ""},
    )
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.status == PhasePlan.Status.ADOPTED
    assert plan.adopted_decision == decision
    assert (plan.adopted_on, plan.adopted_by) == (datetime.date(2026, 10, 2), "Stuurgroep")
    page = staff_client.get(reverse("reflection:plan_detail", args=[plan.pk]))
    assert "SG-2026-004" in page.content.decode()

    # A rejected decision cannot adopt anything, and nothing changes.
    rejected = DecisionFactory(result=ProposedDecision.Result.REJECTED)
    other = PhasePlanFactory(number=4)
    staff_client.post(
        reverse("reflection:plan_adopt", args=[other.pk]), {"adopted_decision": rejected.pk}
    )
    other.refresh_from_db()
    assert other.status == PhasePlan.Status.DRAFT


def test_adopting_needs_a_body_or_a_decision(staff_client):
    plan = PhasePlanFactory()
    staff_client.post(reverse("reflection:plan_adopt", args=[plan.pk]), {"adopted_by": " "})
    plan.refresh_from_db()
    assert plan.status == PhasePlan.Status.DRAFT


def test_the_efforts_are_kept_until_something_in_them_changes(client, staff, outsider):
    """The efforts' part of the plan page is kept rendered (avk.cache): an effort added,
    renamed or given a partner shows on the next request; staff of a draft get edit links."""
    plan = PhasePlanFactory()
    effort = EffortFactory(plan=plan, title="Werkbezoeken per gemeente")
    url = reverse("reflection:plan_detail", args=[plan.pk])
    client.force_login(outsider)
    assert "Werkbezoeken per gemeente" in client.get(url).content.decode()
    effort.title = "Werkbezoeken en appgroepen per gemeente"
    effort.save()
    EffortFactory(plan=plan, title="Lerende gemeenschap")
    html = client.get(url).content.decode()
    assert "Werkbezoeken en appgroepen per gemeente" in html and "Lerende gemeenschap" in html
    edit = reverse("reflection:effort_edit", args=[effort.pk])
    assert edit not in html
    client.force_login(staff)
    assert edit in client.get(url).content.decode()
