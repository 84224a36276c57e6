"""Factories for stories (Experience, Consent), spotlights, and the experience experts who
review the stories."""

import datetime

import factory

from governance.models import Body, Seat
from monitoring.models import Consent, Experience, Spotlight
from monitoring.models.indicators import Visibility
from tests.factories import BodyFactory, PersonFactory, SeatFactory, UserFactory

LONG_AGO = datetime.date(2024, 1, 1)


class ExperienceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Experience

    title = factory.Sequence(lambda n: f"Ervaring {n}")
    story = "Ik kon de huur niet betalen. Via school kreeg ik hulp."
    review = Experience.Review.APPROVED


class ConsentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Consent

    experience = factory.SubFactory(ExperienceFactory)
    scope = Visibility.PARTNERS
    given_on = LONG_AGO


def story(*, scope=Visibility.PUBLIC, review=Experience.Review.APPROVED, **kwargs) -> Experience:
    """A story with one current consent of `scope`."""
    experience = ExperienceFactory(review=review, **kwargs)
    ConsentFactory(experience=experience, scope=scope)
    return experience


class SpotlightFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Spotlight

    title = factory.Sequence(lambda n: f"Uitgelicht {n}")
    text = "Dit gaat goed."
    starts_on = LONG_AGO


def ed_body() -> Body:
    body = Body.objects.filter(kind=Body.Kind.ED_MEDEZEGGENSCHAP).first()
    return body or BodyFactory(
        kind=Body.Kind.ED_MEDEZEGGENSCHAP,
        name="Medezeggenschap ervaringsdeskundigen",
        short_name="ED",
    )


def ed_member(email="lineke@example.org", role=Seat.Role.EXPERIENCE_EXPERT, **seat):
    """A user with a seat in the experience experts' body (a reviewer for speaking roles)."""
    user = UserFactory(email=email)
    person = PersonFactory(name=email.split("@")[0].title(), email=email, user=user)
    SeatFactory(person=person, body=ed_body(), role=role, **seat)
    return user
