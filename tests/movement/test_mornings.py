"""Open mornings, staff's side: the rules of a morning (in the model and the database),
changing and cancelling one, who comes and staff's decisions, and who may do it.
Planning several at once: test_mornings_plan.py."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from avk.models import AuditEntry
from movement.models import MorningSignup, SignupStatus, TeamMorning
from movement.services import mornings as services
from tests.factories import PartnerFactory
from tests.fuzz import garbage
from tests.movement.factories_mornings import MorningSignupFactory, TeamMorningFactory

pytestmark = pytest.mark.django_db

PLAN = reverse("movement:morning_plan")
TODAY = timezone.localdate


def days(n: int) -> datetime.date:
    return TODAY() + datetime.timedelta(days=n)


# --- the rules of a morning -----------------------------------------------------------


def test_a_morning_has_sensible_defaults_and_a_title_with_its_date():
    host = PartnerFactory(name="Cosis")
    morning = TeamMorning.objects.create(date=datetime.date(2031, 1, 15), host=host)
    assert (morning.starts_at, morning.ends_at, morning.capacity, morning.status) == (
        datetime.time(9, 0),
        datetime.time(12, 30),
        15,
        TeamMorning.Status.PLANNED,
    )
    assert morning.title == "Open ochtend van het programmateam, woensdag 15 januari 2031"
    assert morning.mail_facts() == {
        "title": "Open ochtend van het programmateam, woensdag 15 januari 2031",
        "place": "Cosis",
        "period": "woensdag 15 januari 2031, 09:00 \u2013 12:30",
    }


@pytest.mark.parametrize(
    ("changes", "constraint"),
    [
        ({"ends_at": datetime.time(9, 0)}, "morning_ends_after_start"),
        ({"ends_at": datetime.time(8, 0)}, "morning_ends_after_start"),
        ({"capacity": 0}, "morning_capacity_positive"),
        ({"host": None, "place": ""}, "morning_has_a_location"),
        ({"status": "gone"}, "morning_status_known"),
    ],
)
def test_the_database_refuses_a_broken_morning(changes, constraint):
    values = {"date": days(3), "host": PartnerFactory(), "place": "", **changes}
    with pytest.raises(IntegrityError, match=constraint), transaction.atomic():
        TeamMorning.objects.create(**values)


def test_one_planned_morning_per_date_and_a_cancelled_one_frees_the_date():
    first = TeamMorningFactory(date=days(7))
    with pytest.raises(IntegrityError), transaction.atomic():
        TeamMorningFactory(date=days(7))
    first.status = TeamMorning.Status.CANCELLED
    first.save()
    TeamMorningFactory(date=days(7))  # the date is free again
    assert TeamMorning.objects.filter(date=days(7)).count() == 2


def test_takes_signups_while_planned_and_not_past():
    assert TeamMorningFactory(date=TODAY()).takes_signups
    assert not TeamMorningFactory(date=days(-1)).takes_signups
    assert not TeamMorningFactory(date=days(2), status=TeamMorning.Status.CANCELLED).takes_signups


def test_a_time_that_ends_before_it_starts_is_refused_in_dutch(staff):
    with pytest.raises(ValidationError) as refused:
        services.morning_create(
            actor=staff,
            date=days(7),
            host=PartnerFactory(),
            starts_at=datetime.time(12, 0),
            ends_at=datetime.time(9, 0),
        )
    assert refused.value.message_dict["ends_at"] == ["De ochtend moet eindigen na het begin."]
    assert not TeamMorning.objects.exists()


def test_a_morning_needs_a_host_or_an_address_and_cannot_be_planned_in_the_past(staff):
    with pytest.raises(ValidationError) as refused:
        services.morning_create(actor=staff, date=days(7), host=None, place="  ")
    assert "Kies een gastpartner of vul een adres in." in refused.value.messages
    with pytest.raises(ValidationError) as refused:
        services.morning_create(actor=staff, date=days(-7), place="Veendam")
    assert "Je kunt geen ochtend in het verleden plannen." in refused.value.messages
    morning = services.morning_create(actor=staff, date=days(7), place="Gemeentehuis, Veendam")
    assert morning.host is None and morning.created_by == staff
    assert AuditEntry.objects.filter(action="morning.planned", actor=staff).exists()
    with pytest.raises(ValidationError, match="Er is al een ochtend op"):
        services.morning_create(actor=staff, date=days(7), place="Elders")


def test_a_partner_that_hosted_cannot_be_deleted():
    from django.db.models import ProtectedError

    morning = TeamMorningFactory()
    with pytest.raises(ProtectedError):
        morning.host.delete()


def plan_data(rows: list[dict]) -> dict:
    data = {
        "form-TOTAL_FORMS": str(len(rows)),
        "form-INITIAL_FORMS": str(len(rows)),
        "form-MIN_NUM_FORMS": "0",
        "form-MAX_NUM_FORMS": "26",
    }
    for index, row in enumerate(rows):
        values = {
            "plan": "on",
            "starts_at": "09:00",
            "ends_at": "12:30",
            "place": "",
            "capacity": "15",
            **row,
        }
        for name, value in values.items():
            if value is not None:
                data[f"form-{index}-{name}"] = value
    return data


# --- changing and cancelling ----------------------------------------------------------


def edit_data(morning, **changes):
    values = {
        "date": morning.date.isoformat(),
        "starts_at": "09:30",
        "ends_at": "12:00",
        "host": str(morning.host_id or ""),
        "place": morning.place,
        "capacity": str(morning.capacity),
        "note": "Parkeren achter het gebouw.",
    }
    values.update(changes)
    return values


def test_staff_change_a_morning_and_extra_places_go_to_the_waiting_list(
    client, staff, django_capture_on_commit_callbacks
):
    client.force_login(staff)
    morning = TeamMorningFactory(capacity=1)
    MorningSignupFactory(morning=morning)
    waiting = MorningSignupFactory(
        morning=morning, status=SignupStatus.WAITLISTED, queued_at=timezone.now()
    )
    url = reverse("movement:morning_edit", args=[morning.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, edit_data(morning, capacity="0"))
    assert "Een ochtend heeft minstens 1 plaats." in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, edit_data(morning, capacity="2"))
    assert response.status_code == 302
    morning.refresh_from_db()
    assert (morning.starts_at, morning.capacity, morning.note) == (
        datetime.time(9, 30),
        2,
        "Parkeren achter het gebouw.",
    )
    waiting.refresh_from_db()
    assert waiting.status == SignupStatus.REGISTERED
    assert mail.outbox[-1].to == [waiting.email]
    assert AuditEntry.objects.filter(action="morning.changed").exists()


def test_editing_refuses_an_end_before_the_start_too_few_places_and_the_past(client, staff):
    client.force_login(staff)
    morning = TeamMorningFactory(capacity=2)
    MorningSignupFactory.create_batch(2, morning=morning)
    url = reverse("movement:morning_edit", args=[morning.pk])
    html = client.post(url, edit_data(morning, ends_at="08:00")).content.decode()
    assert "De ochtend moet eindigen na het begin." in html
    html = client.post(url, edit_data(morning, capacity="1")).content.decode()
    assert "2 plaatsen zijn al bezet" in html
    html = client.post(url, edit_data(morning, date=days(-1).isoformat())).content.decode()
    assert "Je kunt een ochtend niet naar het verleden verplaatsen." in html
    other = TeamMorningFactory()
    html = client.post(url, edit_data(morning, date=other.date.isoformat())).content.decode()
    assert "Er is al een ochtend op" in html
    morning.refresh_from_db()
    assert (morning.capacity, morning.ends_at) == (2, datetime.time(12, 30))


def test_a_host_no_longer_active_stays_choosable_for_its_own_morning(client, staff):
    client.force_login(staff)
    gone = PartnerFactory(name="Opgeheven Stichting", is_active=False)
    morning = TeamMorningFactory(host=gone)
    html = client.get(reverse("movement:morning_edit", args=[morning.pk])).content.decode()
    assert "Opgeheven Stichting" in html
    other = TeamMorningFactory()
    html = client.get(reverse("movement:morning_edit", args=[other.pk])).content.decode()
    assert "Opgeheven Stichting" not in html


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    date=garbage("2031-01-15"),
    starts_at=garbage("09:00", "24:00"),
    ends_at=garbage("12:30", "08:00"),
    host=garbage("1", str(2**70)),
    place=st.one_of(garbage(), st.just("p" * 250)),
    capacity=garbage("0", "1", "1001"),
    note=st.one_of(garbage(), st.just("n" * 2500)),
)
def test_the_edit_form_never_breaks(
    client, staff, date, starts_at, ends_at, host, place, capacity, note
):
    client.force_login(staff)
    morning = TeamMorning.objects.first() or TeamMorningFactory()
    before = TeamMorning.objects.values_list().get(pk=morning.pk)
    data = edit_data(
        morning,
        date=date,
        starts_at=starts_at,
        ends_at=ends_at,
        host=host,
        place=place,
        capacity=capacity,
        note=note,
    )
    response = client.post(reverse("movement:morning_edit", args=[morning.pk]), data)
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert TeamMorning.objects.values_list().get(pk=morning.pk) == before


def test_cancelling_tells_everyone_who_comes_once(
    client, staff, django_capture_on_commit_callbacks
):
    client.force_login(staff)
    morning = TeamMorningFactory(capacity=1)
    coming = MorningSignupFactory(morning=morning)
    waiting = MorningSignupFactory(
        morning=morning, status=SignupStatus.WAITLISTED, queued_at=timezone.now()
    )
    MorningSignupFactory(morning=morning, status=SignupStatus.UNCONFIRMED, confirmed_at=None)
    MorningSignupFactory(morning=morning, status=SignupStatus.DECLINED)
    url = reverse("movement:morning_cancel", args=[morning.pk])
    asked = client.get(url).content.decode()
    assert "Wil je de ochtend van" in asked and "2 mensen die zich aanmeldden" in asked
    client.post(url)  # without confirm=yes: only the question again
    morning.refresh_from_db()
    assert morning.status == TeamMorning.Status.PLANNED
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"confirm": "yes"})
    assert response.status_code == 302
    morning.refresh_from_db()
    assert morning.status == TeamMorning.Status.CANCELLED
    assert sorted(m.to[0] for m in mail.outbox) == sorted([coming.email, waiting.email])
    message = mail.outbox[0]
    assert message.subject.startswith("Afgelast: “Open ochtend van het programmateam")
    for body in (message.body, message.alternatives[0][0]):
        assert "gaat niet door" in body
        assert "/beweging/ochtenden/" in body
        assert "/beweging/ochtenden/aanmelding/" in body  # the withdraw link
    assert AuditEntry.objects.filter(action="morning.cancelled", actor=staff).exists()
    # Again: nothing changes, nobody gets a second mail; the edit page is closed.
    with django_capture_on_commit_callbacks(execute=True):
        services.morning_cancel(morning=morning, actor=staff)
        client.post(url, {"confirm": "yes"})
    assert len(mail.outbox) == 2
    edit = client.get(reverse("movement:morning_edit", args=[morning.pk]), follow=True)
    assert "Deze ochtend is afgelast" in edit.content.decode()
    with pytest.raises(ValidationError):
        services.morning_update(morning=morning, actor=staff, capacity=5)


# --- who comes ------------------------------------------------------------------------


def test_the_team_sees_who_comes(client, staff):
    client.force_login(staff)
    morning = TeamMorningFactory(capacity=1)
    holder = MorningSignupFactory(morning=morning, name="Anna Komt", status=SignupStatus.REGISTERED)
    MorningSignupFactory(
        morning=morning, name="Bert Wacht", status=SignupStatus.WAITLISTED, queued_at=timezone.now()
    )
    MorningSignupFactory(morning=morning, name="Niet Bevestigd", status=SignupStatus.UNCONFIRMED)
    html = client.get(reverse("movement:morning_participants", args=[morning.pk])).content.decode()
    assert html.index("Anna Komt") < html.index("Bert Wacht")
    assert "Niet Bevestigd" not in html
    assert reverse("movement:morning_signup_decide", args=[holder.pk]) in html
    assert "Wil praten over" in html  # the morning's own heading of the motivation
    assert "1 van 1 plaatsen bezet · 1 op de wachtlijst · 1 nog niet bevestigd" in html
    listing = client.get(reverse("movement:morning_manage")).content.decode()
    assert f"morning-{morning.pk}" in listing and "1 / 1" in listing
    past = TeamMorningFactory(date=days(-7))
    assert f"morning-{past.pk}" not in listing
    listing = client.get(reverse("movement:morning_manage"), {"when": "past"}).content.decode()
    assert f"morning-{past.pk}" in listing and f"morning-{morning.pk}" not in listing


def test_staff_decide_with_the_shared_flow(client, staff, django_capture_on_commit_callbacks):
    client.force_login(staff)
    morning = TeamMorningFactory(capacity=1)
    holder = MorningSignupFactory(morning=morning)
    waiting = MorningSignupFactory(
        morning=morning, status=SignupStatus.WAITLISTED, queued_at=timezone.now()
    )
    decide = reverse("movement:morning_signup_decide", args=[waiting.pk])
    response = client.post(decide, {"decision": "accept"}, follow=True)
    assert "Er is geen plek vrij" in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("movement:morning_signup_decide", args=[holder.pk]), {"decision": "decline"}
        )
    waiting.refresh_from_db()
    holder.refresh_from_db()
    assert (holder.status, waiting.status) == (SignupStatus.DECLINED, SignupStatus.REGISTERED)
    assert sorted(m.to[0] for m in mail.outbox) == sorted([holder.email, waiting.email])
    assert AuditEntry.objects.filter(action="signup.decline", actor=staff).exists()


def test_nothing_is_decided_for_a_cancelled_or_past_morning(client, staff):
    client.force_login(staff)
    for morning in (
        TeamMorningFactory(status=TeamMorning.Status.CANCELLED),
        TeamMorningFactory(date=days(-3)),
    ):
        signup = MorningSignupFactory(
            morning=morning, status=SignupStatus.WAITLISTED, queued_at=timezone.now()
        )
        decide = reverse("movement:morning_signup_decide", args=[signup.pk])
        page = client.get(reverse("movement:morning_participants", args=[morning.pk]))
        assert decide not in page.content.decode()  # the list offers no buttons either
        response = client.post(decide, {"decision": "accept"}, follow=True)
        assert "niets te beslissen" in response.content.decode()
        signup.refresh_from_db()
        assert signup.status == SignupStatus.WAITLISTED


def test_staff_pages_are_for_staff_only(client, outsider, editor_a):
    morning = TeamMorningFactory()
    signup = MorningSignupFactory(morning=morning)
    pages = [
        reverse("movement:morning_manage"),
        PLAN,
        reverse("movement:morning_edit", args=[morning.pk]),
        reverse("movement:morning_cancel", args=[morning.pk]),
        reverse("movement:morning_participants", args=[morning.pk]),
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
    decide = reverse("movement:morning_signup_decide", args=[signup.pk])
    cancel = reverse("movement:morning_cancel", args=[morning.pk])
    plan = plan_data([{"date": days(40).isoformat(), "place": "Veendam"}])
    for user in (outsider, editor_a):
        client.force_login(user)
        for url in pages:
            assert client.get(url).status_code == 403
        assert client.post(PLAN, plan).status_code == 403
        assert client.post(cancel, {"confirm": "yes"}).status_code == 403
        assert client.post(decide, {"decision": "decline"}).status_code == 403
    signup.refresh_from_db()
    morning.refresh_from_db()
    assert signup.status == SignupStatus.REGISTERED
    assert morning.status == TeamMorning.Status.PLANNED
    assert TeamMorning.objects.count() == 1
    assert MorningSignup.objects.count() == 1


def test_unknown_ids_are_404_for_staff(client, staff):
    client.force_login(staff)
    for name in (
        "movement:morning_edit",
        "movement:morning_participants",
        "movement:morning_cancel",
    ):
        assert client.get(reverse(name, args=[999999])).status_code == 404
        assert client.get(reverse(name, args=[2**70])).status_code == 404
    decide = reverse("movement:morning_signup_decide", args=[2**70])
    assert client.post(decide, {"decision": "accept"}).status_code == 404


def test_staff_browse_the_mornings_in_the_admin(client, staff):
    staff.is_superuser = True
    staff.save()
    client.force_login(staff)
    signup = MorningSignupFactory()
    for name, obj in [("teammorning", signup.morning), ("morningsignup", signup)]:
        assert client.get(reverse(f"admin:movement_{name}_changelist")).status_code == 200
        change = client.get(reverse(f"admin:movement_{name}_change", args=[obj.pk]))
        assert change.status_code == 200
        assert 'name="token_hash"' not in change.content.decode()
