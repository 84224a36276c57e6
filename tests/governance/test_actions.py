"""Action items: staff make them from a meeting or a closed decision; owners mark them done."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from avk.models import AuditEntry
from governance.models import ActionItem
from tests.factories import PersonFactory
from tests.governance.factories import ActionItemFactory, MeetingFactory, ProposedDecisionFactory
from tests.governance.factories_meetings import ClosedDecisionFactory, ListedDecisionFactory

pytestmark = pytest.mark.django_db


def person_of(user):
    return user.person


def action_data(owner, **overrides):
    data = {
        "title": "Verslag rondsturen",
        "details": "Aan alle leden",
        "owner": str(owner.pk),
        "due_date": "2026-12-20",
    }
    return data | overrides


def create_url(**params):
    url = reverse("governance:action_create")
    if params:
        url += "?" + "&".join(f"{key}={value}" for key, value in params.items())
    return url


def test_staff_add_an_action_from_a_meeting(client, staff, db_member, db_body):
    meeting = MeetingFactory(body=db_body)
    client.force_login(staff)
    url = create_url(meeting=meeting.pk)
    page = client.get(url)
    assert page.status_code == 200
    assert "Uit de vergadering van Dagelijks Bestuur" in page.content.decode()
    response = client.post(url, action_data(person_of(db_member), meeting=str(meeting.pk)))
    assert response.status_code == 302
    assert response["Location"] == reverse("governance:meeting_detail", args=[meeting.pk])
    action = ActionItem.objects.get()
    assert action.meeting == meeting and action.decision is None
    assert action.owner == person_of(db_member) and action.created_by == staff
    assert action.status == ActionItem.Status.OPEN
    entry = AuditEntry.objects.get(action="action.created")
    assert entry.actor == staff and entry.changes["title"] == ["", "Verslag rondsturen"]
    assert entry.group == f"meeting:{meeting.pk}"


def test_staff_add_an_action_from_a_closed_decision(client, staff, db_member, db_body):
    entry = ListedDecisionFactory(memo__body=db_body)
    decision = entry.proposed_decision
    client.force_login(staff)
    url = create_url(decision=decision.pk)
    page = client.get(url).content.decode()
    assert entry.number in page and decision.text in page
    response = client.post(url, action_data(person_of(db_member), decision=str(decision.pk)))
    assert response.status_code == 302
    assert response["Location"] == (
        reverse("governance:decision_list", args=[db_body.pk]) + f"#decision-{entry.pk}"
    )
    action = ActionItem.objects.get()
    assert action.decision == decision and action.meeting is None


def test_no_action_from_an_open_decision_or_a_forged_source(client, staff, db_member):
    open_decision = ProposedDecisionFactory()  # its voting has not closed
    client.force_login(staff)
    assert client.get(create_url(decision=open_decision.pk)).status_code == 404
    assert client.get(create_url(decision=987654)).status_code == 404
    assert client.get(create_url(meeting=987654)).status_code == 404
    assert client.get(create_url(meeting="abc")).status_code == 404
    # A forged decision in the POST body without a query string: a form error.
    response = client.post(
        create_url(), action_data(person_of(db_member), decision=str(open_decision.pk))
    )
    assert response.status_code == 200
    assert not ActionItem.objects.exists()


def test_without_a_source_staff_choose_the_meeting(client, staff, db_member, db_body):
    meeting = MeetingFactory(body=db_body)
    client.force_login(staff)
    page = client.get(create_url())
    assert page.status_code == 200
    assert page.context["form"].fields["meeting"].required
    response = client.post(create_url(), action_data(person_of(db_member)))
    assert response.status_code == 200
    assert "meeting" in response.context["form"].errors
    assert 'value="Verslag rondsturen"' in response.content.decode()  # nothing typed is lost
    response = client.post(create_url(), action_data(person_of(db_member), meeting=meeting.pk))
    assert response.status_code == 302
    assert ActionItem.objects.get().meeting == meeting


def test_non_staff_cannot_add_or_edit_actions(personas, client_for, db_member, db_body):
    meeting = MeetingFactory(body=db_body)
    action = ActionItemFactory(meeting=meeting, title="Origineel", owner=person_of(db_member))
    data = action_data(person_of(db_member), meeting=str(meeting.pk), title="Vervalst")
    for persona in ["editor_a", "editor_b", "db_member", "sg_member", "outsider"]:
        client = client_for(personas[persona])
        assert client.post(create_url(meeting=meeting.pk), data).status_code == 403
        edit = reverse("governance:action_edit", args=[action.pk])
        assert client.post(edit, data | {"status": "cancelled"}).status_code == 403
    assert ActionItem.objects.count() == 1
    action.refresh_from_db()
    assert action.title == "Origineel" and action.status == ActionItem.Status.OPEN


def test_staff_edit_an_action(client, staff, db_member):
    action = ActionItemFactory(owner=person_of(db_member))
    other = PersonFactory(name="Anja")
    client.force_login(staff)
    url = reverse("governance:action_edit", args=[action.pk])
    assert client.get(url).status_code == 200
    response = client.post(
        url, action_data(other, title="Nieuwe titel", due_date="2027-01-10", status="done")
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert (action.title, action.owner, action.status) == ("Nieuwe titel", other, "done")
    assert action.completed_at is not None
    entry = AuditEntry.objects.get(action="action.updated")
    assert entry.changes["status"] == ["open", "done"]


# --- status: the owner or staff -----------------------------------------------------------


def status_url(action):
    return reverse("governance:action_status", args=[action.pk])


def test_the_owner_marks_done_and_reopens(client, db_member):
    action = ActionItemFactory(owner=person_of(db_member))
    client.force_login(db_member)
    response = client.post(status_url(action), {"status": "done"})
    assert response.status_code == 302
    assert response["Location"] == reverse("governance:my_actions")
    action.refresh_from_db()
    assert action.status == "done" and action.completed_at is not None
    entry = AuditEntry.objects.get(action="action.status_changed")
    assert entry.actor == db_member and entry.changes == {"status": ["open", "done"]}
    client.post(status_url(action), {"status": "open"})
    action.refresh_from_db()
    assert action.status == "open" and action.completed_at is None
    # Twice the same: counted once.
    client.post(status_url(action), {"status": "open"})
    assert AuditEntry.objects.filter(action="action.status_changed").count() == 2


def test_others_cannot_change_an_actions_status(personas, client_for, db_member):
    action = ActionItemFactory(owner=person_of(db_member))
    for persona in ["editor_a", "editor_b", "sg_member", "outsider"]:
        client = client_for(personas[persona])
        assert client.post(status_url(action), {"status": "done"}).status_code == 403
    assert client_for(None).post(status_url(action), {"status": "done"}).status_code == 302
    forged = reverse("governance:action_status", args=[987654])
    assert client_for(personas["db_member"]).post(forged, {"status": "done"}).status_code == 404
    action.refresh_from_db()
    assert action.status == "open"
    assert not AuditEntry.objects.filter(action="action.status_changed").exists()


def test_only_staff_cancel(client_for, staff, db_member):
    action = ActionItemFactory(owner=person_of(db_member))
    assert (
        client_for(db_member).post(status_url(action), {"status": "cancelled"}).status_code == 403
    )
    action.refresh_from_db()
    assert action.status == "open"
    assert client_for(staff).post(status_url(action), {"status": "cancelled"}).status_code == 302
    action.refresh_from_db()
    assert action.status == "cancelled"
    # And the owner cannot take a cancelled action up again.
    assert client_for(db_member).post(status_url(action), {"status": "open"}).status_code == 403


def test_a_forged_status_value_changes_nothing(client, db_member):
    action = ActionItemFactory(owner=person_of(db_member))
    client.force_login(db_member)
    for value in ["", "finished", "DONE", "x" * 500]:
        response = client.post(status_url(action), {"status": value}, follow=True)
        assert response.status_code == 200
    action.refresh_from_db()
    assert action.status == "open"
    assert client.get(status_url(action)).status_code == 405


def test_status_goes_back_to_a_safe_next_page_only(client, db_member):
    action = ActionItemFactory(owner=person_of(db_member))
    client.force_login(db_member)
    response = client.post(status_url(action), {"status": "done", "next": "https://evil.example/"})
    assert response["Location"] == reverse("governance:my_actions")
    response = client.post(status_url(action), {"status": "open", "next": "/bestuur/"})
    assert response["Location"] == "/bestuur/"
    for forged in ["//evil.example/", "/\x00", "0", "javascript:alert(1)", "\\evil"]:
        response = client.post(status_url(action), {"status": "open", "next": forged})
        assert response.status_code == 302
        assert "evil" not in response["Location"] and "javascript" not in response["Location"]


# --- my actions and the list --------------------------------------------------------------


def test_my_actions_shows_own_open_actions_overdue_first(client, db_member, sg_member):
    today = timezone.localdate()
    mine = person_of(db_member)
    later = ActionItemFactory(
        owner=mine, title="Later klaar", due_date=today + datetime.timedelta(days=9)
    )
    late = ActionItemFactory(
        owner=mine, title="Al te laat", due_date=today - datetime.timedelta(days=2)
    )
    ActionItemFactory(owner=mine, title="Al gedaan", status="done")
    ActionItemFactory(owner=person_of(sg_member), title="Van een ander")
    client.force_login(db_member)
    response = client.get(reverse("governance:my_actions"))
    assert response.status_code == 200
    assert response.context["open_actions"] == [late, later]
    html = response.content.decode()
    assert "Van een ander" not in html
    assert "1 actiepunt is te laat." in html
    assert html.count("list-group-item-warning overdue") == 1
    assert "Al gedaan" in html  # under "finished"
    assert status_url(late) in html


def test_my_actions_without_a_person(client, outsider):
    client.force_login(outsider)
    response = client.get(reverse("governance:my_actions"))
    assert response.status_code == 200
    assert 'id="no-person"' in response.content.decode()


def test_action_list_overdue_first_and_filters(client, staff, db_body, sg_body):
    today = timezone.localdate()
    anja, bert = PersonFactory(name="Anja"), PersonFactory(name="Bert")
    db_late = ActionItemFactory(
        meeting__body=db_body,
        owner=anja,
        title="DB te laat",
        due_date=today - datetime.timedelta(days=1),
    )
    sg_soon = ActionItemFactory(
        meeting__body=sg_body,
        owner=bert,
        title="SG binnenkort",
        due_date=today + datetime.timedelta(days=2),
    )
    from_decision = ActionItemFactory(
        meeting=None,
        decision=ClosedDecisionFactory(memo__body=sg_body),
        owner=anja,
        title="Uit besluit",
        due_date=today + datetime.timedelta(days=5),
    )
    ActionItemFactory(meeting__body=db_body, owner=anja, title="Afgerond", status="done")
    client.force_login(staff)
    url = reverse("governance:action_list")
    response = client.get(url)
    assert list(response.context["page"].object_list) == [db_late, sg_soon, from_decision]
    assert "te laat" in response.content.decode()
    assert list(client.get(url, {"owner": anja.pk}).context["page"].object_list) == [
        db_late,
        from_decision,
    ]
    assert list(client.get(url, {"body": sg_body.pk}).context["page"].object_list) == [
        sg_soon,
        from_decision,
    ]
    assert [a.title for a in client.get(url, {"status": "done"}).context["page"]] == ["Afgerond"]
    assert len(client.get(url, {"status": "all"}).context["page"].object_list) == 4
    for garbage in ["x", "-5", "9" * 40]:
        assert (
            client.get(url, {"owner": garbage, "body": garbage, "page": garbage}).status_code == 200
        )


def _count(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_action_pages_query_counts_do_not_grow(client, staff, db_member, db_body):
    ActionItemFactory(owner=person_of(db_member), meeting__body=db_body)
    ActionItemFactory(
        meeting=None, decision=ClosedDecisionFactory(memo__body=db_body), owner=person_of(db_member)
    )
    ActionItemFactory(owner=person_of(db_member), status="done")
    client.force_login(staff)
    list_small = _count(client, reverse("governance:action_list"))
    client.force_login(db_member)
    mine_small = _count(client, reverse("governance:my_actions"))
    for _ in range(12):
        ActionItemFactory(owner=person_of(db_member), meeting__body=db_body)
        ActionItemFactory(
            meeting=None, decision=ClosedDecisionFactory(memo__body=db_body), owner=PersonFactory()
        )
        ActionItemFactory(owner=person_of(db_member), status="done")
    client.force_login(staff)
    assert _count(client, reverse("governance:action_list")) == list_small
    client.force_login(db_member)
    assert _count(client, reverse("governance:my_actions")) == mine_small


# --- garbage never breaks ---------------------------------------------------------------

garbage = st.one_of(
    st.text(max_size=300).map(lambda s: s.replace("\x00", "")),
    st.integers().map(str),
    st.sampled_from(["", "2026-02-30", "99999-01-01", "-1", "9" * 30, "<script>"]),
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    data=st.fixed_dictionaries(
        dict.fromkeys(["title", "details", "owner", "due_date", "meeting", "decision"], garbage)
    ),
    query=st.sampled_from(["", "?meeting=", "?decision="]),
)
def test_action_form_garbage_never_breaks(client, staff, data, query):
    client.force_login(staff)
    meeting = MeetingFactory()
    decision = ClosedDecisionFactory()
    source = {
        "": "",
        "?meeting=": f"?meeting={meeting.pk}",
        "?decision=": f"?decision={decision.pk}",
    }
    response = client.post(reverse("governance:action_create") + source[query], data)
    assert response.status_code in (200, 302)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    data=st.fixed_dictionaries(
        dict.fromkeys(["title", "details", "owner", "due_date", "status"], garbage)
    )
)
def test_action_edit_garbage_never_breaks(client, staff, data):
    client.force_login(staff)
    action = ActionItemFactory()
    response = client.post(reverse("governance:action_edit", args=[action.pk]), data)
    assert response.status_code in (200, 302)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(status=garbage, next_url=garbage)
def test_action_status_garbage_never_breaks(client, staff, status, next_url):
    client.force_login(staff)
    action = ActionItemFactory()
    response = client.post(status_url(action), {"status": status, "next": next_url})
    assert response.status_code == 302
