"""The programme team's Eiland van reflectie of 2 June 2024, in the seed memo's words.

Shaped as `reflection.demo.islands` describes; it builds the session from this.
"""

import datetime

PROGRAMMATEAM_PEOPLE = [
    "programmaleider@avk.example",
    "femke.dijkstra@avk.example",
    "erik.hoekstra@avk.example",
    "marga@avk.example",
    "ingrid.postma@avk.example",
]

PROGRAMMATEAM_2024 = {
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
                    3,
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
                    4,
                    "Welke ondersteuning kunnen we partners bieden vanuit AVK richting "
                    "vertaling naar praktijk",
                    "Vanuit het programmateam de partners ondersteuning bieden bij deze beweging",
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
                    5,
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
                        "Flap (dagdeel) met positieve en negatieve punten waar we mee bezig zijn",
                        "Overzicht van wat/wanneer planning en inbedden",
                        "Communicatie momenten (inhoud en middel)",
                    ],
                ),
                (
                    6,
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
}
