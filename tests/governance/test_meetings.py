"""Meetings of a body with their agenda: staff keep them, seat-holders and staff read them."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from avk.models import AuditEntry
from governance.models import AgendaItem, Meeting
from tests.factories import PartnerFactory
from tests.governance.factories import (
    ActionItemFactory,
    AgendaItemFactory,
    MeetingFactory,
    MemoFactory,
)

pytestmark = pytest.mark.django_db


def agenda_data(rows, extra=0):
    """Formset fields for the agenda: rows of (title, memo pk or "", order, delete)."""
    data = {
        "agenda-TOTAL_FORMS": str(len(rows) + extra),
        "agenda-INITIAL_FORMS": "0",
        "agenda-MIN_NUM_FORMS": "0",
        "agenda-MAX_NUM_FORMS": "40",
    }
    for index, (title, memo, order, delete) in enumerate(rows):
        data[f"agenda-{index}-title"] = title
        data[f"agenda-{index}-memo"] = memo
        data[f"agenda-{index}-ORDER"] = order
        if delete:
            data[f"agenda-{index}-DELETE"] = "on"
    return data


def meeting_data(body, **overrides):
    data = {
        "body": str(body.pk),
        "starts_at": "2026-12-14T19:30",
        "ends_at": "2026-12-14T21:30",
        "location_partner": "",
        "location": "Raadzaal, Stadskanaal",
        "notes": "",
    }
    return data | overrides


def test_staff_plan_a_meeting_with_an_ordered_agenda(client, staff, db_body):
    host = PartnerFactory(name="Gemeente Stadskanaal")
    memo = MemoFactory(body=db_body, title="Randvoorwaarden programma")
    client.force_login(staff)
    assert client.get(reverse("governance:meeting_create")).status_code == 200
    data = meeting_data(db_body, location_partner=str(host.pk)) | agenda_data(
        [
            ("Rondvraag", "", "3", False),
            ("", str(memo.pk), "2", False),  # the memo's title becomes the item's
            ("Opening", "", "1", False),
            ("Weg ermee", "", "4", True),
        ],
        extra=1,
    )
    response = client.post(reverse("governance:meeting_create"), data)
    assert response.status_code == 302, response.context["form"].errors
    meeting = Meeting.objects.get()
    assert response["Location"] == reverse("governance:meeting_detail", args=[meeting.pk])
    assert meeting.body == db_body and meeting.location_partner == host
    assert timezone.localtime(meeting.starts_at).hour == 19
    items = list(meeting.agenda.order_by("order"))
    assert [(i.order, i.title, i.memo_id) for i in items] == [
        (1, "Opening", None),
        (2, "Randvoorwaarden programma", memo.pk),
        (3, "Rondvraag", None),
    ]
    entry = AuditEntry.objects.get(action="meeting.created")
    assert entry.actor == staff and "Opening" in entry.changes["agenda"][1]

    html = client.get(response["Location"]).content.decode()
    assert html.index("Opening") < html.index("Randvoorwaarden programma") < html.index("Rondvraag")
    assert "Gemeente Stadskanaal" in html


def test_edit_reorders_and_removes_agenda_items_with_an_audit_record(client, staff, db_body):
    meeting = MeetingFactory(body=db_body)
    AgendaItemFactory(meeting=meeting, order=1, title="Opening")
    AgendaItemFactory(meeting=meeting, order=2, title="Begroting")
    client.force_login(staff)
    form_page = client.get(reverse("governance:meeting_edit", args=[meeting.pk]))
    assert form_page.status_code == 200
    assert 'value="Begroting"' in form_page.content.decode()
    data = meeting_data(db_body) | agenda_data(
        [("Opening", "", "2", False), ("Begroting", "", "1", False), ("", "", "", False)]
    )
    data["agenda-INITIAL_FORMS"] = "2"
    response = client.post(reverse("governance:meeting_edit", args=[meeting.pk]), data)
    assert response.status_code == 302
    assert list(meeting.agenda.order_by("order").values_list("title", flat=True)) == [
        "Begroting",
        "Opening",
    ]
    data = meeting_data(db_body) | agenda_data(
        [("Opening", "", "1", True), ("Begroting", "", "", False)]
    )
    client.post(reverse("governance:meeting_edit", args=[meeting.pk]), data)
    assert list(meeting.agenda.values_list("title", flat=True)) == ["Begroting"]
    updates = AuditEntry.objects.filter(action="meeting.updated")
    assert updates.count() == 2
    assert all("agenda" in entry.changes for entry in updates)


def test_an_agenda_memo_must_be_addressed_to_the_meetings_body(client, staff, db_body, sg_body):
    other = MemoFactory(body=sg_body, title="Memo aan de stuurgroep")
    client.force_login(staff)
    data = meeting_data(db_body) | agenda_data([("Stuurgroepzaken", str(other.pk), "1", False)])
    response = client.post(reverse("governance:meeting_create"), data)
    assert response.status_code == 200
    assert "Memo aan de stuurgroep" in str(response.context["form"].non_field_errors())
    assert "is gericht aan een ander orgaan" in response.content.decode()
    assert not Meeting.objects.exists()
    # What was typed stays.
    assert 'value="Stuurgroepzaken"' in response.content.decode()


def test_a_meeting_ends_after_it_starts(client, staff, db_body):
    client.force_login(staff)
    data = meeting_data(db_body, ends_at="2026-12-14T18:00") | agenda_data([])
    response = client.post(reverse("governance:meeting_create"), data)
    assert response.status_code == 200
    assert "ends_at" in response.context["form"].errors
    assert not Meeting.objects.exists()


def test_non_staff_cannot_plan_or_change_meetings(personas, client_for, db_body):
    meeting = MeetingFactory(body=db_body, location="Veendam")
    data = meeting_data(db_body, location="Elders") | agenda_data([("Gekaapt", "", "1", False)])
    for persona in ["editor_a", "editor_b", "db_member", "sg_member", "outsider"]:
        client = client_for(personas[persona])
        assert client.post(reverse("governance:meeting_create"), data).status_code == 403
        url = reverse("governance:meeting_edit", args=[meeting.pk])
        assert client.post(url, data).status_code == 403
    assert client_for(None).post(reverse("governance:meeting_create"), data).status_code == 302
    assert Meeting.objects.count() == 1
    meeting.refresh_from_db()
    assert meeting.location == "Veendam" and not meeting.agenda.exists()
    assert not AuditEntry.objects.filter(action__startswith="meeting.").exists()


def test_who_reads_a_meeting(personas, client_for, db_body, sg_body):
    meeting = MeetingFactory(body=db_body)
    url = reverse("governance:meeting_detail", args=[meeting.pk])
    expected = {"staff": 200, "db_member": 200, "sg_member": 404, "outsider": 404, "editor_a": 404}
    for persona, status in expected.items():
        assert client_for(personas[persona]).get(url).status_code == status, persona
    assert (
        client_for(personas["db_member"])
        .get(reverse("governance:meeting_detail", args=[987654]))
        .status_code
        == 404
    )


def test_a_seat_that_ended_no_longer_reads(client, db_member, db_body):
    meeting = MeetingFactory(body=db_body)
    db_member.person.seats.update(term_end=datetime.date(2024, 12, 31))
    client.force_login(db_member)
    assert client.get(reverse("governance:meeting_detail", args=[meeting.pk])).status_code == 404


def test_list_shows_upcoming_first_then_past_of_own_bodies(client, db_member, db_body, sg_body):
    now = timezone.now()
    later = MeetingFactory(
        body=db_body, starts_at=now + datetime.timedelta(days=30), location="Later"
    )
    soon = MeetingFactory(
        body=db_body, starts_at=now + datetime.timedelta(days=3), location="Binnenkort"
    )
    old = MeetingFactory(
        body=db_body, starts_at=now - datetime.timedelta(days=60), location="Lang geleden"
    )
    recent = MeetingFactory(
        body=db_body, starts_at=now - datetime.timedelta(days=5), location="Vorige week"
    )
    MeetingFactory(body=sg_body, location="Stuurgroepzaal")
    client.force_login(db_member)
    response = client.get(reverse("governance:meeting_list"))
    assert response.status_code == 200
    assert response.context["upcoming"] == [soon, later]
    assert list(response.context["past"].object_list) == [recent, old]
    html = response.content.decode()
    assert (
        html.index("Binnenkort")
        < html.index("Later")
        < html.index("Vorige week")
        < html.index("Lang geleden")
    )
    assert "Stuurgroepzaal" not in html
    assert 'id="meeting-create"' not in html


def test_list_for_someone_without_a_seat(client, outsider):
    MeetingFactory()
    client.force_login(outsider)
    response = client.get(reverse("governance:meeting_list"))
    assert 'id="no-bodies"' in response.content.decode()
    assert response.context["upcoming"] == []


def test_list_filters_by_body_for_staff(client, staff, db_body, sg_body):
    MeetingFactory(body=db_body, location="DB-zaal")
    MeetingFactory(body=sg_body, location="SG-zaal")
    client.force_login(staff)
    html = client.get(reverse("governance:meeting_list"), {"body": db_body.pk}).content.decode()
    assert "DB-zaal" in html and "SG-zaal" not in html
    for garbage in ["x", "-1", "9" * 30, "999999"]:
        response = client.get(
            reverse("governance:meeting_list"), {"body": garbage, "page": garbage}
        )
        assert response.status_code == 200


def test_the_form_shows_which_partners_hosted_recently(client, staff, db_body):
    host = PartnerFactory(name="Lentis")
    MeetingFactory(
        body=db_body,
        location_partner=host,
        starts_at=timezone.make_aware(datetime.datetime(2026, 3, 9, 19, 0)),
    )
    PartnerFactory(name="Nooit Gastheer")
    client.force_login(staff)
    html = client.get(reverse("governance:meeting_create")).content.decode()
    assert 'id="recent-hosts"' in html
    assert "9-3-2026: <strong>Lentis</strong>" in html
    assert "Lentis (laatst gastheer op 9-3-2026)" in html
    assert ">Nooit Gastheer<" in html


def test_meeting_detail_shows_the_agenda_memo_and_actions(client, db_member, db_body):
    meeting = MeetingFactory(body=db_body)
    memo = MemoFactory(body=db_body, title="Het programmaplan")
    AgendaItemFactory(meeting=meeting, title="Programmaplan bespreken", memo=memo)
    ActionItemFactory(meeting=meeting, title="Verslag rondsturen", owner__name="Hilde")
    client.force_login(db_member)
    html = client.get(reverse("governance:meeting_detail", args=[meeting.pk])).content.decode()
    assert "Programmaplan bespreken" in html and "Het programmaplan" in html
    assert "Verslag rondsturen" in html and "Hilde" in html
    assert 'id="meeting-edit"' not in html and 'id="action-create"' not in html


# --- fixed numbers of queries -------------------------------------------------------------


def _count(client, url, **params):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url, params).status_code == 200
    return len(queries)


def test_list_and_detail_query_counts_do_not_grow(client, staff, db_body, sg_body):
    client.force_login(staff)
    small = MeetingFactory(body=db_body, location_partner=PartnerFactory())
    AgendaItemFactory(meeting=small, memo=MemoFactory(body=db_body))
    ActionItemFactory(meeting=small)
    MeetingFactory(body=db_body, starts_at=timezone.now() - datetime.timedelta(days=3))
    big = MeetingFactory(body=sg_body, location_partner=PartnerFactory())
    for _ in range(15):
        AgendaItemFactory(meeting=big, memo=MemoFactory(body=sg_body))
        ActionItemFactory(meeting=big)
    now = timezone.now()
    for days in range(1, 30):
        MeetingFactory(body=sg_body, starts_at=now + datetime.timedelta(days=days))
        MeetingFactory(body=sg_body, starts_at=now - datetime.timedelta(days=days))
    list_url = reverse("governance:meeting_list")
    assert _count(client, list_url, body=db_body.pk) == _count(client, list_url, body=sg_body.pk)

    def detail(meeting):
        return _count(client, reverse("governance:meeting_detail", args=[meeting.pk]))

    assert detail(small) == detail(big)

    def form(meeting):
        return _count(client, reverse("governance:meeting_edit", args=[meeting.pk]))

    assert form(small) == form(big)


# --- garbage never breaks ---------------------------------------------------------------

garbage = st.one_of(
    st.text(max_size=300).map(lambda s: s.replace("\x00", "")),
    st.integers().map(str),
    st.sampled_from(["", "2026-02-30T10:00", "99999-01-01T00:00", "-1", "9" * 30, "<script>"]),
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    data=st.fixed_dictionaries(
        {
            "body": garbage,
            "starts_at": garbage,
            "ends_at": garbage,
            "location_partner": garbage,
            "location": garbage,
            "notes": garbage,
            "agenda-TOTAL_FORMS": st.one_of(garbage, st.just("2")),
            "agenda-INITIAL_FORMS": st.one_of(garbage, st.just("0")),
            "agenda-0-title": garbage,
            "agenda-0-memo": garbage,
            "agenda-0-ORDER": garbage,
            "agenda-1-DELETE": garbage,
            "agenda-1-memo": garbage,
        }
    )
)
def test_meeting_form_garbage_never_breaks(client, staff, data):
    client.force_login(staff)
    response = client.post(reverse("governance:meeting_create"), data)
    assert response.status_code in (200, 302)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(title=garbage, memo=garbage, starts_at=garbage)
def test_meeting_form_with_valid_body_and_garbage_agenda(
    client, staff, db_body, title, memo, starts_at
):
    client.force_login(staff)
    data = meeting_data(db_body, starts_at=starts_at) | agenda_data([(title, memo, "1", False)])
    response = client.post(reverse("governance:meeting_create"), data)
    assert response.status_code in (200, 302)
    if response.status_code == 302:
        assert AgendaItem.objects.filter(meeting__body=db_body).exists() or not title.strip()


def test_a_new_meeting_for_a_body_offers_that_bodys_memos(client, staff, db_body, sg_body):
    MemoFactory(body=db_body, title="Memo aan het DB")
    MemoFactory(body=sg_body, title="Memo aan de SG")
    client.force_login(staff)
    response = client.get(reverse("governance:meeting_create"), {"body": db_body.pk})
    assert response.context["form"].initial["body"] == db_body.pk
    html = response.content.decode()
    assert "Memo aan het DB" in html and "Memo aan de SG" not in html
    # Without a body every body's memos are offered; garbage is ignored.
    html = client.get(reverse("governance:meeting_create"), {"body": "x"}).content.decode()
    assert "Memo aan het DB" in html and "Memo aan de SG" in html
