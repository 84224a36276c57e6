"""The stakeholder picture: staff record where a partner stands in the movement; the
history is kept; every other persona is refused and bad input gets a Dutch message."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from avk.models import AuditEntry
from movement.models import Stage, StakeholderEntry
from movement.selectors.stakeholders import NOT_RECORDED, current_entry, stakeholder_overview
from movement.services.stakeholders import stakeholder_record
from tests.factories import PartnerFactory
from tests.movement.factories_stakeholders import StakeholderEntryFactory

pytestmark = pytest.mark.django_db

OVERVIEW = reverse("movement:stakeholder_overview")


def page_of(partner) -> str:
    return reverse("movement:partner_stakeholders", args=[partner.pk])


def data(**changes) -> dict:
    return {
        "stage": "committed",
        "recorded_on": "2025-06-02",
        "working_on": "Visie AVK in de eigen organisatievisie",
        "note": "Besproken op het eiland van reflectie.",
        **changes,
    }


def test_staff_record_an_entry_with_an_audit_record(client, staff, partner_a):
    client.force_login(staff)
    response = client.post(page_of(partner_a), data())
    assert response.status_code == 302
    assert response["Location"] == page_of(partner_a)
    entry = StakeholderEntry.objects.get()
    assert (entry.partner, entry.stage, entry.recorded_on, entry.created_by) == (
        partner_a,
        Stage.COMMITTED,
        datetime.date(2025, 6, 2),
        staff,
    )
    assert entry.working_on == "Visie AVK in de eigen organisatievisie"
    audit = AuditEntry.objects.get(action="stakeholder.recorded")
    assert audit.actor == staff
    assert audit.object_id == str(entry.pk)
    assert audit.group == f"partner:{partner_a.pk}"
    assert audit.changes["stage"] == ["", "committed"]
    page = client.get(page_of(partner_a)).content.decode()
    assert "Verbonden" in page
    assert "Besproken op het eiland van reflectie." in page


def test_a_new_entry_keeps_the_history(client, staff, partner_a):
    client.force_login(staff)
    client.post(page_of(partner_a), data(stage="aware", recorded_on="2023-06-19"))
    client.post(page_of(partner_a), data(stage="involved", recorded_on="2024-04-17"))
    client.post(page_of(partner_a), data(stage="committed", recorded_on="2025-06-02"))
    stages = list(StakeholderEntry.objects.order_by("recorded_on").values_list("stage", flat=True))
    assert stages == ["aware", "involved", "committed"]
    assert current_entry(partner_a).stage == "committed"
    history = client.get(page_of(partner_a)).context["page"].object_list
    assert [e.stage for e in history] == ["committed", "involved", "aware"]


def test_an_older_date_recorded_later_does_not_become_current(staff, partner_a):
    stakeholder_record(
        partner=partner_a, stage="committed", recorded_on=datetime.date(2025, 6, 2), user=staff
    )
    stakeholder_record(
        partner=partner_a, stage="aware", recorded_on=datetime.date(2023, 6, 19), user=staff
    )
    assert current_entry(partner_a).stage == "committed"


def test_on_the_same_date_the_entry_recorded_last_is_current(staff, partner_a):
    for stage in ("involved", "committed", "aware"):
        stakeholder_record(
            partner=partner_a, stage=stage, recorded_on=datetime.date(2025, 1, 1), user=staff
        )
    assert current_entry(partner_a).stage == "aware"
    overview = {p.pk: p for p in stakeholder_overview()}
    assert overview[partner_a.pk].current_stage == "aware"


def test_a_date_in_the_future_is_refused(client, staff, partner_a):
    client.force_login(staff)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = client.post(page_of(partner_a), data(recorded_on=tomorrow.isoformat()))
    assert response.status_code == 200
    html = response.content.decode()
    assert "De datum kan niet in de toekomst liggen" in html
    assert html.count("Er is een probleem") == 1  # one error summary, at the top of the form
    assert response.context["form"]["working_on"].value() == data()["working_on"]
    assert not StakeholderEntry.objects.exists()
    # Today itself is fine.
    response = client.post(page_of(partner_a), data(recorded_on=timezone.localdate()))
    assert response.status_code == 302


def test_the_service_refuses_a_future_date(staff, partner_a):
    with pytest.raises(ValidationError) as refused:
        stakeholder_record(
            partner=partner_a,
            stage="aware",
            recorded_on=datetime.date(2026, 6, 2),
            user=staff,
            today=datetime.date(2026, 6, 1),
        )
    assert "recorded_on" in refused.value.error_dict
    assert not AuditEntry.objects.filter(action="stakeholder.recorded").exists()


def test_a_date_before_2000_is_refused(client, staff, partner_a):
    client.force_login(staff)
    response = client.post(page_of(partner_a), data(recorded_on="1999-12-31"))
    assert response.status_code == 200
    assert "Kies een datum vanaf 1 januari 2000" in response.content.decode()
    assert not StakeholderEntry.objects.exists()
    assert client.post(page_of(partner_a), data(recorded_on="2000-01-01")).status_code == 302


@pytest.mark.parametrize("stage", ["", "leader", "AWARE", "aware ", "none"])
def test_an_unknown_stage_from_a_forged_post_is_refused(client, staff, partner_a, stage):
    client.force_login(staff)
    response = client.post(page_of(partner_a), data(stage=stage))
    assert response.status_code == 200
    assert response.context["form"].errors["stage"]
    assert not StakeholderEntry.objects.exists()


def test_the_service_refuses_an_unknown_stage(staff, partner_a):
    with pytest.raises(ValidationError):
        stakeholder_record(
            partner=partner_a, stage="leader", recorded_on=datetime.date(2025, 1, 1), user=staff
        )
    assert not StakeholderEntry.objects.exists()


@pytest.mark.parametrize(
    "changes",
    [{"stage": "leader"}, {"recorded_on": datetime.date(1999, 12, 31)}],
    ids=["unknown stage", "before 2000"],
)
def test_the_database_refuses_what_the_rules_refuse(partner_a, changes):
    with pytest.raises(IntegrityError), transaction.atomic():
        StakeholderEntryFactory(partner=partner_a, **changes)


def test_an_unknown_partner_is_404_for_staff(client, staff):
    client.force_login(staff)
    assert client.get(reverse("movement:partner_stakeholders", args=[999999])).status_code == 404
    url = reverse("movement:partner_stakeholders", args=[999999])
    assert client.post(url, data()).status_code == 404


@pytest.mark.parametrize("who", ["editor_a", "editor_b", "db_member", "sg_member", "outsider"])
def test_no_one_but_staff_reads_or_records(client, who, request, partner_a):
    StakeholderEntryFactory(partner=partner_a)
    client.force_login(request.getfixturevalue(who))
    assert client.get(OVERVIEW).status_code == 403
    assert client.get(page_of(partner_a)).status_code == 403
    assert client.post(page_of(partner_a), data()).status_code == 403
    # An unknown id says nothing either: still 403.
    unknown = reverse("movement:partner_stakeholders", args=[999999])
    assert client.get(unknown).status_code == 403
    assert StakeholderEntry.objects.count() == 1


def test_anonymous_visitors_are_sent_to_the_login(client, partner_a):
    for url in (OVERVIEW, page_of(partner_a)):
        response = client.get(url)
        assert response.status_code == 302
        assert "/account/login/" in response["Location"]
    assert client.post(page_of(partner_a), data()).status_code == 302
    assert not StakeholderEntry.objects.exists()


def test_the_overview_shows_each_partners_current_stage(client, staff):
    veendam = PartnerFactory(name="Gemeente Veendam")
    lentis = PartnerFactory(name="Lentis")
    PartnerFactory(name="VNN")
    PartnerFactory(name="Oud", is_active=False)  # inactive, never recorded: not shown
    StakeholderEntryFactory(partner=veendam, stage="aware", recorded_on=datetime.date(2023, 6, 19))
    StakeholderEntryFactory(
        partner=veendam, stage="carrying", recorded_on=datetime.date(2025, 6, 2)
    )
    StakeholderEntryFactory(partner=lentis, stage="ambassador")
    client.force_login(staff)
    response = client.get(OVERVIEW)
    rows = {p.name: (p.current_stage, p.current_since) for p in response.context["page"]}
    assert rows == {
        "Gemeente Veendam": ("carrying", datetime.date(2025, 6, 2)),
        "Lentis": ("ambassador", datetime.date(2025, 6, 2)),
        "VNN": (None, None),
    }
    html = response.content.decode()
    assert "Draagt het uit in de eigen organisatie" in html
    assert "Nog niet vastgelegd" in html


@pytest.mark.parametrize(
    ("stage", "names"),
    [
        ("carrying", ["Gemeente Veendam"]),
        ("aware", []),
        (NOT_RECORDED, ["VNN"]),
        ("", ["Gemeente Veendam", "Lentis", "VNN"]),
        ("<script>", ["Gemeente Veendam", "Lentis", "VNN"]),
        ("9" * 40, ["Gemeente Veendam", "Lentis", "VNN"]),
    ],
)
def test_the_overview_filters_on_the_current_stage(client, staff, stage, names):
    veendam = PartnerFactory(name="Gemeente Veendam")
    StakeholderEntryFactory(partner=veendam, stage="aware", recorded_on=datetime.date(2023, 6, 19))
    StakeholderEntryFactory(
        partner=veendam, stage="carrying", recorded_on=datetime.date(2025, 6, 2)
    )
    StakeholderEntryFactory(partner=PartnerFactory(name="Lentis"), stage="ambassador")
    PartnerFactory(name="VNN")
    client.force_login(staff)
    response = client.get(OVERVIEW, {"stage": stage, "page": "x"})
    assert response.status_code == 200
    assert [p.name for p in response.context["page"]] == names


def test_the_overview_and_history_are_paginated(client, staff, partner_a):
    for n in range(30):
        PartnerFactory(name=f"Partner {n:02}")
    for n in range(25):
        StakeholderEntryFactory(partner=partner_a, recorded_on=datetime.date(2001 + n, 1, 1))
    client.force_login(staff)
    overview = client.get(OVERVIEW).context["page"]
    assert overview.paginator.num_pages == 2
    assert len(overview.object_list) == 25
    history = client.get(page_of(partner_a), {"page": "3"}).context["page"]
    assert [e.recorded_on.year for e in history.object_list] == [2005, 2004, 2003, 2002, 2001]


def test_the_stages_are_in_the_programmes_order():
    assert Stage.values == ["aware", "involved", "committed", "carrying", "ambassador"]


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    stage=st.one_of(st.sampled_from(Stage.values), st.text(max_size=20)),
    recorded_on=st.one_of(
        st.dates().map(str),
        st.text(max_size=12),
        st.sampled_from(["2026-02-30", "99999-01-01", "1999-12-31", "31-12-2024", ""]),
    ),
    working_on=st.text(max_size=400),
    note=st.text(max_size=2500),
)
def test_the_entry_form_never_breaks(
    client, staff, partner_a, stage, recorded_on, working_on, note
):
    client.force_login(staff)
    before = StakeholderEntry.objects.count()
    response = client.post(
        page_of(partner_a),
        {"stage": stage, "recorded_on": recorded_on, "working_on": working_on, "note": note},
    )
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert StakeholderEntry.objects.count() == before
        assert response.context["form"].errors
    else:
        entry = StakeholderEntry.objects.order_by("-id").first()
        assert entry.stage in Stage.values
        assert datetime.date(2000, 1, 1) <= entry.recorded_on <= timezone.localdate()
