"""Demo stories (ervaringen) with consent, and two spotlights.

The stories are made up for the demo, in the alliance's own words (seed memo 2025: "meer
inzicht in de ervaringen van de mensen voor wie we het doen"); every title says "Voorbeeld"
and every story ends by saying it is not real. All are anonymous.
"""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from monitoring.models import Consent, Experience, Spotlight
from monitoring.models.indicators import Visibility
from partners.models import Intervention, Municipality, Partner, Person

DEMO_NOTE = "\n\n(Dit is een voorbeeldverhaal voor de demo. Het is niet echt gebeurd.)"


def _at(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(10, 0)))


# (title, story, municipality, partner, submitted by, consent scope, given on,
#  review, reviewer e-mail, withdrawn on)
STORIES = [
    (
        "Voorbeeld: Zonder afspraak naar het spreekuur",
        "Ik durfde lang niet te zeggen dat ik de rekeningen niet meer kon betalen. In de "
        "bibliotheek zag ik het geldzorgen-spreekuur. Ik hoefde geen afspraak te maken. Er "
        "zat iemand die gewoon luisterde. Samen hebben we de post opengemaakt. Nu weet ik "
        "weer waar ik sta. Mijn kinderen merken dat ik rustiger ben.",
        "Veendam",
        "GKB",
        "programmaleider@avk.example",
        Visibility.PUBLIC,
        datetime.date(2025, 3, 10),
        Experience.Review.APPROVED,
        "lineke@avk.example",
        None,
    ),
    (
        "Voorbeeld: Eerst rust, dan de schulden",
        "Bij de hulpverlening moest ik steeds opnieuw mijn verhaal doen. Iedereen wilde iets "
        "anders van me. Mijn begeleider van Cosis zei: we beginnen met rust. Eerst een dak "
        "boven mijn hoofd, daarna pas de schulden. Dat was de eerste keer dat iemand naast "
        "me stond in plaats van tegenover me.",
        "Stadskanaal",
        "Cosis",
        "redacteur.cosis@avk.example",
        Visibility.PARTNERS,
        datetime.date(2025, 9, 15),
        Experience.Review.WAITING,
        None,
        None,
    ),
    (
        "Voorbeeld: Een opleiding die wel paste",
        "Ik ben gestopt met school toen mijn moeder ziek werd. Thuis was er nooit geld. "
        "Later durfde ik niet meer terug naar school. Bij Noorderpoort mocht ik in mijn "
        "eigen tempo leren. Nu heb ik een diploma en een baan in de zorg.",
        "Emmen",
        "Noorderpoort",
        "programmaleider@avk.example",
        Visibility.PUBLIC,
        datetime.date(2025, 4, 2),
        Experience.Review.APPROVED,
        "nico@avk.example",
        datetime.date(2025, 11, 3),
    ),
]

# (title, text, partner, intervention title, story title, public, starts on)
SPOTLIGHTS = [
    (
        "Voorbeeld: Noorderpoort: leren in je eigen tempo",
        "Noorderpoort helpt jongeren die zijn gestopt met school om toch een diploma te halen.",
        "Noorderpoort",
        None,
        None,
        False,
        datetime.date(2025, 10, 1),
    ),
    (
        "Voorbeeld: Verhaal van de maand",
        "Een inwoner van Veendam vertelt wat het spreekuur in de bibliotheek voor haar betekende.",
        None,
        None,
        "Voorbeeld: Zonder afspraak naar het spreekuur",
        True,
        datetime.date(2025, 10, 1),
    ),
]


def build() -> None:
    users = {u.email: u for u in get_user_model().objects.filter(email__endswith="@avk.example")}
    people = {p.email: p for p in Person.objects.filter(email__endswith="@avk.example")}
    municipalities = {m.name: m for m in Municipality.objects.all()}
    partners = {p.name: p for p in Partner.objects.all()}
    staff = users.get("programmaleider@avk.example")
    experiences = {}
    for (
        title,
        story,
        municipality,
        partner,
        submitter,
        scope,
        given_on,
        review,
        reviewer,
        withdrawn_on,
    ) in STORIES:
        experience, _created = Experience.objects.update_or_create(
            title=title,
            defaults={
                "story": story + DEMO_NOTE,
                "teller_name": "",
                "municipality": municipalities.get(municipality),
                "partner": partners.get(partner),
                "submitted_by": users.get(submitter),
                "review": review,
                "reviewed_by": people.get(reviewer) if reviewer else None,
                "reviewed_at": _at(given_on + datetime.timedelta(days=7)) if reviewer else None,
            },
        )
        Consent.objects.update_or_create(
            experience=experience,
            given_on=given_on,
            defaults={
                "scope": scope,
                "recorded_by": users.get(submitter),
                "withdrawn_at": _at(withdrawn_on) if withdrawn_on else None,
                "withdrawn_by": staff if withdrawn_on else None,
            },
        )
        experiences[title] = experience
    for title, text, partner, intervention, story, public, starts_on in SPOTLIGHTS:
        Spotlight.objects.update_or_create(
            title=title,
            defaults={
                "text": text,
                "partner": partners.get(partner) if partner else None,
                "intervention": (
                    Intervention.objects.filter(title=intervention).first()
                    if intervention
                    else None
                ),
                "experience": experiences.get(story) if story else None,
                "is_public": public,
                "starts_on": starts_on,
                "ends_on": None,
                "created_by": staff,
            },
        )
