"""Helpers of the substitute tests: a body that lets seats be represented, a person with a
login, a substitution made straight in the database (the service is tested on its own)."""

import datetime

from django.utils import timezone

from governance.models import Body, Seat, Substitution
from tests.factories import PersonFactory, UserFactory
from tests.governance.factories_voting import with_mfa


def allow_substitutes(body: Body) -> Body:
    Body.objects.filter(pk=body.pk).update(substitutes_allowed=True)
    body.refresh_from_db()
    return body


def person_with_login(*, name=None, mfa=True):
    """A user with a Person (no seat): someone who can be named as a substitute."""
    user = UserFactory()
    person = PersonFactory(email=user.email, user=user, **({"name": name} if name else {}))
    if mfa:
        with_mfa(user)
    return person


def substitution(seat: Seat, substitute=None, *, starts_on=None, ends_on=None, days=7):
    """A substitution of `seat` (default: from today for `days` days)."""
    today = timezone.localdate()
    starts_on = starts_on or today
    return Substitution.objects.create(
        seat=seat,
        substitute=substitute or person_with_login(),
        starts_on=starts_on,
        ends_on=ends_on or starts_on + datetime.timedelta(days=days),
    )
