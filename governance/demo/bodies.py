"""Demo bodies and seats, after the governance form the DB chose on 19 June 2023."""

import datetime

from governance.models import Body, Seat
from partners.models import Person

BODIES = [
    (
        Body.Kind.DB,
        "Dagelijks Bestuur",
        "DB",
        1,
        "Neemt besluiten over de inrichting van het programma: de sturingsvorm, de "
        "programma-organisatie en de middelen. Legt zo nodig voor aan de stuurgroep.",
    ),
    (
        Body.Kind.STUURGROEP,
        "Stuurgroep",
        "SG",
        2,
        "De partners met de hoogste betrokkenheid (A-pakket) sturen samen het programma. "
        "Stelt het programmaplan en de faseplannen vast.",
    ),
    (
        Body.Kind.PROGRAMMATEAM,
        "Programmateam",
        "PT",
        3,
        "Plant, voert uit, reflecteert en stelt bij. Licht ondersteund door programmasecretaris, "
        "programmacontroller en communicatieleider.",
    ),
    (
        Body.Kind.LEDENRAAD,
        "Ledenraad",
        "LR",
        4,
        "Alle partners van de alliantie. Denkt mee over de koers en komt vier keer per jaar "
        "samen met de afvaardigingen van de partners.",
    ),
    (
        Body.Kind.ED_MEDEZEGGENSCHAP,
        "Medezeggenschap ervaringsdeskundigen",
        "ED",
        5,
        "Ervaringsdeskundigen praten en beslissen mee over het programma, vanuit het belang "
        "van de mensen om wie het gaat.",
    ),
    (
        Body.Kind.RAAD_VAN_TOEZICHT,
        "Raad van Toezicht",
        "RvT",
        6,
        "Houdt toezicht op het programma en de inzet van middelen. Met ervaringsdeskundigen "
        "als lid.",
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


def build() -> None:
    bodies = {}
    for kind, name, short_name, order, mandate in BODIES:
        bodies[short_name], _created = Body.objects.update_or_create(
            short_name=short_name,
            defaults={"kind": kind, "name": name, "order": order, "mandate": mandate},
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
