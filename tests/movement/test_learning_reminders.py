"""The reminder the day before: to everyone with a place in what starts tomorrow, once."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from avk.models import OutgoingMail
from movement.models import Course, SignupStatus
from movement.services import learning as services
from movement.tasks import course_reminders
from tests.movement.factories_learning import CourseFactory, CourseSignupFactory, in_days

pytestmark = pytest.mark.django_db


def _at(days, hour, minute=0):
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


@pytest.fixture
def tomorrow():
    """A meeting tomorrow with one of each status, and one the day after."""
    course = CourseFactory(
        title="De halve maan", starts_at=_at(1, 0, 5), ends_at=_at(1, 16), capacity=10
    )
    people = {
        status: CourseSignupFactory(course=course, status=status, name=f"Mens {status}")
        for status in [
            SignupStatus.REGISTERED,
            SignupStatus.ACCEPTED,
            SignupStatus.WAITLISTED,
            SignupStatus.DECLINED,
        ]
    }
    people["unconfirmed"] = CourseSignupFactory(
        course=course, status=SignupStatus.UNCONFIRMED, confirmed_at=None
    )
    people["withdrawn"] = CourseSignupFactory(
        course=course, status=SignupStatus.WITHDRAWN, name="", email="", token_hash=None
    )
    later = CourseFactory(starts_at=_at(2, 0, 5), ends_at=_at(2, 12))
    CourseSignupFactory(course=later, name="Later")
    today = CourseFactory(starts_at=_at(0, 23, 55), ends_at=_at(1, 1))
    CourseSignupFactory(course=today, name="Vandaag")
    draft = CourseFactory(status=Course.Status.DRAFT, starts_at=_at(1, 10), ends_at=_at(1, 12))
    CourseSignupFactory(course=draft, name="Concept")
    return course, people


def test_everyone_with_a_place_tomorrow_gets_one_reminder_with_the_withdraw_link(
    tomorrow, client, django_capture_on_commit_callbacks
):
    course, people = tomorrow
    with django_capture_on_commit_callbacks(execute=True):
        assert course_reminders.delay().get() == 2
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [people["registered"].email, people["accepted"].email]
    )
    message = mail.outbox[0]
    assert message.subject == "Morgen: “De halve maan”"
    html = message.alternatives[0][0]
    for body in (message.body, html):
        assert "Morgen is “De halve maan”" in body
        assert course.period in body
        assert "Kun je toch niet komen?" in body
        assert "/beweging/leren/aanmelding/" in body and "/afmelden/" in body
    # The link in the mail works, and the sent row forgets it.
    link = next(w for w in message.body.split() if "/afmelden/" in w)
    path = link.split("://", 1)[1].split("/", 1)[1]
    assert client.get("/" + path).status_code == 200
    assert {row.context["withdraw_link"] for row in OutgoingMail.objects.all()} == {""}

    # A retry or a second run sends nothing more.
    with django_capture_on_commit_callbacks(execute=True):
        assert course_reminders.delay().get() == 0
        assert services.course_reminders_send() == 0
    assert len(mail.outbox) == 2


def test_nobody_is_reminded_of_what_is_not_tomorrow(tomorrow):
    _course, _people = tomorrow
    now = timezone.now()
    assert services.course_reminders_send(now=now + datetime.timedelta(days=5)) == 0
    # Yesterday's view of "tomorrow" is today: the one at 23:55 tonight.
    assert services.course_reminders_send(now=now - datetime.timedelta(days=1)) == 1
    assert OutgoingMail.objects.get().context["name"] == "Vandaag"


def test_a_course_moved_to_another_day_is_reminded_again_for_that_day(tomorrow):
    course, _people = tomorrow
    assert services.course_reminders_send() == 2
    Course.objects.filter(pk=course.pk).update(starts_at=_at(3, 10), ends_at=_at(3, 12))
    now = timezone.now() + datetime.timedelta(days=2)
    assert services.course_reminders_send(now=now) == 2  # the course of the 3rd day
    assert OutgoingMail.objects.count() == 4


def test_withdrawing_after_the_reminder_deletes_it_from_the_outbox(tomorrow, client):
    from movement.services.signup_links import withdraw_token

    _course, people = tomorrow
    services.course_reminders_send()
    holder = people["registered"]
    assert OutgoingMail.objects.filter(to=holder.email).exists()
    client.post(
        reverse("movement:course_signup_withdraw", args=[withdraw_token(holder)]),
        {"confirm": "yes"},
    )
    assert not OutgoingMail.objects.filter(to=holder.email).exists()


def test_the_reminder_runs_daily_on_beat(settings):
    entries = {e["task"]: e for e in settings.CELERY_BEAT_SCHEDULE.values()}
    assert "movement.tasks.course_reminders" in entries
    assert "movement.tasks.expire_course_signups" in entries


def test_the_factory_default_is_not_tomorrow():
    # The other tests' courses start in ten days: nobody is reminded of them by accident.
    CourseSignupFactory(course=CourseFactory(starts_at=in_days(10)))
    assert services.course_reminders_send() == 0
