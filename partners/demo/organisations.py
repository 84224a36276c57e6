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
    (
        "hilde.bakker@avk.example",
        "Hilde Bakker, chair of the DB and the steering group",
        False,
        None,
    ),
    ("lineke@avk.example", "Lineke, experience expert in the executive board (DB)", False, None),
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


# --- packages, commitments, AVK teams, contact persons, interventions -------------------

PACKAGES = [
    (
        "A",
        "Kopgroep",
        "De hoogste betrokkenheid: de partner stuurt mee in de stuurgroep en zet mensen en "
        "middelen in voor het programma.",
        "Zit met een bestuurder in de stuurgroep\nHeeft een volledig intern AVK-team\n"
        "Draagt bij aan de programma-organisatie\nDoet elk jaar de quick scan",
        True,
    ),
    (
        "B",
        "Meedoen",
        "De partner doet actief mee in pilots en inspanningen en heeft een intern AVK-team.",
        "Heeft een intern AVK-team\nDoet mee aan ten minste één pilot of inspanning\n"
        "Komt naar de afvaardigingsoverleggen",
        False,
    ),
    (
        "C",
        "Verbonden",
        "De partner steunt de visie van de AVK, deelt kennis en blijft op de hoogte.",
        "Steunt de visie van de AVK\nHeeft een aanspreekpunt voor de AVK",
        False,
    ),
]

# partner -> package in effect (B for Cosis, so the demo editor can move it to A)
COMMITMENTS = {
    "Gemeente Veendam": "A",
    "Gemeente Stadskanaal": "A",
    "Gemeente Emmen": "A",
    "Lentis": "A",
    "Noorderpoort": "A",
    "Cosis": "B",
    "GKB": "B",
    "CMO STAMM": "B",
    "Leger des Heils": "B",
    "Afeer": "C",
    "VNN": "C",
    "Zorg Innovatie Forum": "C",
}

# partner -> [(name, e-mail, role)]; Cosis lacks a manager, so adding one completes it.
TEAMS = {
    "Cosis": [
        ("Anouk Smit", "stuurgroep@avk.example", "bestuurder"),
        ("Sanne Visser", "redacteur.cosis@avk.example", "manager"),
        ("Bas Meijer", "bas.meijer@avk.example", "uitvoering"),
        ("Lotte Brouwer", "lotte.brouwer@avk.example", "uitvoering"),
    ],
    "Lentis": [
        ("Ruben Mulder", "db-lid@avk.example", "bestuurder"),
        ("Mark de Boer", "redacteur.lentis@avk.example", "manager"),
        ("Iris Hendriks", "iris.hendriks@avk.example", "manager"),
        ("Joost Bos", "joost.bos@avk.example", "uitvoering"),
        ("Noor Willems", "noor.willems@avk.example", "uitvoering"),
    ],
    "Gemeente Veendam": [
        ("Hilde Bakker", "hilde.bakker@avk.example", "bestuurder"),
        ("Karin Smits", "karin.smits@avk.example", "manager"),
    ],
}

CONTACTS = {
    "Cosis": "redacteur.cosis@avk.example",
    "Lentis": "redacteur.lentis@avk.example",
    "Gemeente Veendam": "karin.smits@avk.example",
}

DELEGATES = {
    "Lentis": [
        ("bestuurlijk", "db-lid@avk.example"),
        ("manager", "redacteur.lentis@avk.example"),
        ("uitvoering", "joost.bos@avk.example"),
    ],
}

# (title, partner, target group, municipalities, collaborators, description, published)
INTERVENTIONS = [
    (
        "Geldzorgen-spreekuur in de bibliotheek",
        "GKB",
        "volwassenen",
        ["Veendam", "Pekela"],
        ["Gemeente Veendam", "Leger des Heils"],
        "Elke week een vrij spreekuur waar inwoners zonder afspraak terechtkunnen met "
        "vragen over geld, schulden en toeslagen.",
        True,
    ),
    (
        "Onboarding AVK-visie voor nieuwe medewerkers",
        "CMO STAMM",
        "professionals",
        ["Stadskanaal", "Veendam"],
        ["Cosis"],
        "Een korte training met standaard middelen, aan te passen in de eigen huisstijl, "
        "zodat nieuwe medewerkers de visie van de AVK leren kennen.",
        False,
    ),
    (
        "Jongeren en geld op het mbo",
        "Noorderpoort",
        "jongeren",
        ["Emmen", "Stadskanaal"],
        ["GKB", "Gemeente Emmen"],
        "Lessen over omgaan met geld en een vast aanspreekpunt voor studenten met geldzorgen.",
        True,
    ),
    (
        "Gezinscoach bij armoede",
        "Cosis",
        "gezinnen",
        ["Veendam"],
        ["Gemeente Veendam"],
        "Een coach die gezinnen met een laag inkomen helpt om regelingen te vinden en te "
        "gebruiken.",
        False,
    ),
]


def build_partner_work(partners: dict[str, Partner]) -> None:
    """Packages, commitment history, AVK teams, contacts, delegates and interventions."""
    import datetime

    from partners.models import Commitment, Delegate, Intervention, Package, TeamMember

    packages = {}
    for order, (code, name, description, checklist, seat) in enumerate(PACKAGES):
        packages[code], _created = Package.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "description": description,
                "checklist": checklist,
                "steering_group_seat": seat,
                "order": order,
            },
        )
    staff = get_user_model().objects.filter(email="programmaleider@avk.example").first()
    for name, code in COMMITMENTS.items():
        partner = partners[name]
        if not partner.commitments.exists():
            Commitment.objects.create(
                partner=partner,
                package=packages[code],
                period_start=datetime.date(2024, 1, 1),
                period_end=datetime.date(2027, 12, 31),
                signed_on=datetime.date(2023, 12, 11),
                signed_by="Bestuurder " + name,
                status=Commitment.Status.IN_EFFECT,
                created_by=staff,
            )

    for name, members in TEAMS.items():
        partner = partners[name]
        for person_name, email, role in members:
            person, _created = Person.objects.get_or_create(
                email=email, defaults={"name": person_name, "partner": partner}
            )
            TeamMember.objects.update_or_create(
                partner=partner, person=person, defaults={"role": role}
            )
    for name, email in CONTACTS.items():
        Partner.objects.filter(pk=partners[name].pk).update(
            contact_person=Person.objects.get(email=email)
        )
    for name, levels in DELEGATES.items():
        for level, email in levels:
            Delegate.objects.update_or_create(
                partner=partners[name],
                level=level,
                defaults={"person": Person.objects.get(email=email)},
            )

    municipalities = {m.name: m for m in Municipality.objects.all()}
    for title, owner, group, where, together, description, published in INTERVENTIONS:
        intervention, _created = Intervention.objects.update_or_create(
            partner=partners[owner],
            title=title,
            defaults={
                "target_group": group,
                "description": description,
                "is_published": published,
                "status": Intervention.Status.RUNNING,
            },
        )
        intervention.municipalities.set([municipalities[m] for m in where])
        intervention.collaborators.set([partners[p] for p in together])
