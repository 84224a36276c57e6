"""Demo partners, people and logins, taken from the alliance's memos in shared/seeds/.

The organisations are the ones named in the memo of 19 June 2023 plus the Veenkoloniën
municipalities; the programme leader and the experience experts are named in the memos.
Other people are made up for the demo and say so by their @avk.example addresses.
"""

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from partners.models import Municipality, Partner, PartnerMembership, Person

DEMO_PASSWORD = "avk-demo-2026"  # noqa: S105 - demo data only, refused in production

MUNICIPALITIES = [
    ("Veendam", "Groningen"),
    ("Pekela", "Groningen"),
    ("Oldambt", "Groningen"),
    ("Stadskanaal", "Groningen"),
    ("Westerwolde", "Groningen"),
    ("Midden-Groningen", "Groningen"),
    ("Aa en Hunze", "Drenthe"),
    ("Borger-Odoorn", "Drenthe"),
    ("Emmen", "Drenthe"),
]

ORGANISATIONS = [
    ("Zorg Innovatie Forum", Partner.Kind.ZORG),
    ("Cosis", Partner.Kind.ZORG),
    ("Afeer", Partner.Kind.SCHULDHULP),
    ("Lentis", Partner.Kind.ZORG),
    ("VNN", Partner.Kind.ZORG),
    ("GKB", Partner.Kind.SCHULDHULP),
    ("Leger des Heils", Partner.Kind.WELZIJN),
    ("Noorderpoort", Partner.Kind.ONDERWIJS),
    ("CMO STAMM", Partner.Kind.WELZIJN),
]

# (name, e-mail, organisation, experience expert)
PEOPLE = [
    ("Saskia Duursma", "programmaleider@avk.example", None, False),
    ("Lineke", "lineke@avk.example", None, True),
    ("Nico", "nico@avk.example", None, True),
    ("Manna", "manna@avk.example", None, True),
    ("Marga", "marga@avk.example", None, True),
    ("Hilde Bakker", "hilde.bakker@avk.example", "Gemeente Veendam", False),
    ("Ruben Mulder", "db-lid@avk.example", "Lentis", False),
    ("Anouk Smit", "stuurgroep@avk.example", "Cosis", False),
    ("Pieter Wiersma", "pieter.wiersma@avk.example", "Gemeente Stadskanaal", False),
    ("Johan Kuiper", "johan.kuiper@avk.example", "Noorderpoort", False),
    ("Femke Dijkstra", "femke.dijkstra@avk.example", "CMO STAMM", False),
    ("Erik Hoekstra", "erik.hoekstra@avk.example", "GKB", False),
    ("Ingrid Postma", "ingrid.postma@avk.example", None, False),
    ("Sanne Visser", "redacteur.cosis@avk.example", "Cosis", False),
    ("Mark de Boer", "redacteur.lentis@avk.example", "Lentis", False),
    ("Gerda Veenstra", "gerda.veenstra@avk.example", "Gemeente Emmen", False),
    ("Tom Jansen", "tom.jansen@avk.example", "Leger des Heils", False),
]

# One login per persona: (e-mail, who, staff, partner the person edits)
DEMO_LOGINS = [
    ("programmaleider@avk.example", "Saskia Duursma, programme leader (staff)", True, None),
    ("redacteur.cosis@avk.example", "Sanne Visser, editor of partner Cosis", False, "Cosis"),
    ("redacteur.lentis@avk.example", "Mark de Boer, editor of partner Lentis", False, "Lentis"),
    ("db-lid@avk.example", "Ruben Mulder, member of the executive board (DB)", False, None),
    ("stuurgroep@avk.example", "Anouk Smit, member of the steering group", False, None),
    ("gast@avk.example", "A guest: logged in, linked to nothing", False, None),
]


def build() -> dict[str, Partner]:
    partners = {}
    for name, province in MUNICIPALITIES:
        municipality, _created = Municipality.objects.update_or_create(
            name=name, defaults={"province": province}
        )
        partners[f"Gemeente {name}"], _created = Partner.objects.update_or_create(
            name=f"Gemeente {name}",
            defaults={"kind": Partner.Kind.GEMEENTE, "municipality": municipality},
        )
    for name, kind in ORGANISATIONS:
        partners[name], _created = Partner.objects.update_or_create(
            name=name, defaults={"kind": kind}
        )
    for name, email, organisation, experience_expert in PEOPLE:
        Person.objects.update_or_create(
            email=email,
            defaults={
                "name": name,
                "partner": partners.get(organisation),
                "is_experience_expert": experience_expert,
            },
        )

    User = get_user_model()
    for email, _who, staff, edits in DEMO_LOGINS:
        person = Person.objects.filter(email=email).first()
        user, _created = User.objects.update_or_create(
            email=email,
            defaults={
                "full_name": person.name if person else "Gast",
                "is_staff": staff,
                "is_active": True,
            },
        )
        user.set_password(DEMO_PASSWORD)
        user.save()
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        if person:
            person.user = user
            person.save(update_fields=["user", "updated_at"])
        if edits:
            PartnerMembership.objects.update_or_create(
                user=user, partner=partners[edits], defaults={"is_editor": True}
            )
    return partners
