"""Staff publish courses and learning meetings, decide who takes part, export the list and
record who attended; the rules of the model and the form."""

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
from movement.models import Course, CourseSignup, SignupStatus
from movement.services import learning as services
from tests.fuzz import garbage
from tests.movement.factories_learning import CourseFactory, CourseSignupFactory, in_days

pytestmark = pytest.mark.django_db

CREATE = reverse("movement:course_create")


def data(**changes):
    values = {
        "kind": "meeting",
        "title": "De halve maan",
        "description": "Meer doorvoelen wat generatiearmoede is.",
        "place": "Cosis, Veendam",
        "starts_at": "2027-03-04T13:30",
        "ends_at": "2027-03-04T16:30",
        "capacity": "20",
        "status": "open",
    }
    values.update(changes)
    return values


# --- publishing -----------------------------------------------------------------------


def test_staff_publish_a_learning_meeting_and_change_it(client, staff):
    client.force_login(staff)
    response = client.post(CREATE, data())
    assert response.status_code == 302
    course = Course.objects.get()
    assert (course.kind, course.capacity, course.status, course.created_by) == (
        "meeting",
        20,
        "open",
        staff,
    )
    local = timezone.localtime(course.starts_at)
    assert (local.date(), local.hour, local.minute) == (datetime.date(2027, 3, 4), 13, 30)
    assert course.period == "4 maart 2027, 13:30 \u2013 16:30"
    assert AuditEntry.objects.filter(action="course.created").exists()
    listing = client.get(reverse("movement:course_list")).content.decode()
    assert "De halve maan" in listing and "Leerbijeenkomst" in listing

    edit = reverse("movement:course_edit", args=[course.pk])
    assert client.get(edit).status_code == 200
    assert client.post(edit, data(title="Nieuwe titel", kind="course")).status_code == 302
    course.refresh_from_db()
    assert (course.title, course.kind) == ("Nieuwe titel", "course")
    assert AuditEntry.objects.filter(action="course.changed").exists()


@pytest.mark.parametrize(
    ("starts_at", "ends_at"),
    [("2027-03-04T16:30", "2027-03-04T13:30"), ("2027-03-04T13:30", "2027-03-04T13:30")],
)
def test_an_end_that_is_not_after_the_start_is_refused_in_dutch(client, staff, starts_at, ends_at):
    client.force_login(staff)
    response = client.post(CREATE, data(starts_at=starts_at, ends_at=ends_at))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Er is een probleem" in page
    assert page.count("Het einde moet na het begin liggen.") >= 1
    assert "De halve maan" in page  # nothing typed is lost
    assert not Course.objects.exists()


@pytest.mark.parametrize("capacity", ["0", "-3"])
def test_a_course_has_at_least_one_place(client, staff, capacity):
    client.force_login(staff)
    response = client.post(CREATE, data(capacity=capacity))
    assert response.status_code == 200
    assert "Een cursus of bijeenkomst heeft minstens 1 plaats." in response.content.decode()
    assert not Course.objects.exists()


def test_the_service_and_the_database_refuse_it_too(staff):
    start = in_days(3)
    with pytest.raises(ValidationError) as error:
        services.course_create(
            actor=staff,
            title="x",
            description="x",
            place="x",
            starts_at=start,
            ends_at=start - datetime.timedelta(hours=1),
            capacity=0,
        )
    assert set(error.value.message_dict) >= {"ends_at", "capacity"}
    for wrong in (
        {"ends_at": start},
        {"capacity": 0},
        {"kind": "webinar"},
        {"status": "half"},
    ):
        with pytest.raises(IntegrityError), transaction.atomic():
            Course.objects.create(
                **{
                    "title": "x",
                    "description": "x",
                    "place": "x",
                    "starts_at": start,
                    "ends_at": start + datetime.timedelta(hours=1),
                    "capacity": 1,
                    **wrong,
                }
            )


def test_one_confirmed_sign_up_per_address_in_the_database():
    course = CourseFactory()
    CourseSignupFactory(course=course, email="a@example.org")
    CourseSignupFactory(
        course=course, email="a@example.org", status=SignupStatus.UNCONFIRMED, confirmed_at=None
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        CourseSignupFactory(course=course, email="a@example.org")


def test_places_cannot_drop_below_those_taken_and_extra_places_go_to_the_waiting_list(
    client, staff, django_capture_on_commit_callbacks
):
    client.force_login(staff)
    course = CourseFactory(capacity=2)
    CourseSignupFactory.create_batch(2, course=course)
    waiting = CourseSignupFactory(
        course=course, status=SignupStatus.WAITLISTED, queued_at=timezone.now()
    )
    edit = reverse("movement:course_edit", args=[course.pk])
    values = data(
        starts_at=f"{in_days(10):%Y-%m-%dT%H:%M}", ends_at=f"{in_days(11):%Y-%m-%dT%H:%M}"
    )
    response = client.post(edit, {**values, "capacity": "1"})
    assert "2 plaatsen zijn al bezet" in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(edit, {**values, "capacity": "3"}).status_code == 302
    waiting.refresh_from_db()
    assert waiting.status == SignupStatus.REGISTERED
    assert mail.outbox[-1].to == [waiting.email]


# --- who may ------------------------------------------------------------------------


def test_staff_pages_are_for_staff_only(client, outsider, editor_a):
    course = CourseFactory(starts_at=in_days(-1), ends_at=in_days(-1, 16))
    signup = CourseSignupFactory(course=course)
    pages = [
        reverse("movement:course_manage"),
        CREATE,
        reverse("movement:course_edit", args=[course.pk]),
        reverse("movement:course_participants", args=[course.pk]),
        reverse("movement:course_participants_csv", args=[course.pk]),
        reverse("movement:course_attendance", args=[course.pk]),
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith(
            reverse("account_login")
        )
    decide = reverse("movement:course_signup_decide", args=[signup.pk])
    attendance = reverse("movement:course_attendance", args=[course.pk])
    forged = {"shown": [signup.pk], "present": [signup.pk]}
    for user in (outsider, editor_a):
        client.force_login(user)
        for url in pages:
            assert client.get(url).status_code == 403
        assert client.post(CREATE, data()).status_code == 403
        assert client.post(decide, {"decision": "decline"}).status_code == 403
        assert client.post(attendance, forged).status_code == 403
    signup.refresh_from_db()
    assert (signup.status, signup.attended) == (SignupStatus.REGISTERED, None)
    assert Course.objects.count() == 1


def test_unknown_ids_are_404_for_staff(client, staff):
    client.force_login(staff)
    for name in (
        "movement:course_edit",
        "movement:course_participants",
        "movement:course_attendance",
        "movement:course_detail",
    ):
        assert client.get(reverse(name, args=[999999])).status_code == 404
        assert client.get(reverse(name, args=[2**70])).status_code == 404
    assert client.post(reverse("movement:course_signup_decide", args=[2**70])).status_code == 404


# --- participants ---------------------------------------------------------------------


def test_staff_decide_with_the_shared_rules_and_the_person_is_told(
    client, staff, django_capture_on_commit_callbacks
):
    client.force_login(staff)
    course = CourseFactory(capacity=1)
    holder = CourseSignupFactory(course=course)
    waiting = CourseSignupFactory(
        course=course, status=SignupStatus.WAITLISTED, queued_at=timezone.now()
    )
    url = reverse("movement:course_signup_decide", args=[waiting.pk])
    response = client.post(url, {"decision": "accept"}, follow=True)
    assert "Er is geen plek vrij" in response.content.decode()  # never over capacity
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("movement:course_signup_decide", args=[holder.pk]), {"decision": "decline"}
        )
    assert response["Location"] == reverse("movement:course_participants", args=[course.pk])
    holder.refresh_from_db()
    waiting.refresh_from_db()
    assert (holder.status, waiting.status) == (SignupStatus.DECLINED, SignupStatus.REGISTERED)
    assert sorted(m.to[0] for m in mail.outbox) == sorted([holder.email, waiting.email])
    assert "/beweging/leren/aanmelding/" in mail.outbox[0].body
    assert AuditEntry.objects.filter(action="signup.decline", actor=staff).exists()


def test_the_participants_page_and_the_export(client, staff):
    client.force_login(staff)
    course = CourseFactory(capacity=1)
    CourseSignupFactory(course=course, name="Anna", status=SignupStatus.ACCEPTED, attended=True)
    CourseSignupFactory(
        course=course,
        name="=HYPERLINK(1)",
        status=SignupStatus.WAITLISTED,
        queued_at=timezone.now(),
    )
    CourseSignupFactory(course=course, name="Niet Bevestigd", status=SignupStatus.UNCONFIRMED)
    page = client.get(reverse("movement:course_participants", args=[course.pk])).content.decode()
    assert "Anna" in page and "Niet Bevestigd" not in page
    assert "1 van 1 plaatsen bezet · 1 op de wachtlijst · 1 nog niet bevestigd" in page

    response = client.get(reverse("movement:course_participants_csv", args=[course.pk]))
    assert response["Content-Type"].startswith("text/csv")
    assert f"leeraanbod-{course.pk}-deelnemers" in response["Content-Disposition"]
    lines = response.content.decode("utf-8").strip().split("\r\n")
    assert lines[0] == (
        "\ufeffNaam;E-mailadres;Organisatie;Gemeente;Motivatie;Status;Aanwezig;Bevestigd op;"
        "Toestemming voor contact gegeven op"
    )
    assert len(lines) == 3
    assert lines[1].startswith("Anna;") and ";Geaccepteerd;Ja;" in lines[1]
    assert lines[2].startswith("'=HYPERLINK(1);") and ";Op de wachtlijst;;" in lines[2]


# --- attendance -----------------------------------------------------------------------


def _attendance(client, course, shown, present):
    return client.post(
        reverse("movement:course_attendance", args=[course.pk]),
        {"shown": [str(pk) for pk in shown], "present": [str(pk) for pk in present]},
    )


def test_attendance_only_once_it_has_started(client, staff):
    client.force_login(staff)
    course = CourseFactory()
    signup = CourseSignupFactory(course=course)
    page = client.get(reverse("movement:course_attendance", args=[course.pk])).content.decode()
    assert "als het begonnen is" in page and 'id="attendance-form"' not in page
    response = _attendance(client, course, [signup.pk], [signup.pk])
    assert response.status_code == 400
    assert "Je kunt pas invullen wie er waren als het begonnen is." in response.content.decode()
    signup.refresh_from_db()
    assert signup.attended is None
    with pytest.raises(ValidationError):
        services.course_attendance_record(
            course=course, actor=staff, shown={signup.pk}, present=set()
        )


def test_attendance_for_everyone_with_a_place_in_one_post_audited(client, staff):
    client.force_login(staff)
    course = CourseFactory(starts_at=in_days(-1), ends_at=in_days(-1, 16), capacity=5)
    came, missed = CourseSignupFactory.create_batch(2, course=course)
    waiting = CourseSignupFactory(
        course=course, status=SignupStatus.WAITLISTED, queued_at=timezone.now()
    )
    declined = CourseSignupFactory(course=course, status=SignupStatus.DECLINED)
    page = client.get(reverse("movement:course_attendance", args=[course.pk])).content.decode()
    assert came.name in page and missed.name in page
    assert waiting.name not in page and declined.name not in page
    assert "nog niet ingevuld" in page

    response = _attendance(client, course, [came.pk, missed.pk], [came.pk])
    assert response.status_code == 302
    came.refresh_from_db()
    missed.refresh_from_db()
    assert (came.attended, missed.attended) == (True, False)
    entries = AuditEntry.objects.filter(action="signup.attendance", actor=staff)
    assert sorted(tuple(e.changes["attended"]) for e in entries.all()) == [("", "no"), ("", "yes")]
    # The same again changes (and audits) nothing; a correction is one more entry.
    _attendance(client, course, [came.pk, missed.pk], [came.pk])
    assert entries.count() == 2
    _attendance(client, course, [came.pk, missed.pk], [came.pk, missed.pk])
    missed.refresh_from_db()
    assert missed.attended is True and entries.count() == 3
    page = client.get(reverse("movement:course_participants", args=[course.pk])).content.decode()
    assert "Aanwezig" in page


@pytest.mark.parametrize("who", ["waitlisted", "declined", "other_course", "unknown", "garbage"])
def test_attendance_only_for_the_people_with_a_place(client, staff, who):
    client.force_login(staff)
    course = CourseFactory(starts_at=in_days(-1), ends_at=in_days(-1, 16))
    holder = CourseSignupFactory(course=course)
    intruder = {
        "waitlisted": lambda: CourseSignupFactory(course=course, status="waitlisted").pk,
        "declined": lambda: CourseSignupFactory(course=course, status="declined").pk,
        "other_course": lambda: CourseSignupFactory().pk,
        "unknown": lambda: 999999,
        "garbage": lambda: "abc",
    }[who]()
    for shown, present in (
        ([holder.pk, intruder], [holder.pk, intruder]),
        ([holder.pk], [holder.pk, intruder]),
    ):
        response = _attendance(client, course, shown, present)
        assert response.status_code == 400
        assert "Er is een probleem" in response.content.decode()
    assert not CourseSignup.objects.exclude(attended=None).exists()


def test_a_list_that_changed_meanwhile_saves_nothing(client, staff):
    client.force_login(staff)
    course = CourseFactory(starts_at=in_days(-1), ends_at=in_days(-1, 16))
    first = CourseSignupFactory(course=course)
    second = CourseSignupFactory(course=course)  # moved up after staff opened the page
    response = _attendance(client, course, [first.pk], [first.pk])
    assert response.status_code == 400
    assert "De lijst met deelnemers is veranderd" in response.content.decode()
    assert not CourseSignup.objects.filter(pk__in=[first.pk, second.pk]).exclude(attended=None)


# --- fuzzing --------------------------------------------------------------------------


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    starts_at=garbage("2027-01-01T10:00"),
    ends_at=garbage("2026-01-01T10:00", "2027-01-01T12:00"),
    capacity=garbage("0", "1", "1001"),
    kind=st.sampled_from(["course", "meeting", "x", ""]),
)
def test_the_course_form_never_breaks(client, staff, starts_at, ends_at, capacity, kind):
    client.force_login(staff)
    before = Course.objects.count()
    response = client.post(
        CREATE, data(starts_at=starts_at, ends_at=ends_at, capacity=capacity, kind=kind)
    )
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert Course.objects.count() == before
