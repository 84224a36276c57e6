import datetime

import factory
from django.utils import timezone

from movement.models import Course, CourseSignup, SignupStatus
from movement.services.signup_links import token_hash


def in_days(days: float, hour: int = 14) -> datetime.datetime:
    """A moment `days` from today at `hour` o'clock in the portal's time zone."""
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


class CourseFactory(factory.django.DjangoModelFactory):
    """An open learning meeting in ten days, 14:00-16:00, with 3 places."""

    class Meta:
        model = Course

    kind = Course.Kind.MEETING
    title = factory.Sequence(lambda n: f"Meer kennis over minder armoede {n}")
    description = "Van en met elkaar leren wat werkt."
    place = "Veendam"
    starts_at = factory.LazyFunction(lambda: in_days(10))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=2))
    capacity = 3
    status = Course.Status.OPEN


class CourseSignupFactory(factory.django.DjangoModelFactory):
    """A confirmed sign-up with a place; `status=` and `confirmed_at=None` for others."""

    class Meta:
        model = CourseSignup

    course = factory.SubFactory(CourseFactory)
    name = factory.Sequence(lambda n: f"Deelnemer {n}")
    email = factory.Sequence(lambda n: f"leerling{n}@example.org")
    organisation = "Cosis"
    municipality_text = "Veendam"
    consented_at = factory.LazyFunction(timezone.now)
    token_hash = factory.Sequence(lambda n: token_hash(f"learning-token-{n}"))
    status = SignupStatus.REGISTERED
    confirmed_at = factory.LazyFunction(timezone.now)
