import datetime

import factory
from allauth.account.models import EmailAddress

from avk.models import User
from governance.models import Body, Seat
from partners.models import Commitment, Partner, PartnerMembership, Person


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.org")
    full_name = factory.Faker("name", locale="nl_NL")
    password = factory.django.Password("correct-horse-battery")

    @factory.post_generation
    def verified(obj, create, extracted, **kwargs):
        if create and extracted is not False:
            EmailAddress.objects.create(user=obj, email=obj.email, verified=True, primary=True)


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partner
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Partner {n}")
    kind = Partner.Kind.WELZIJN
    municipality = None

    @factory.post_generation
    def package(obj, create, extracted, **kwargs):
        """`package=` records that package as the partner's commitment, in effect since 2024."""
        if create and extracted is not None:
            Commitment.objects.create(
                partner=obj,
                package=extracted,
                period_start=datetime.date(2024, 1, 1),
                status=Commitment.Status.IN_EFFECT,
            )


def package_of(partner: Partner):
    """The partner's package today, as every page reads it."""
    from partners.selectors.commitment import current_commitment

    current = current_commitment(partner)
    return current.package if current else None


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Faker("name", locale="nl_NL")
    email = factory.Sequence(lambda n: f"person{n}@example.org")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PartnerMembership

    user = factory.SubFactory(UserFactory)
    partner = factory.SubFactory(PartnerFactory)
    is_editor = True


class BodyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Body

    kind = Body.Kind.DB
    name = factory.Sequence(lambda n: f"Body {n}")
    short_name = factory.Sequence(lambda n: f"B{n}")


class SeatFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Seat

    person = factory.SubFactory(PersonFactory)
    body = factory.SubFactory(BodyFactory)
    role = Seat.Role.MEMBER
    term_start = datetime.date(2024, 1, 1)
