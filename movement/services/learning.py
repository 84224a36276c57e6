"""Writes of the learning offer: staff publish courses and learning meetings, record who
attended; anyone signs up; the day before, everyone with a place gets a reminder.

The sign-up rules (double opt-in, places, waiting list, withdrawing, expiry) are shared
with the other kinds of sign-up and live in movement.services.signups. What is particular
here: a sign-up is linked to the partners' Person whose address it is, and a logged-in
person who signs up with an address of theirs that the portal has verified (allauth, at
sign-up of the account) is confirmed at once, without a second mail to prove the address.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from avk.audit import audit_group, audit_record
from avk.emails import FORGET, mail_queue_many
from movement.models import PLACE_HOLDING, Course, CourseSignup
from movement.selectors.learning import is_verified_address, person_for_address, person_of
from movement.services import signups
from movement.services.offers import offer_create, offer_update
from movement.services.signup_mails import mail_key, withdraw_link

COURSE_FIELDS = [
    "kind",
    "title",
    "description",
    "starts_at",
    "ends_at",
    "place",
    "capacity",
    "status",
]


def course_create(*, actor, **values) -> Course:
    """Publish a new course or meeting (as a draft, or open at once). Raises
    ValidationError for an end that is not after the start or fewer than 1 place."""
    return offer_create(
        model=Course, fields=COURSE_FIELDS, actor=actor, action="course.created", values=values
    )


def course_update(*, course: Course, actor, **values) -> Course:
    """Change a course (movement.services.offers.offer_update)."""
    return offer_update(
        offer=course, fields=COURSE_FIELDS, actor=actor, action="course.changed", values=values
    )


# --- sign-ups -------------------------------------------------------------------------


def _link_person(signup: CourseSignup, person) -> None:
    if person is not None:
        CourseSignup.objects.filter(pk=signup.pk).update(person=person)
        signup.person = person


def course_signup_create(*, course: Course, **values) -> tuple[CourseSignup, str]:
    """Sign someone up for `course` and mail them the confirmation link (see
    movement.services.signups.signup_create). The sign-up is linked to the Person whose
    address it is, if the portal knows one: it counts only once that address confirms."""
    with transaction.atomic():
        signup, token = signups.signup_create(model=CourseSignup, offer=course, **values)
        _link_person(signup, person_for_address(signup.email))
    return signup, token


def course_signup_create_verified(*, course: Course, user, **values) -> tuple[str, object]:
    """Sign up a logged-in person with one of their own verified addresses: no mail to
    prove the address (the login did), so the sign-up is confirmed at once and takes a
    place or goes on the waiting list. Linked to their Person (or the Person of that
    address). Returns the outcome and the sign-up as signup_confirm does; the person gets
    the usual mail with their place and the withdraw link. Raises ValidationError when the
    address is not one the user has verified, or for anything signup_create refuses."""
    email = (values.get("email") or "").strip()
    if not is_verified_address(user, email):
        raise ValidationError(
            {"email": _("Use the e-mail address of your account, or log out to sign up.")}
        )
    person = person_of(user) or person_for_address(email)
    with transaction.atomic():
        signup, token = signups.signup_create(
            model=CourseSignup, offer=course, confirmation_mail=False, **values
        )
        _link_person(signup, person)
        return signups.signup_confirm(model=CourseSignup, token=token)


def course_signup_confirm(*, token: str, now=None):
    return signups.signup_confirm(model=CourseSignup, token=token, now=now)


def course_signup_withdraw(*, token: str) -> bool:
    return signups.signup_withdraw(model=CourseSignup, token=token)


def course_signup_decide(*, signup: CourseSignup, decision: str, actor) -> CourseSignup:
    return signups.signup_decide(signup=signup, decision=decision, actor=actor)


def course_signups_expire(*, now=None) -> int:
    return signups.signups_expire(model=CourseSignup, now=now)


# --- attendance -----------------------------------------------------------------------


def course_attendance_record(
    *, course: Course, actor, shown: set[int], present: set[int], now=None
) -> int:
    """Record who attended `course`: of the people with a place that staff were `shown`,
    those in `present` attended and the others did not. Every change is audited.

    Only once the course has started, and only for people with a place. When the list
    changed since staff opened it (someone withdrew, moved up or was declined), nothing
    is saved: they check the list again. Returns how many sign-ups changed.
    """
    now = now or timezone.now()
    if not present <= shown:
        raise ValidationError(_("Tick only people on the list."))
    with transaction.atomic():
        course = Course.objects.select_for_update().get(pk=course.pk)
        if not course.has_started(now):
            raise ValidationError(_("You can record who attended once it has started."))
        holders = {
            signup.pk: signup
            for signup in CourseSignup.objects.select_for_update()
            .filter(course=course, status__in=PLACE_HOLDING)
            .order_by()
        }
        if set(holders) != shown:
            raise ValidationError(
                _(
                    "The list of participants changed while you were filling it in. "
                    "Check it and save again."
                )
            )
        changed = 0
        for pk, signup in holders.items():
            attended = pk in present
            if signup.attended is attended:
                continue
            old, signup.attended = signup.attended, attended
            signup.save(update_fields=["attended", "updated_at"])
            audit_record(
                actor=actor,
                instance=signup,
                action="signup.attendance",
                changes={"attended": [_flag(old), _flag(attended)]},
                group=audit_group("course", course.pk),
            )
            changed += 1
    return changed


def _flag(value) -> str:
    return "" if value is None else ("yes" if value else "no")


# --- the reminder the day before ------------------------------------------------------


def _tomorrow(now) -> tuple[datetime.datetime, datetime.datetime]:
    """The start and end of tomorrow in the portal's time zone."""
    today = timezone.localtime(now).date()
    start = datetime.datetime.combine(today + datetime.timedelta(days=1), datetime.time())
    zone = timezone.get_default_timezone()
    return (
        timezone.make_aware(start, zone),
        timezone.make_aware(start + datetime.timedelta(days=1), zone),
    )


def course_reminders_send(*, now=None) -> int:
    """Queue the reminder for everyone with a place in a course or meeting that starts
    tomorrow (not a draft): one mail each, with the withdraw link. Idempotent: the mail's
    key holds the sign-up and the day, so a retry or a second run queues nothing more
    (and a course moved to another day gets a reminder for the new day). The key starts
    as every mail of the sign-up does, so withdrawing deletes it with the others.
    Returns how many mails were queued."""
    start, end = _tomorrow(now or timezone.now())
    courses = Course.objects.exclude(status=Course.Status.DRAFT).filter(
        starts_at__gte=start, starts_at__lt=end
    )
    messages = []
    language = settings.LANGUAGE_CODE
    for course in courses.order_by("pk"):
        with translation.override(language):
            facts = course.mail_facts()
        day = f"{timezone.localtime(course.starts_at):%Y%m%d}"
        for signup in course.signups.filter(status__in=PLACE_HOLDING).order_by("pk"):
            messages.append(
                {
                    # The shared key scheme: withdrawing deletes every mail of the sign-up.
                    "key": mail_key(signup, f"reminder:{day}"),
                    "to": signup.email,
                    "name": "course_reminder",
                    "language": language,
                    "context": {
                        "name": signup.name,
                        "offer": facts,
                        "withdraw_link": withdraw_link(signup),
                        FORGET: ["withdraw_link"],
                    },
                }
            )
    with transaction.atomic():
        return mail_queue_many(messages)
