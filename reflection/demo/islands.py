"""Demo reflection data: the three Eilanden van reflectie of 2024 from the seed memo of
2 June 2025 (shared/seeds/memo-2025-06-02-eilanden-van-reflectie.txt), a draft phase plan 3
traced to their attention points, and an upcoming session to try contributions on.

The texts are the memo's own Dutch. Where the memo gives a level's points as themes instead
of per side, each point is placed on the side its theme belongs to (monitoring and the
organisation of the work: HET; the shared vision and cooperation: WIJ; feeling the urgency:
IK) and keeps the memo's number. The memo's "Samengevat" is empty, so each side's summary
is made of the memo's own summarising sentences for that level.

Idempotent: everything is found by its natural key and updated.
"""

import datetime

from partners.models import Partner, Person
from reflection.models import (
    AttentionPoint,
    Effort,
    Ingredient,
    PhasePlan,
    ReflectionSession,
    SessionSide,
)

FACILITATOR = "Lauren Algra (Algra Consulting)"

PROGRAMMATEAM_PEOPLE = [
    "programmaleider@avk.example",
    "femke.dijkstra@avk.example",
    "erik.hoekstra@avk.example",
    "marga@avk.example",
    "ingrid.postma@avk.example",
]
MANAGERS_PEOPLE = ["redacteur.cosis@avk.example", "redacteur.lentis@avk.example"]
STUURGROEP_PEOPLE = [
    "hilde.bakker@avk.example",
    "stuurgroep@avk.example",
    "pieter.wiersma@avk.example",
    "johan.kuiper@avk.example",
    "db-lid@avk.example",
]

# A point: (number, title, description, [ingredients]).
# A session: level -> date, introduction, participants, {side: {...}}.
SESSIONS_2024 = {
    ReflectionSession.Level.PROGRAMMATEAM: {
        "date": datetime.date(2024, 6, 2),
        "introduction": (
            "We hebben met het programmateam gesproken over drie vragen. Daarbij is het "
            "volgende ingebracht."
        ),
        "people": PROGRAMMATEAM_PEOPLE,
        "sides": {
            "het": {
                "observations": (
                    "Er is een helder ritme van plannen, uitvoeren en reflecteren en bijstellen."
                ),
                "points": [
                    (
                        1,
                        "Monitoring, effectiviteit en ervaringen",
                        "",
                        [
                            "Bestaande interventies inventariseren. Bij betrokken organisaties "
                            "en kernpersonen. Wat gebeurt er waar wat de moeit waard is?",
                            "Framework maken. Wat willen we weten? Visie en ervaringen",
                            "In kaart brengen omvang generatiearmoede. Onderzoek Trendbureau "
                            "Drenthe en Sociaal planbureau Groningen",
                            "Terugkoppeling naar AVK partners",
                            "Lerend evalueren. Dit verloopt via de bovenstaande 4 punten als basis",
                        ],
                    ),
                    (
                        2,
                        "Per partner 1 afvaardigingsteam/aanspreekpunt. Bestuurlijk, manager, "
                        "uitvoering",
                        "",
                        [],
                    ),
                ],
                "other": [
                    "Avk doelen vastklikken aan wettelijke taken gemeente",
                    "Veel beter inzichtelijk maken waar mensen/organisaties goed bezig zijn. "
                    "Spiegelen? Of goede voorbeelden in de etalage?",
                    "Zijn organisaties AVK proof? 5 sterrendorp als voorbeeld. Worden "
                    "randvoorwaarden RUG uitgevoerd ja/nee?",
                    "Wat is effectiviteit t.o.v. de visie? Mbt monitoring",
                    "Weten wie waar wat doet en met wie",
                ],
                "summary": (
                    "Er is een helder ritme van plannen, uitvoeren en reflecteren en bijstellen. "
                    "Er zijn twee aandachtspunten die het programmateam in faseplan 3 extra "
                    "aandacht wil geven:\n"
                    "1. Monitoring, effectiviteit en ervaringen\n"
                    "2. Per partner 1 afvaardigingsteam/aanspreekpunt. Bestuurlijk, manager, "
                    "uitvoering"
                ),
            },
            "wij": {
                "observations": (
                    "Er is een goede samenwerking in het programmateam. Mensen kennen elkaar, "
                    "leren van elkaar en staan open voor nieuwe ontwikkelingen. Er zijn "
                    "regelmatig momenten van reflectie en inspiratie die zorgen voor een "
                    "lerende, toegankelijke sfeer. Het programma heeft aantrekkingskracht. "
                    "Organisaties staan welwillend om mee te doen aan pilots."
                ),
                "points": [
                    (
                        1,
                        "Visie eigen maken in alle bij de AVK betrokken organisaties. Samen "
                        "handen en voeten geven aan een visie",
                        "Begrippen laden zoals effectiviteit en maatwerk. Daarbij 3x input "
                        "vanuit onderzoek: randvoorwaarden RUG/kapitaalsvormen uit de "
                        "duivelskring en Cirkel van generatiearmoede",
                        [
                            "Onboarding. Met standaard middelen, aan te passen in eigen huisstijl",
                            "Duo’s in de lokale, integrale context. Samen begrippen laden die "  # noqa: RUF001 - the memo's own typography
                            "horen bij visie AVK. (zoals effectiviteit, maatwerk). Elke "
                            "organisatie heeft 1 (of 2) x bestuurder, 2x manager, 2x uitvoering "
                            "in een AVK team. Daarin is ook train-de trainers mogelijk. Als dit "
                            "team goed is aangehaakt bij de AVK, kunnen ze dat zelf intern "
                            "verder brengen en uitdragen",
                            "Pilots draaien “visie vorming en vertaling in actie”. Kijken of we "
                            "met een paar partners op logische plekken dit kunnen doen. We "
                            "vragen via een mail aan alle nieuwsbrief lezers (4000) wie er mee "
                            "wil doen. We begeleiden dit vanuit de AVK",
                            "Aansluiten bij bestaande netwerken (woonzorg akkoorden) en "
                            "bestaande overlegstructuren",
                            "Veranderaanpak schrijven en Marco de Witte vragen om reflectie",
                            "Stakeholder analyse maken vd partners. Wat weten we op dit moment "
                            "van alle partners? Hoe staat ze erin? Waar mee bezig?",
                        ],
                    ),
                    (
                        2,
                        "Welke ondersteuning kunnen we partners bieden vanuit AVK richting "
                        "vertaling naar praktijk",
                        "Vanuit het programmateam de partners ondersteuning bieden bij deze "
                        "beweging",
                        [],
                    ),
                ],
                "other": [
                    "Vriendelijk duwen en helpen. Organisaties moeten eraan toe zijn",
                    "Bruikbare elementen voor lokale vertaling bieden",
                    "Quick scan AVK en randvoorwaarden Rug voor alle 51 partners doen",
                    "Meer en nadrukkelijkere focus op de inhoudelijke uitgangspunten AVK leggen",
                    "Voer deze uitgangspunten in door de hele organisatie van 51 partners",
                ],
                "summary": (
                    "Er is een goede samenwerking in het programmateam. Er zijn twee "
                    "aandachtspunten die het programmateam in faseplan 3 extra aandacht wil "
                    "geven:\n"
                    "1. De visie van de AVK eigen maken in alle bij de AVK betrokken "
                    "organisaties. En samen handen en voeten geven aan deze visie.\n"
                    "2. Vanuit het programmateam de partners ondersteuning bieden bij deze "
                    "beweging"
                ),
            },
            "ik": {
                "observations": (
                    "Er is een gedeeld gevoel van urgentie en betekenisvolheid in het "
                    "programmateam. Iedereen kan zijn kwaliteiten en talenten kwijt in het "
                    "programma. Er is ruimte om vanuit vertrouwen te ontwikkelen en nieuwe "
                    "ideeën te bedenken en te experimenteren."
                ),
                "points": [
                    (
                        1,
                        "Behoefte om meer samen te komen met het programmateam. En de "
                        "frequentie omhoog te schroeven van programmateam overleggen",
                        "",
                        [
                            "Via whatsapp groep uitwisseling (kan van alles zijn)",
                            "1x maand 3 uur programmateam overleg",
                            "Elke week een dagdeel fysiek samen op locatie zijn. Dit wordt "
                            "woensdag ochtend. Dit delen we ook met het netwerk. Mensen kunnen "
                            "dan aanhaken. We rouleren op plekken bij partners?",
                            "Agendavoering op inhoud (kan via thema’s) concrete acties "  # noqa: RUF001 - the memo's own typography
                            "afspreken. Dit afwisselen met bijeenkomsten over proces. Hoe komen "
                            "we verder? En met communicatie",
                            "We (het team en niet saskia) maken een actie-besluitenlijst. Dit "
                            "rouleren we onderling",
                            "Flap (dagdeel) met positieve en negatieve punten waar we mee bezig "
                            "zijn",
                            "Overzicht van wat/wanneer planning en inbedden",
                            "Communicatie momenten (inhoud en middel)",
                        ],
                    ),
                    (
                        2,
                        "Het programmateam wil graag een ontmoeting tussen afvaardigingen per "
                        "partners regelen 4x per jaar",
                        "Dat moet niet een extra overleg worden, maar beter afgestemd op de "
                        "huidige overleggen en bewegingen.",
                        [],
                    ),
                ],
                "other": [],
                "summary": (
                    "Er is een gedeeld gevoel van urgentie en betekenisvolheid in het "
                    "programmateam. Er zijn twee aandachtspunten die het programmateam in "
                    "faseplan 3 extra aandacht wil geven:\n"
                    "1. Frequentie van programmateam overleggen moet omhoog\n"
                    "2. 4x per jaar een ontmoeting tussen afvaardigingen per partner regelen "
                    "met het programmateam"
                ),
            },
        },
    },
    ReflectionSession.Level.MANAGERS: {
        "date": datetime.date(2024, 6, 5),
        "introduction": (
            "We hebben met de managers/teamleiders gesproken over drie vragen. Daarbij is het "
            "volgende ingebracht."
        ),
        "people": MANAGERS_PEOPLE,
        "sides": {
            "het": {
                "observations": (
                    "Er is veel vastgelegd in DIN en faseplannen. Tegelijkertijd groeit er veel "
                    "organisch."
                ),
                "points": [
                    (
                        4,
                        "Meer zichtbaar maken: wat het programma als geheel bereikt, wat de "
                        "beweging is en meer inzicht in de ervaringen vd mensen voor wie we het "
                        "doen",
                        "",
                        [],
                    ),
                    (
                        5,
                        "Zorg dat elke partner 1 intern AVK team optuigt. Met daarin 1x "
                        "bestuurder, 2x manager en 2x uitvoering",
                        "",
                        [],
                    ),
                ],
                "other": [
                    "Meer zichtbaar maken wat het programma als geheel bereikt. En wat waar "
                    "gebeurt, en door wie.",
                    "Meer zichtbaar maken van de beweging. Relateren aan de halve maan (Geen "
                    "shaming/blaming, maar met elkaar beeld en inzicht krijgen van hoe de "
                    "beweging zich ontwikkelt (van en met elkaar leren wat wel/niet werkt en "
                    "waarom)",
                    "Meer inzicht in de ervaringen van de mensen voor wie we het doen.",
                ],
                "summary": (
                    "Monitoring, effectiviteit en ervaringen: meer zichtbaar maken wat het "
                    "programma als geheel bereikt, wat de beweging is en meer inzicht in de "
                    "ervaringen vd mensen voor wie we het doen. En zorg dat elke partner 1 "
                    "intern AVK team optuigt."
                ),
            },
            "wij": {
                "observations": (
                    "Er is bij de managers herkenning op de behoefte op het doorleven en laden "
                    "vd begrippen. De aangedragen ingrediënten van het programmateam worden "
                    "hierin als zinvol ervaren."
                ),
                "points": [
                    (
                        1,
                        "Handen en voeten geven aan de visie van de Alliantie van Kracht en "
                        "deze visie onderdeel laten zijn van eigen organisatie visie",
                        "Visie Alliantie van Kracht onderdeel laten zijn van eigen organisatie "
                        "visie",
                        [
                            "wat betekent dit voor mijn organisatie?",
                            "samenbrengen van ambassadeurs",
                            "samenbrengen op thema",
                        ],
                    ),
                    (
                        3,
                        "Mandaat krijgen vanuit het bestuur om dingen anders te doen en hiervoor "
                        "tijd in te zetten",
                        "Mandaten vanuit bestuurders om dingen anders te doen en daarvoor tijd "
                        "in te zetten. Passie bij bestuurders is daarin helpend. Weten zij waar "
                        "ze ja tegen zeggen?",
                        [],
                    ),
                ],
                "other": [
                    "Over schotten en zittingsperiodes heen durven kijken (lef en visie)",
                    "What’s in it for me door laten berekenen?",  # noqa: RUF001 - the memo's own typography
                    "Overzicht van palet aan aanbod bij partners helpt. Hoe kun je buiten je "
                    "eigen kaders gebruik maken van elkaar?",
                    "Slim om te gaan kijken wat er allemaal al is aan overleggen en waar mensen "
                    "elkaar al ontmoeten en of we dit beter kunnen doen met elkaar, door "
                    "bijvoorbeeld een aantal integrale overlegtafels. Overal in het netwerk is "
                    "dit weer anders geregeld, omdat elke gemeente zijn beleid op een andere "
                    "manier georganiseerd heeft.",
                ],
                "summary": (
                    "Samen handen en voeten geven aan een visie: de managers herkennen de "
                    "behoefte aan het doorleven en laden van de begrippen, en de aangedragen "
                    "ingrediënten van het programmateam worden hierin als zinvol ervaren."
                ),
            },
            "ik": {
                "observations": (
                    "Er is een gedeeld gevoel van urgentie en betekenisvolheid bij de "
                    "managers/teamleiders."
                ),
                "points": [
                    (
                        2,
                        "Meer doorvoelen waar we het over hebben als het gaat over "
                        "generatiearmoede",
                        "",
                        ["Via Teamdagen/theater/Tim’s Jongers"],  # noqa: RUF001 - the memo's own typography
                    ),
                ],
                "other": [],
                "summary": (
                    "Er is een gedeeld gevoel van urgentie en betekenisvolheid bij de "
                    "managers/teamleiders. Er zijn vijf aandachtspunten die de "
                    "managers/teamleiders in faseplan 3 extra aandacht wil geven."
                ),
            },
        },
    },
    ReflectionSession.Level.STUURGROEP: {
        "date": datetime.date(2024, 6, 11),
        "introduction": (
            "We hebben met de stuurgroep gesproken over drie vragen. Daarbij is het volgende "
            "ingebracht."
        ),
        "people": STUURGROEP_PEOPLE,
        "sides": {
            "het": {
                "observations": (
                    "Er gebeurt zoveel moois in de praktijk. Partners die van allerlei "
                    "projecten en acties inzetten die naadloos passen in onze gezamenlijke "
                    "visie. Er is herkenning t.a.v. de vijf punten die de managers hebben "
                    "meegegeven."
                ),
                "points": [
                    (
                        2,
                        "Zorg voor een lerende gemeenschap en doorleving in de praktijk. Deel "
                        "wat werkt, maak het praktisch en geef handelingsperspectief",
                        "",
                        [
                            "Zorg voor een lerende gemeenschap en doorleving van de PDCA "
                            "(plan-do-check-act) cirkel",
                            "Deel wat werkt, maak het praktisch en geef handelingsperspectief",
                        ],
                    ),
                    (
                        3,
                        "Draag voorbeelden uit van partners die naadloos passen in onze "
                        "gezamenlijke visie",
                        "Juist die voorbeelden willen we veel meer uitdragen en gebruiken als "
                        "een vliegwiel.",
                        [],
                    ),
                ],
                "other": [
                    "Opzet van het leeraanbod: meer kennis over minder armoede is daarin een "
                    "goed voorbeeld",
                ],
                "summary": (
                    "Monitoring, effectiviteit en ervaringen, en partners en acties uitgelicht: "
                    "zorg voor een lerende gemeenschap, deel wat werkt en draag voorbeelden uit "
                    "van partners die naadloos passen in onze gezamenlijke visie."
                ),
            },
            "wij": {
                "observations": (
                    "De verbindende rol die de AVK daarin speelt is er erg belangrijk voor de "
                    "samenwerking tussen de partners."
                ),
                "points": [
                    (
                        1,
                        "Ondersteun met het programmateam vanuit de AVk de interne beweging van "
                        "de partners",
                        "Verinnerlijken AVK visie is nog lastig: mooi als de AVK daarin veel "
                        "zichtbaarder kan zijn richting organisaties en het programteam in kan "
                        "zetten",
                        [],
                    ),
                    (
                        4,
                        "De verbindende rol die de AVk speelt is erg belangrijk voor de "
                        "samenwerking tussen de partners",
                        "",
                        [],
                    ),
                ],
                "other": [
                    "Concreter maken waartoe de AVK op aard is",
                    "Elkaar beter leren kennen als alliantiepartners. Hier kan het "
                    "programmateam als vliegwiel/katalysator fungeren. Dit op lokaal niveau "
                    "organiseren omdat elke gemeente het verschillend heeft geregeld qua taken "
                    "en verantwoordelijkheden",
                ],
                "summary": (
                    "Samen handen en voeten geven aan een visie: ondersteun met het "
                    "programmateam vanuit de AVK de (interne) beweging van de partners; de "
                    "verbindende rol van de AVK is erg belangrijk voor de samenwerking."
                ),
            },
            "ik": {
                "observations": (
                    "Er is een gedeeld gevoel van urgentie en betekenisvolheid bij de stuurgroep."
                ),
                "points": [],
                "other": [],
                "summary": (
                    "Er is een gedeeld gevoel van urgentie en betekenisvolheid bij de "
                    "stuurgroep. Er zijn vier aandachtspunten die de stuurgroep in faseplan 3 "
                    "extra aandacht wil geven."
                ),
            },
        },
    },
}

P = ReflectionSession.Level.PROGRAMMATEAM
M = ReflectionSession.Level.MANAGERS
S = ReflectionSession.Level.STUURGROEP

# Recognised across levels, as the memo states it: (level, side, number) pairs.
RECOGNITIONS = [
    # The managers find the programme team's vision ingredients meaningful.
    ((M, "wij", 1), (P, "wij", 1)),
    # The managers' monitoring section takes up the programme team's monitoring point.
    ((M, "het", 4), (P, "het", 1)),
    # One internal AVK team per partner: the programme team's delegation team per partner.
    ((M, "het", 5), (P, "het", 2)),
    # The steering group recognises the five points the managers gave (under monitoring).
    ((S, "het", 2), (M, "wij", 1)),
    ((S, "het", 2), (M, "ik", 2)),
    ((S, "het", 2), (M, "wij", 3)),
    ((S, "het", 2), (M, "het", 4)),
    ((S, "het", 2), (M, "het", 5)),
    # Support the partners' internal movement from the programme team: said at both levels.
    ((S, "wij", 1), (P, "wij", 2)),
]

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
        [(P, "wij", 1), (M, "wij", 1)],
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
        [(P, "ik", 1)],
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
        [(P, "ik", 2)],
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
        [(S, "wij", 1), (P, "wij", 2)],
    ),
]
# Left unanswered on purpose (so the reflection page shows open points): the managers'
# points 2 (doorvoelen) and 3 (mandaat), and the steering group's points 2 and 4.

UPCOMING_DATE = datetime.date(2026, 12, 10)


def _people(emails: list[str]) -> list[Person]:
    found = {p.email: p for p in Person.objects.filter(email__in=emails).order_by("pk")}
    return [found[email] for email in emails if email in found]


def _session(year: int, level: str, date: datetime.date, introduction: str, people: list[str]):
    session, _created = ReflectionSession.objects.update_or_create(
        year=year,
        level=level,
        group_name="",
        defaults={"date": date, "facilitator": FACILITATOR, "introduction": introduction},
    )
    session.participants.set(_people(people))
    return session


def build() -> None:
    points: dict[tuple[str, str, int], AttentionPoint] = {}
    for level, data in SESSIONS_2024.items():
        session = _session(2024, level, data["date"], data["introduction"], data["people"])
        for side, content in data["sides"].items():
            SessionSide.objects.update_or_create(
                session=session,
                side=side,
                defaults={
                    "observations": content["observations"],
                    "other_points": "\n".join(content["other"]),
                    "summary": content["summary"],
                },
            )
            for number, title, description, ingredients in content["points"]:
                point, _created = AttentionPoint.objects.update_or_create(
                    session=session,
                    side=side,
                    number=number,
                    defaults={"title": title, "description": description},
                )
                for order, text in enumerate(ingredients, start=1):
                    Ingredient.objects.update_or_create(
                        attention_point=point, order=order, defaults={"text": text}
                    )
                point.ingredients.filter(order__gt=len(ingredients)).delete()
                points[(level, side, number)] = point

    for one, other in RECOGNITIONS:
        points[one].related.add(points[other])

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

    _session(
        UPCOMING_DATE.year,
        ReflectionSession.Level.PROGRAMMATEAM,
        UPCOMING_DATE,
        "Het Eiland van reflectie van het programmateam. Geef vooraf antwoord op de drie "
        "vragen: wat gaat goed aan het werk (HET), aan de samenwerking (WIJ) en bij jezelf (IK)?",
        PROGRAMMATEAM_PEOPLE,
    )
