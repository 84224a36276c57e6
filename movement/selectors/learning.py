"""Reads of the learning offer: the public list, staff's list, a course's participants,
its export and attendance, and what a partner's AVK team took part in.

The public pages never load sign-ups: places are counted in the database with one
aggregate query (movement.selectors.signups), and nothing of who signed up is read.
"""

import datetime

from allauth.account.models import EmailAddress
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Event

from avk.ical import ical_uid, new_calendar
from movement.models import PLACE_HOLDING, Course, CourseSignup
from movement.selectors.signups import (
    confirmed_signups_csv,
    places_left,
    with_places_taken,
    with_signup_counts,
)
from partners.models import Person
from partners.models.team import TeamRole

# A partner's page shows this many of its team's attendances, the newest first.
TEAM_LEARNING_SHOWN = 20


def upcoming_courses(now=None):
    """The courses and meetings open for sign-ups that have not started, the earliest
    first, each with `taken` places."""
    return with_places_taken(
        Course.objects.filter(status=Course.Status.OPEN, starts_at__gt=now or timezone.now())
    ).order_by("starts_at", "pk")


def public_course(pk, *, drafts: bool = False) -> Course | None:
    """An open or closed course (a draft too with `drafts`) with `taken` and `places_left`
    for its public page: one query."""
    courses = Course.objects.all() if drafts else Course.objects.exclude(status="draft")
    course = with_places_taken(courses).filter(pk=pk).first()
    if course is not None:
        course.places_left = places_left(course)
    return course


def staff_courses():
    """Every course for staff, the latest first, with its sign-up counts."""
    return with_signup_counts(Course.objects.all()).order_by("-starts_at", "-pk")


def attendance_list(course: Course) -> list[CourseSignup]:
    """Who has a place in `course`: the people whose attendance staff record (at most the
    course's capacity, so the list stays bounded)."""
    return list(
        CourseSignup.objects.filter(course=course, status__in=PLACE_HOLDING).order_by("name", "pk")
    )


def participants_csv(course: Course) -> tuple[list[str], list[list]]:
    """The header and rows of a course's participant export, with who attended."""
    return confirmed_signups_csv(course, extra=[(_("Attended"), _attended)])


def _attended(signup: CourseSignup) -> str:
    return "" if signup.attended is None else (_("Yes") if signup.attended else _("No"))


# --- who signs up ---------------------------------------------------------------------


def person_of(user) -> Person | None:
    """The partners' Person of a logged-in user (one query), or None."""
    if not user.is_authenticated:
        return None
    return Person.objects.select_related("partner").filter(user=user).first()


def is_verified_address(user, email: str) -> bool:
    """Whether `email` is an address the logged-in `user` has verified (allauth)."""
    if not user.is_authenticated or not email:
        return False
    return EmailAddress.objects.filter(user=user, email__iexact=email, verified=True).exists()


def person_for_address(email: str) -> Person | None:
    """The Person whose e-mail address this is (addresses are unique per person)."""
    if not email:
        return None
    return Person.objects.filter(email__iexact=email).first()


def own_signup(course: Course, person: Person | None) -> CourseSignup | None:
    """The logged-in person's own confirmed sign-up for `course`, for its page."""
    if person is None:
        return None
    return (
        CourseSignup.objects.filter(course=course, person=person)
        .exclude(status__in=["unconfirmed", "withdrawn"])
        .order_by("-pk")
        .first()
    )


# --- a partner's AVK team -------------------------------------------------------------


def team_attendance(partner, *, limit: int = TEAM_LEARNING_SHOWN) -> list[CourseSignup]:
    """The courses and meetings the people of `partner`'s AVK team attended, the newest
    first, at most `limit` (one query; `role` is the person's role in the team).

    Only people with a place count: who was declined or withdrew is not shown.
    """
    rows = list(
        CourseSignup.objects.filter(
            attended=True,
            status__in=PLACE_HOLDING,
            person__team_memberships__partner=partner,
        )
        .select_related("course", "person")
        # The join of the filter above: one row per attendance, with the member's role.
        .annotate(role=F("person__team_memberships__role"))
        .only("pk", "course__title", "course__kind", "course__starts_at", "person__name")
        .order_by("-course__starts_at", "person__name", "pk")[:limit]
    )
    for row in rows:
        row.role_label = TeamRole(row.role).label if row.role in TeamRole.values else ""
    return rows


# --- the calendar ---------------------------------------------------------------------


def course_calendar(*, course: Course, url: str = "", now=None) -> bytes:
    """The course as a VCALENDAR with one VEVENT (RFC 5545), encoded for the response.
    Its UID stays the same, so a calendar updates the entry when the course moves."""
    event = Event.new(
        uid=ical_uid(f"movement-course-{course.pk}"),
        stamp=(now or timezone.now()).astimezone(datetime.UTC),
        start=course.starts_at.astimezone(datetime.UTC),
        end=course.ends_at.astimezone(datetime.UTC),
        summary=course.title,
        location=course.place,
        description=course.description,
        url=url or None,
        last_modified=course.updated_at.astimezone(datetime.UTC) if course.updated_at else None,
    )
    calendar = new_calendar()
    calendar.add_component(event)
    return calendar.to_ical()
