"""Personal data of a sign-up is kept only as long as needed (AVG): a year after a pilot,
morning or course ended, what the person typed in is deleted, with their mails. The row
stays, so the counts (and a course's attendance) stay true."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from avk.models import AuditEntry, OutgoingMail
from movement.models import CourseSignup, MorningSignup, PilotSignup, SignupStatus
from movement.selectors.learning import team_attendance
from movement.selectors.signups import confirmed_signups_csv, with_signup_counts
from movement.services import signups as signup_services
from movement.services.signup_links import signup_for_withdraw_token, withdraw_token
from movement.services.signup_mails import mail_key, signup_notify
from movement.tasks import forget_ended_signups
from partners.models import TeamMember
from tests.factories import PersonFactory
from tests.movement.factories_learning import CourseFactory, CourseSignupFactory
from tests.movement.factories_mornings import MorningSignupFactory, TeamMorningFactory
from tests.movement.factories_pilots import PilotFactory, PilotSignupFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 12, 2)


def days_ago(days: int) -> datetime.date:
    return TODAY - datetime.timedelta(days=days)


def moment(day: datetime.date, hour: int = 14) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def pilot_ended(days: int):
    return PilotFactory(starts_on=days_ago(days + 90), ends_on=days_ago(days))


def morning_on(days: int):
    return TeamMorningFactory(date=days_ago(days))


def course_ended(days: int):
    ends = moment(days_ago(days), 16)
    return CourseFactory(starts_at=ends - datetime.timedelta(hours=2), ends_at=ends)


KINDS = [
    pytest.param(pilot_ended, PilotSignupFactory, PilotSignup, "pilot", id="pilot"),
    pytest.param(morning_on, MorningSignupFactory, MorningSignup, "morning", id="morning"),
    pytest.param(course_ended, CourseSignupFactory, CourseSignup, "course", id="course"),
]

PERSONAL = ("name", "email", "organisation", "municipality_text", "motivation")


def forget(model, retention=365):
    return signup_services.signups_forget_ended(model=model, today=TODAY, days=retention)


@pytest.mark.parametrize(("offer_ended", "signup_factory", "model", "field"), KINDS)
def test_a_year_after_the_end_what_people_typed_in_is_deleted_and_the_counts_stay(
    offer_ended, signup_factory, model, field, django_capture_on_commit_callbacks
):
    old, recent = offer_ended(366), offer_ended(364)
    kept = signup_factory(**{field: recent})
    held = signup_factory(**{field: old}, status=SignupStatus.ACCEPTED)
    waiting = signup_factory(
        **{field: old}, status=SignupStatus.WAITLISTED, queued_at=timezone.now()
    )
    unconfirmed = signup_factory(**{field: old}, status=SignupStatus.UNCONFIRMED)
    with django_capture_on_commit_callbacks(execute=True):
        for signup in (held, kept):
            signup_notify(signup=signup, template="signup_status", what="status:test")
    counts_before = with_signup_counts(type(old).objects.filter(pk=old.pk)).get()

    assert forget(model) == 3

    for signup in (held, waiting):
        signup.refresh_from_db()
        assert all(getattr(signup, name) == "" for name in PERSONAL)
        assert signup.municipality is None and signup.token_hash is None
    assert (held.status, waiting.status) == (SignupStatus.ACCEPTED, SignupStatus.WAITLISTED)
    assert not model.objects.filter(pk=unconfirmed.pk).exists()  # it never counted
    assert not OutgoingMail.objects.filter(key=mail_key(held, "status:test")).exists()
    counts_after = with_signup_counts(type(old).objects.filter(pk=old.pk)).get()
    assert (counts_after.taken, counts_after.waiting) == (counts_before.taken, 1)
    # An offer that ended less than a year ago keeps everything, with its mails.
    kept.refresh_from_db()
    assert kept.email and kept.name and kept.token_hash
    assert OutgoingMail.objects.filter(key=mail_key(kept, "status:test")).exists()
    entry = AuditEntry.objects.get(action="signups.forgotten")
    assert entry.changes == {"forgotten": 3} and entry.actor is None
    assert forget(model) == 0  # idempotent: a second run finds nothing


@pytest.mark.parametrize(("offer_ended", "signup_factory", "model", "field"), KINDS)
def test_the_links_of_a_forgotten_sign_up_stop_working(offer_ended, signup_factory, model, field):
    signup = signup_factory(**{field: offer_ended(400)})
    token = withdraw_token(signup)
    forget(model)
    assert signup_for_withdraw_token(model, token) is None


def test_the_retention_period_is_a_setting(settings):
    pilot = pilot_ended(40)
    signup = PilotSignupFactory(pilot=pilot)
    assert forget(PilotSignup, retention=60) == 0
    assert forget(PilotSignup, retention=30) == 1
    signup.refresh_from_db()
    assert signup.email == ""
    settings.AVK_SIGNUP_RETENTION_DAYS = 10
    other = PilotSignupFactory(pilot=pilot_ended(11))
    assert signup_services.signups_forget_ended(model=PilotSignup, today=TODAY) == 1
    other.refresh_from_db()
    assert other.name == ""


def test_several_forgotten_sign_ups_of_one_offer_are_no_duplicate_address():
    """The one-confirmed-sign-up-per-address rule does not count blanked addresses."""
    pilot = pilot_ended(400)
    PilotSignupFactory.create_batch(3, pilot=pilot, status=SignupStatus.ACCEPTED)
    assert forget(PilotSignup) == 3
    assert PilotSignup.objects.filter(pilot=pilot, email="").count() == 3


def test_a_partners_team_keeps_its_learning_record(partner_a):
    """What the person typed in goes; the link to the team member it was and whether
    they attended stay: the partner's page keeps showing who of its team took part."""
    person = PersonFactory(name="Anouk Smit", partner=partner_a)
    TeamMember.objects.create(partner=partner_a, person=person, role="bestuurder")
    course = course_ended(500)
    signup = CourseSignupFactory(course=course, person=person, attended=True)
    assert forget(CourseSignup) == 1
    signup.refresh_from_db()
    assert (signup.email, signup.person, signup.attended) == ("", person, True)
    assert [row.person.name for row in team_attendance(partner_a)] == ["Anouk Smit"]


def test_staff_see_that_the_details_are_gone_and_cannot_decide(client, staff):
    pilot = pilot_ended(400)
    signup = PilotSignupFactory(pilot=pilot, name="Jet Jansen", status=SignupStatus.WAITLISTED)
    forget(PilotSignup)
    signup.refresh_from_db()
    client.force_login(staff)
    page = client.get(reverse("movement:pilot_participants", args=[pilot.pk])).content.decode()
    assert "Gegevens verwijderd" in page
    decide = reverse("movement:pilot_signup_decide", args=[signup.pk])
    assert decide not in page
    with pytest.raises(ValidationError):
        signup_services.signup_decide(signup=signup, decision="accept", actor=staff)
    response = client.post(decide, {"decision": "accept"}, follow=True)
    assert "gegevens van deze aanmelding zijn verwijderd" in response.content.decode()
    signup.refresh_from_db()
    assert signup.status == SignupStatus.WAITLISTED
    assert not OutgoingMail.objects.exists()  # nobody to mail
    _header, rows = confirmed_signups_csv(pilot)
    assert rows[0][0] == "Gegevens verwijderd" and rows[0][1] == ""


def test_the_clean_up_runs_daily_from_beat_for_every_kind(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["signups-forget-ended"]
    assert entry["task"] == "movement.tasks.forget_ended_signups"
    PilotSignupFactory(pilot=pilot_ended(400))
    MorningSignupFactory(morning=morning_on(400))
    CourseSignupFactory(course=course_ended(400))
    assert forget_ended_signups.delay().get() == 3
    assert forget_ended_signups.delay().get() == 0


def test_the_sign_up_form_says_how_long_the_details_are_kept(client, settings):
    pilot = PilotFactory()
    page = client.get(reverse("movement:pilot_detail", args=[pilot.pk])).content.decode()
    assert "We verwijderen je gegevens 365 dagen na afloop" in page
    settings.AVK_SIGNUP_RETENTION_DAYS = 90  # the kept form fields follow the setting
    page = client.get(reverse("movement:pilot_detail", args=[pilot.pk])).content.decode()
    assert "We verwijderen je gegevens 90 dagen na afloop" in page


def test_the_attendance_list_of_an_old_course_says_whose_details_were_deleted(client, staff):
    course = course_ended(400)
    signup = CourseSignupFactory(course=course, name="Jet Jansen")
    forget(CourseSignup)
    client.force_login(staff)
    page = client.get(reverse("movement:course_attendance", args=[course.pk])).content.decode()
    assert f"Gegevens verwijderd #{signup.pk}" in page and "Jet Jansen" not in page
