"""Demo open mornings of the programme team. The memo of 2 June 2025: the programme team
works on location at a rotating partner one morning a week, and "mensen kunnen dan
aanhaken".

Wednesday mornings: the last PAST_WEEKS ones and the next COMING_WEEKS, each at the
partner whose turn it was (movement.selectors.mornings.next_host), with a few people who
said they join. The people are made up and say so by their @example.org addresses.

Idempotent: a morning is found by its date (a date that has one is left alone), a
sign-up by its address among the mornings to come. Run on a later day, it adds the weeks
that came, and who joined a morning that has passed joins one of the next again.
"""

import datetime
import secrets

from django.utils import timezone

from movement.models import MorningSignup, SignupStatus, TeamMorning
from movement.selectors.mornings import WEDNESDAY, next_host
from movement.services.signup_links import token_hash
from partners.models import Municipality

PAST_WEEKS = 4
COMING_WEEKS = 8

# (which coming morning: 0 is the next, name, e-mail, organisation, town, what about)
JOINERS = [
    (
        0,
        "Demo-bezoeker Gijs",
        "gijs.demo@example.org",
        "Gemeente Pekela",
        "Pekela",
        "Hoe betrekken we ervaringsdeskundigen bij ons plan?",
    ),
    (0, "Demo-bezoeker Hanna", "hanna.demo@example.org", "VNN", "Veendam", ""),
    (
        0,
        "Demo-bezoeker Ilse",
        "ilse.demo@example.org",
        "Noorderpoort",
        "Stadskanaal",
        "Kennismaken met het programmateam.",
    ),
    (1, "Demo-bezoeker Joost", "joost.demo@example.org", "Afeer", "Emmen", ""),
]


def _wednesdays(today: datetime.date) -> tuple[list[datetime.date], list[datetime.date]]:
    next_one = today + datetime.timedelta(days=(WEDNESDAY - today.weekday()) % 7)
    past = [next_one - datetime.timedelta(weeks=n) for n in range(PAST_WEEKS, 0, -1)]
    coming = [next_one + datetime.timedelta(weeks=n) for n in range(COMING_WEEKS)]
    return past, coming


def build(today: datetime.date | None = None) -> list[TeamMorning]:
    """The mornings, oldest first, and the people who join the next ones."""
    today = today or timezone.localdate()
    past, coming = _wednesdays(today)
    mornings = []
    for day in past + coming:
        morning = TeamMorning.objects.filter(date=day, status=TeamMorning.Status.PLANNED).first()
        if morning is None:
            host = next_host()
            town = host.municipality.name if host and host.municipality_id else ""
            morning = TeamMorning.objects.create(
                date=day,
                host=host,
                place=town if host else "Veendam",
                note="Loop gerust binnen. Koffie staat klaar.",
            )
        mornings.append(morning)
    upcoming = mornings[PAST_WEEKS:]
    municipalities = {m.name: m for m in Municipality.objects.filter(successor__isnull=True)}
    now = timezone.now()
    for number, (index, name, email, organisation, town, about) in enumerate(JOINERS):
        moment = now - datetime.timedelta(days=len(JOINERS) - number)
        # Their sign-up for a morning still to come; one that has passed stays as it was.
        signup = MorningSignup.objects.filter(email=email, morning__date__gte=today).first()
        if signup is None:
            signup = MorningSignup(
                morning=upcoming[index],
                email=email,
                token_hash=token_hash(secrets.token_urlsafe(32)),
            )
        signup.name = name
        signup.organisation = organisation
        signup.municipality = municipalities.get(town)
        signup.municipality_text = "" if signup.municipality else town
        signup.motivation = about
        signup.consented_at = moment
        signup.confirmed_at = moment
        signup.decided_at = moment
        signup.status = SignupStatus.REGISTERED
        signup.save()
    return mornings
