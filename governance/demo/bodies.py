"""Demo bodies and seats, after the governance form the DB chose on 19 June 2023.

The DB lets a seat be represented by a substitute. Its chair, Hilde Bakker, has named Anouk
Smit (a member of the steering group, not of the DB) as her substitute for two weeks from
tomorrow: the DB members still vote themselves today, and the chair's page lists it.
"""

import datetime

from django.utils import timezone

from avk.models import NotificationPreference
from avk.notifications import preferences_set
from governance.models import Body, Seat, Substitution
from governance.services.substitutes import substitution_name
from partners.models import Person

# The mandates are read by everyone, experience experts too: plain Dutch (B1), short sentences.
BODIES = [
    (
        Body.Kind.DB,
        "Dagelijks Bestuur",
        "DB",
        1,
        "Het Dagelijks Bestuur (DB) beslist hoe het programma geregeld is. Wie doet wat? "
        "Hoe sturen we samen? Waar gaat het geld naartoe? Grote besluiten legt het DB voor "
        "aan de stuurgroep.",
    ),
    (
        Body.Kind.STUURGROEP,
        "Stuurgroep",
        "SG",
        2,
        "In de stuurgroep zitten de partners die het meest meedoen (pakket A). Samen sturen "
        "zij het programma. De stuurgroep keurt het programmaplan en de faseplannen goed. Een "
        "faseplan zegt wat we de komende jaren gaan doen.",
    ),
    (
        Body.Kind.PROGRAMMATEAM,
        "Programmateam",
        "PT",
        3,
        "Het programmateam doet het dagelijkse werk. Het team maakt plannen en voert ze uit. "
        "Daarna kijkt het terug en past het de plannen aan. Een secretaris, een controller en "
        "een communicatieleider helpen het team.",
    ),
    (
        Body.Kind.LEDENRAAD,
        "Ledenraad",
        "LR",
        4,
        "In de ledenraad zitten alle partners van de alliantie. De ledenraad denkt mee over "
        "de koers: waar willen we samen naartoe? Elke partner stuurt een paar mensen. Zij "
        "komen vier keer per jaar bij elkaar.",
    ),
    (
        Body.Kind.ED_MEDEZEGGENSCHAP,
        "Medezeggenschap ervaringsdeskundigen",
        "ED",
        5,
        "Hier praten en beslissen ervaringsdeskundigen mee over het programma. Zij weten uit "
        "hun eigen leven hoe armoede is. Zij letten erop wat goed is voor de mensen om wie "
        "het gaat.",
    ),
    (
        Body.Kind.RAAD_VAN_TOEZICHT,
        "Raad van Toezicht",
        "RvT",
        6,
        "De Raad van Toezicht kijkt of het programma goed loopt. De raad let er ook op dat "
        "het geld goed besteed wordt. Er zitten ook ervaringsdeskundigen in.",
    ),
]

# (body short name, person e-mail, role); the seat represents the person's organisation.
# The DB votes with three seats (chair, member, experience expert); Gerda Veenstra, chair of
# the supervisory board, advises it.
SEATS = [
    ("DB", "hilde.bakker@avk.example", Seat.Role.CHAIR),
    ("DB", "db-lid@avk.example", Seat.Role.MEMBER),
    ("DB", "gerda.veenstra@avk.example", Seat.Role.ADVISER),
    ("DB", "lineke@avk.example", Seat.Role.EXPERIENCE_EXPERT),
    ("DB", "programmaleider@avk.example", Seat.Role.SECRETARY),
    ("SG", "hilde.bakker@avk.example", Seat.Role.CHAIR),
    ("SG", "stuurgroep@avk.example", Seat.Role.MEMBER),
    ("SG", "pieter.wiersma@avk.example", Seat.Role.MEMBER),
    ("SG", "johan.kuiper@avk.example", Seat.Role.MEMBER),
    ("SG", "db-lid@avk.example", Seat.Role.MEMBER),
    ("SG", "programmaleider@avk.example", Seat.Role.ADVISER),
    ("PT", "programmaleider@avk.example", Seat.Role.CHAIR),
    ("PT", "ingrid.postma@avk.example", Seat.Role.SECRETARY),
    ("PT", "femke.dijkstra@avk.example", Seat.Role.MEMBER),
    ("PT", "erik.hoekstra@avk.example", Seat.Role.MEMBER),
    ("PT", "marga@avk.example", Seat.Role.EXPERIENCE_EXPERT),
    ("LR", "tom.jansen@avk.example", Seat.Role.CHAIR),
    ("LR", "redacteur.cosis@avk.example", Seat.Role.MEMBER),
    ("LR", "redacteur.lentis@avk.example", Seat.Role.MEMBER),
    ("LR", "nico@avk.example", Seat.Role.EXPERIENCE_EXPERT),
    ("ED", "lineke@avk.example", Seat.Role.CHAIR),
    ("ED", "nico@avk.example", Seat.Role.EXPERIENCE_EXPERT),
    ("ED", "manna@avk.example", Seat.Role.EXPERIENCE_EXPERT),
    ("ED", "marga@avk.example", Seat.Role.EXPERIENCE_EXPERT),
    ("ED", "ingrid.postma@avk.example", Seat.Role.SECRETARY),
    ("RvT", "gerda.veenstra@avk.example", Seat.Role.CHAIR),
    ("RvT", "manna@avk.example", Seat.Role.EXPERIENCE_EXPERT),
]

TERM_START = datetime.date(2023, 1, 1)

# Bodies whose seats may be represented by a substitute.
SUBSTITUTES_ALLOWED = {"DB"}
# (body, seat-holder, substitute, first day from today, last day from today)
SUBSTITUTION = ("DB", "hilde.bakker@avk.example", "stuurgroep@avk.example", 1, 14)


def build() -> None:
    bodies = {}
    for kind, name, short_name, order, mandate in BODIES:
        bodies[short_name], _created = Body.objects.update_or_create(
            short_name=short_name,
            defaults={
                "kind": kind,
                "name": name,
                "order": order,
                "mandate": mandate,
                "substitutes_allowed": short_name in SUBSTITUTES_ALLOWED,
            },
        )
    people = {p.email: p for p in Person.objects.filter(email__in={s[1] for s in SEATS})}
    for short_name, email, role in SEATS:
        person = people[email]
        # One seat per person per body: a changed role updates the seat.
        Seat.objects.update_or_create(
            body=bodies[short_name],
            person=person,
            defaults={
                "role": role,
                "partner": person.partner,
                "term_start": TERM_START,
                "term_end": None,
            },
        )
    # The chair reads her action reminders in one summary a day (her mail settings).
    chair = people["hilde.bakker@avk.example"]
    if chair.user_id:
        preferences_set(user=chair.user, modes={"actions": NotificationPreference.Mode.DAILY})
    _substitution(bodies)


def _substitution(bodies) -> None:
    """The chair's substitute, unless her seat already has one running or to come."""
    short_name, holder, substitute, first, last = SUBSTITUTION
    seat = Seat.objects.select_related("person__user").get(
        body=bodies[short_name], person__email=holder
    )
    today = timezone.localdate()
    if Substitution.objects.filter(seat=seat, ends_on__gte=today).exists():
        return
    substitution_name(
        user=seat.person.user,
        seat=seat,
        substitute=Person.objects.get(email=substitute),
        starts_on=today + datetime.timedelta(days=first),
        ends_on=today + datetime.timedelta(days=last),
        today=today,
    )
