import datetime

import factory
from django.utils import timezone

from movement.models import Pilot, PilotSignup, SignupStatus
from movement.services.signup_links import token_hash


class PilotFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Pilot

    title = factory.Sequence(lambda n: f"Pilot visie vorming {n}")
    description = "Samen handen en voeten geven aan de visie."
    place = "Veendam"
    starts_on = datetime.date(2026, 3, 1)
    ends_on = datetime.date(2026, 6, 30)
    capacity = 3
    status = Pilot.Status.OPEN


class PilotSignupFactory(factory.django.DjangoModelFactory):
    """A confirmed sign-up with a place; `status=` and `confirmed_at=None` for others."""

    class Meta:
        model = PilotSignup

    pilot = factory.SubFactory(PilotFactory)
    name = factory.Sequence(lambda n: f"Deelnemer {n}")
    email = factory.Sequence(lambda n: f"deelnemer{n}@example.org")
    organisation = "Cosis"
    municipality_text = "Veendam"
    motivation = "Ik doe graag mee."
    consented_at = factory.LazyFunction(timezone.now)
    token_hash = factory.Sequence(lambda n: token_hash(f"factory-token-{n}"))
    status = SignupStatus.REGISTERED
    confirmed_at = factory.LazyFunction(timezone.now)
