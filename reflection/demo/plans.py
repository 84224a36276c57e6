"""Demo phase plan: a draft phase plan 3 whose efforts are traced to the attention points of
the 2024 Eilanden van reflectie (`reflection.demo.islands`).

Idempotent: the plan is found by number and version, each effort by its title.
"""

import datetime

from partners.models import Partner, Person
from reflection.demo.islands import M, P, S
from reflection.models import AttentionPoint, Effort, PhasePlan

PLAN_GOALS = (
    "Op basis van de uitkomsten van de drie Eilanden van reflectie van 2024 passen we onze "
    "doelstellingen en inspanningen aan voor de volgende fase. Faseplan 3 geeft richting voor "
    "het komende jaar:\n"
    "1. De visie van de AVK eigen maken in alle bij de AVK betrokken organisaties, en samen "
    "handen en voeten geven aan deze visie.\n"
    "2. Meer zichtbaar maken wat het programma als geheel bereikt, wat de beweging is en wat "
    "de ervaringen zijn van de mensen voor wie we het doen.\n"
    "3. Elke partner een intern AVK-team en een aanspreekpunt; het programmateam ondersteunt "
    "de interne beweging van de partners.\n"
    "4. Een lerende gemeenschap: delen wat werkt, praktisch en met handelingsperspectief, en "
    "goede voorbeelden van partners uitdragen als vliegwiel."
)

# (order, title, description, owner e-mail, partners, start, end, status, [points])
EFFORTS = [
    (
        1,
        "Elke partner tuigt een intern AVK-team op",
        "Per partner 1x bestuurder, 2x manager en 2x uitvoering, met een vast aanspreekpunt "
        "voor de AVK. Daarin is ook train-de-trainers mogelijk.",
        "programmaleider@avk.example",
        ["Cosis", "Lentis", "Gemeente Veendam"],
        datetime.date(2025, 9, 1),
        datetime.date(2026, 3, 31),
        Effort.Status.PLANNED,
        [(M, "het", 5), (P, "het", 2)],
    ),
    (
        2,
        "Monitoringsframework en omvang generatiearmoede in kaart",
        "Bestaande interventies inventariseren, een framework maken (wat willen we weten?) en "
        "de omvang van generatiearmoede in kaart brengen met Trendbureau Drenthe en Sociaal "
        "planbureau Groningen. Terugkoppeling naar de AVK-partners en lerend evalueren.",
        "erik.hoekstra@avk.example",
        ["GKB", "Gemeente Stadskanaal"],
        datetime.date(2025, 10, 1),
        datetime.date(2026, 6, 30),
        Effort.Status.PLANNED,
        [(P, "het", 1), (M, "het", 4)],
    ),
    (
        3,
        "Onboarding en pilots visievorming",
        "Onboarding met standaard middelen in eigen huisstijl, en pilots “visie vorming en "
        "vertaling in actie” met een paar partners op logische plekken, begeleid vanuit de AVK.",
        "femke.dijkstra@avk.example",
        ["CMO STAMM", "Cosis"],
        datetime.date(2025, 11, 1),
        datetime.date(2026, 8, 31),
        Effort.Status.PLANNED,
        [(P, "wij", 3), (M, "wij", 1)],
    ),
    (
        4,
        "Programmateam-overleg maandelijks en wekelijkse werkochtend",
        "1x per maand 3 uur programmateam-overleg en elke woensdagochtend samen op locatie, "
        "rouleren bij partners. Het team houdt zelf een actie-besluitenlijst bij.",
        "ingrid.postma@avk.example",
        [],
        datetime.date(2025, 9, 1),
        datetime.date(2026, 8, 31),
        Effort.Status.RUNNING,
        [(P, "ik", 5)],
    ),
    (
        5,
        "Vier keer per jaar afvaardigingsoverleg",
        "Een ontmoeting tussen de afvaardigingen per partner en het programmateam, afgestemd op "
        "de huidige overleggen en bewegingen.",
        "programmaleider@avk.example",
        ["Lentis", "Gemeente Veendam", "Noorderpoort"],
        datetime.date(2025, 10, 1),
        datetime.date(2026, 7, 31),
        Effort.Status.PLANNED,
        [(P, "ik", 6)],
    ),
    (
        6,
        "Goede voorbeelden in de etalage",
        "Voorbeelden van partners die naadloos passen in onze gezamenlijke visie veel meer "
        "uitdragen en gebruiken als vliegwiel.",
        "marga@avk.example",
        ["Leger des Heils", "CMO STAMM"],
        datetime.date(2026, 1, 1),
        datetime.date(2026, 6, 30),
        Effort.Status.PLANNED,
        [(S, "het", 3)],
    ),
    (
        7,
        "Ondersteuning van de interne beweging bij partners",
        "Vanuit het programmateam de partners ondersteunen bij de vertaling van de visie naar "
        "de praktijk: bruikbare elementen voor lokale vertaling en aansluiten bij bestaande "
        "netwerken.",
        "femke.dijkstra@avk.example",
        ["Cosis", "Lentis", "GKB"],
        datetime.date(2026, 2, 1),
        datetime.date(2026, 8, 31),
        Effort.Status.PLANNED,
        [(S, "wij", 1), (P, "wij", 4)],
    ),
]
# Left unanswered on purpose (so the reflection page shows open points): the managers'
# points 2 (doorvoelen) and 3 (mandaat), and the steering group's points 2 and 4.


def build(points: dict[tuple[str, str, int], AttentionPoint]) -> PhasePlan:
    """Phase plan 3 and its efforts, each linked to the points it answers."""
    plan, _created = PhasePlan.objects.update_or_create(
        number=3,
        version=1,
        defaults={
            "title": "Faseplan 3",
            "period_start": datetime.date(2025, 9, 1),
            "period_end": datetime.date(2026, 8, 31),
            "status": PhasePlan.Status.DRAFT,
            "goals": PLAN_GOALS,
        },
    )
    owners = {p.email: p for p in Person.objects.filter(email__endswith="@avk.example")}
    for order, title, description, owner, partners, start, end, status, sources in EFFORTS:
        effort, _created = Effort.objects.update_or_create(
            plan=plan,
            title=title,
            defaults={
                "description": description,
                "owner": owners.get(owner),
                "start": start,
                "end": end,
                "status": status,
                "order": order,
            },
        )
        effort.partners.set(Partner.objects.filter(name__in=partners))
        effort.attention_points.set([points[key] for key in sources])
    return plan
