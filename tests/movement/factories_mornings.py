import datetime

import factory
from django.utils import timezone

from movement.models import MorningSignup, SignupStatus, TeamMorning
from movement.services.signup_links import token_hash
from tests.factories import PartnerFactory


class TeamMorningFactory(factory.django.DjangoModelFactory):
    """A planned morning in the coming weeks (each on its own date)."""

    class Meta:
        model = TeamMorning

    date = factory.Sequence(lambda n: timezone.localdate() + datetime.timedelta(days=n + 1))
    host = factory.SubFactory(PartnerFactory)
    place = "Kerkstraat 1, Veendam"
    capacity = 3


class MorningSignupFactory(factory.django.DjangoModelFactory):
    """A confirmed sign-up with a place; `status=` and `confirmed_at=None` for others."""

    class Meta:
        model = MorningSignup

    morning = factory.SubFactory(TeamMorningFactory)
    name = factory.Sequence(lambda n: f"Bezoeker {n}")
    email = factory.Sequence(lambda n: f"bezoeker{n}@example.org")
    organisation = "Cosis"
    municipality_text = "Veendam"
    motivation = "Kennismaken."
    consented_at = factory.LazyFunction(timezone.now)
    token_hash = factory.Sequence(lambda n: token_hash(f"morning-factory-token-{n}"))
    status = SignupStatus.REGISTERED
    confirmed_at = factory.LazyFunction(timezone.now)
