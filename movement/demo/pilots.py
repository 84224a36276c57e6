"""Demo pilots “visie vorming en vertaling in actie” (memo of 2 June 2025): “Kijken of we
met een paar partners op logische plekken dit kunnen doen. We vragen via een mail aan alle
nieuwsbrief lezers (4000) wie er mee wil doen. We begeleiden dit vanuit de AVK.”

Two pilots at the partners of the effort “Onboarding en pilots visievorming” of phase plan 3,
with a few confirmed sign-ups and one person on the waiting list. The people are made up
and say so by their @example.org addresses.

Idempotent: a pilot is found by its title, a sign-up by its pilot and address.
"""

import datetime
import secrets

from django.utils import timezone

from movement.models import Pilot, PilotSignup, SignupStatus
from movement.services.signup_links import token_hash
from partners.models import Municipality
from reflection.models import Effort

DESCRIPTION = (
    "Pilot “visie vorming en vertaling in actie”. Samen handen en voeten geven aan de visie "
    "van de AVK: begrippen laden zoals effectiviteit en maatwerk, en kijken wat dat betekent "
    "voor de praktijk. We doen dit met een paar partners op logische plekken en we begeleiden "
    "dit vanuit de AVK."
)

# (title, place, start, end, capacity)
PILOTS = [
    (
        "Visie vorming en vertaling in actie — Cosis",
        "Cosis",
        datetime.date(2025, 11, 1),
        datetime.date(2026, 4, 30),
        12,
    ),
    (
        "Visie vorming en vertaling in actie — CMO STAMM",
        "CMO STAMM",
        datetime.date(2026, 1, 1),
        datetime.date(2026, 6, 30),
        3,
    ),
]

# (pilot index, name, e-mail, organisation, municipality, motivation, status)
SIGNUPS = [
    (
        0,
        "Demo-deelnemer Anna",
        "anna.demo@example.org",
        "Cosis",
        "Veendam",
        "Ik wil de visie graag vertalen naar ons team.",
        SignupStatus.ACCEPTED,
    ),
    (
        0,
        "Demo-deelnemer Bram",
        "bram.demo@example.org",
        "Gemeente Stadskanaal",
        "Stadskanaal",
        "Begrippen als maatwerk samen laden.",
        SignupStatus.REGISTERED,
    ),
    (
        1,
        "Demo-deelnemer Carla",
        "carla.demo@example.org",
        "CMO STAMM",
        "Oldambt",
        "",
        SignupStatus.REGISTERED,
    ),
    (
        1,
        "Demo-deelnemer Daan",
        "daan.demo@example.org",
        "Noorderpoort",
        "Pekela",
        "Wat betekent effectiviteit voor ons onderwijs?",
        SignupStatus.REGISTERED,
    ),
    (
        1,
        "Demo-deelnemer Eva",
        "eva.demo@example.org",
        "Leger des Heils",
        "Emmen",
        "",
        SignupStatus.REGISTERED,
    ),
    (
        1,
        "Demo-deelnemer Fleur",
        "fleur.demo@example.org",
        "GKB",
        "Veendam",
        "Graag, als er plek komt.",
        SignupStatus.WAITLISTED,
    ),
]


def build() -> list[Pilot]:
    """The pilots and their sign-ups (after reflection: they link to its effort)."""
    effort = Effort.objects.filter(title="Onboarding en pilots visievorming").first()
    pilots = []
    for title, place, start, end, capacity in PILOTS:
        pilot, _created = Pilot.objects.update_or_create(
            title=title,
            defaults={
                "description": DESCRIPTION,
                "place": place,
                "starts_on": start,
                "ends_on": end,
                "capacity": capacity,
                "effort": effort,
                "status": Pilot.Status.OPEN,
            },
        )
        pilots.append(pilot)
    municipalities = {m.name: m for m in Municipality.objects.all()}
    now = timezone.now()
    for number, (index, name, email, organisation, place, motivation, status) in enumerate(SIGNUPS):
        moment = now - datetime.timedelta(days=len(SIGNUPS) - number)
        signup = PilotSignup.objects.filter(pilot=pilots[index], email=email).first()
        if signup is None:
            signup = PilotSignup(
                pilot=pilots[index],
                email=email,
                token_hash=token_hash(secrets.token_urlsafe(32)),
            )
        signup.name = name
        signup.organisation = organisation
        signup.municipality = municipalities.get(place)
        signup.municipality_text = "" if signup.municipality else place
        signup.motivation = motivation
        signup.consented_at = moment
        signup.confirmed_at = moment
        signup.decided_at = moment
        signup.status = status
        signup.queued_at = moment if status == SignupStatus.WAITLISTED else None
        signup.save()
    return pilots
