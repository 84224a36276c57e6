# ruff: noqa: E501, RUF001 -- the seed memo's text, verbatim (its line breaks and quotes)
"""The texts of the demo memos, and who voted what on them and when.

The seed memo of 19 June 2023 (shared/seeds/memo-2023-06-19-randvoorwaarden-programma.txt):
its header, introduction, three themed sections (the inputs of the work session as bullets,
the *Samengevat* points 1-13 verbatim), its six proposed decisions and the DB's votes. Then
the open memo that follows from it. `governance.demo.memos` builds memos from these.
"""

import datetime
from zoneinfo import ZoneInfo

from governance.models import ProposedDecision

AMS = ZoneInfo("Europe/Amsterdam")
STAFF_EMAIL = "programmaleider@avk.example"
CHAIR_EMAIL = "hilde.bakker@avk.example"
MEMBER_EMAIL = "db-lid@avk.example"
EXPERT_EMAIL = "lineke@avk.example"


def _para(block: str) -> str:
    """One paragraph from a block wrapped like the seed: its lines joined by spaces."""
    return " ".join(line.strip() for line in block.strip().splitlines())


def _points(*blocks: str) -> str:
    """One point per line, as MemoSection.inputs and .summary store them."""
    return "\n".join(_para(block) for block in blocks)


SEED_TITLE = "Randvoorwaarden voor het programma"
SEED_AUTHOR = "Saskia Duursma (projectleider)"
SEED_DATE = datetime.date(2023, 6, 19)
ASKED = (
    "De aanwezige betrokkenen bij de werksessie hebben de volgende inhoudelijke punten ingebracht:"
)

SEED_INTRODUCTION = "\n\n".join(
    [
        _para("""
De stuurgroep van de Alliantie van Kracht heeft op 23 februari 2023 besloten in te stemmen met het
programmaplan ‘het duurzaam doorbreken van generatiearmoede in de Veenkoloniën’. Tijdens de 2e
fase van het programma zijn er diverse werksessies gepland waarin we diverse onderdelen van het
programmaplan verder uitwerken. Tijdens de werksessie ‘Creëren van de randvoorwaarden voor het
programma' op donderdag 15 juni 2023 hebben we met 4 ervaringsdeskundigen (ED-ers) en 9
betrokkenen uit diverse organisaties over dit onderwerp gesproken. Met dank aan: Lineke, Nico,
Manna en Marga (ED-ers) en Zorg Innovatie Forum, Cosis, Afeer, Lentis, VNN, de GKB, Leger des
Heils, Noorderpoort en CMO STAMM."""),
        "Het resultaat van deze sessie is:",
        "- "
        + _para("""
Een voorstel voor de randvoorwaarden voor het programma: hoe is de inzet van mensen,
middelen, programmaruimte etc.;""")
        + "\n- "
        + _para("""
Een voorstel voor de inrichting van de programma-organisatie: verdeling van
verantwoordelijkheden en bevoegdheden (wie doet wat) en sturingslijnen tussen diverse
niveaus in het programma (tussen deelprogramma’s, inspanningen);"""),
        "Deze voorstellen werken we hieronder verder uit.",
    ]
)

SEED_SECTIONS = [
    {
        "title": "Sturingsvormen: theorie en inhoudelijke keuzes",
        "text": "\n\n".join(
            [
                _para("""
In het programma van de Alliantie van Kracht brengen we veel mensen uit de 42 betrokken
organisaties bij elkaar. Daarbij is de vraag hoe we vanuit het programma sturen op het halen van de
doelen die we met elkaar in het programma hebben vast gesteld voor 20 jaar. Daarbij zijn er vier
algemene sturingsvormen en bestaan er ook tussenvormen die een mengvorm zijn van de algemene
sturingsvormen. De vorm bepaalt de invulling van de rol van programmamanager (PGM). Zie in de
bijlage bij figuur 1 t/m 4 de korte theoretische uitleg bij de diverse sturingsvormen."""),
                "**Inhoudelijke keuzes**",
                ASKED,
            ]
        ),
        "inputs": _points(
            """Laten we onszelf de flexibiliteit geven om verschillende vormen te kiezen en uit te proberen
in de 20 jaar die we hebben;""",
            """sturen op budget verdient geen voorkeur. Organisaties willen zelf zeggenschap houden over
waar zij hun geld aan besteden en willen dat niet uitbesteden aan een PGM;""",
            """bij een zelfstandige vorm voegen we nog een organisatie toe aan de al bestaande
organisaties. Dat willen we niet;""",
            """we zoeken naar een beweging die we willen maken. Met daarin organisaties die weten wat
ze moeten doen en die zich bewust zijn van hun betrokkenheid en verantwoordelijkheid;""",
            """gemeenten willen ook wat te zeggen hebben en niet elke gemeente wil hetzelfde. Daar
moeten we rekening mee houden bij het kiezen van een passende vorm;""",
            """we ontkomen er niet aan dat we mensen en organisaties gaan aanspreken op geleverde
resultaten;""",
            """we willen groot denken en klein beginnen met diverse experimenten in dorp/wijk/buurt.
Daarbij past een regievorm heel goed;""",
            """als we doen wat we al deden, komen we niet vooruit. Laten we vooral waken dat organisatie
belangen teveel bepalen;""",
            """we moeten handelen vanuit het belang van de personen om wie het gaat en daarbij niet het
organisatiebelang voorop stellen;""",
            """start met een coalition of the willing. Als dat een succes wordt, sluiten anderen vanzelf aan;""",
            """laat de 42 betrokken organisaties kiezen en commitment uitspreken via een convenant op
diverse vormen van commitment en betrokkenheid (A/B/C pakket);""",
            """zorg ervoor dat de bestrijding van armoede in de gemeentelijke dienstverlening als
speerpunt wordt vastgesteld en onderdeel wordt van het primaire proces en de primaire
taken. Laat dat vast stellen door de gemeenteraad. En zorg dat gemeenten daar de
bijbehorende resources voor vrijmaken. Omdat we weten dat vooral uitvoeringskracht
momenteel een groot vraagstuk is, vragen we aan gemeenten het mandaat om de
uitvoering van deze primaire taak ergens anders te beleggen.  Bij 1 of meerdere
uitvoeringsorganisaties. De gemeente houdt zelf het recht om daarbij meer te doen dan aan
de uitvoeringsorganisatie(s) wordt gevraagd te doen""",
        ),
        "summary": _points(
            """We willen flexibiliteit in de vorm houden en niet nu iets vast leggen voor 20 jaar;""",
            """het is belangrijk dat we voorbij het organisatiebelang denken;""",
            """laat de 42 betrokken organisaties kiezen en commitment uitspreken via een convenant op
diverse vormen van commitment en betrokkenheid (A/B/C pakket);""",
            """zorg ervoor dat de bestrijding van armoede in de gemeentelijke dienstverlening als
speerpunt wordt vastgesteld en onderdeel wordt van het primaire proces en de primaire
taken""",
            """de vorm die we nu op dit moment het beste vinden passen is de regievorm. Daar willen we
voor gaan. Het voorstel is om hier besluitvorming op plaats te laten vinden door het Dagelijks
bestuur. En de hierboven genoemde, inhoudelijke punten verder uit te werken naar bv 5-10
ontwerpuitgangspunten voor de nadere uitwerking van de regievorm (met daarin ook
aandacht voor de rol van de progammamanager en middelen). Deze ontwerpuitgangspunten
laten we ook vaststellen door het Dagelijks bestuur en/of de stuurgroep;""",
        ),
    },
    {
        "title": "Programma organisatie: theorie en inhoudelijke keuzes",
        "text": "\n\n".join(
            [
                _para("""
De programma organisatie gaat over het inregelen van een passende organisatiestructuur die nodig
is om alle inspanningen te realiseren die nodig zijn om de doelen te bereiken. En de keuzen daarin in
verdeling van verantwoordelijkheden en bevoegdheden en sturingslijnen tussen diverse niveaus in
het programma (deelprogramma’s, inspanningen, moederorganisatie). Daarbij zijn er drie niveaus
van sturing. Bij de start van een programma ben je aan het richten: waar willen we heen qua visie en
strategie? Dat staat in ons programmaplan. Bij het inrichten kijken we naar de structuur. Daar zijn we
nu mee bezig. En bij het verrichten komt een veelheid van mensen en organisaties in beweging en
zijn aan het werk. Zie in de bijlage bij figuur 5 de korte theoretische uitleg bij de diverse
sturingsvormen."""),
                _para("""
En zijn er een aantal basisrollen die bij een programma-organisatie horen. Waarvan de rollen van
opdrachtgever, programmamanager en inspanningsleiders/projectleiders de meest gangbare zijn. Zie
figuur 6 in de bijlage. Naast de ondersteunende basisrollen van programmasecretaris,
programmacontroller en  communicatieleider."""),
                "**Inhoudelijke keuzes**",
                ASKED,
            ]
        ),
        "inputs": _points(
            """De rol van opdrachtgever kan een wisselende rol zijn. Bijvoorbeeld via een penvoerder die
wisselt. Ben je als organisatie penvoerder, dan ben je ook opdrachtgever en lever je
bijvoorbeeld ook een programma secretaris;""",
            """laten we een vorm van medezeggenschap inrichten met ervaringsdeskundigen;""",
            """laten we ervaringsdeskundigen toevoegen aan een Raad van Toezicht;""",
            """laten we ervaringsdeskundigen toevoegen in het dagelijks bestuur van de AVK;""",
            """hou een lichte ondersteuningsvorm met alleen ondersteunende basisrollen van
programmasecretaris, programmacontroller en communicatieleider. Geef het geld niet
teveel uit aan de programma-organisatie maar aan de mensen om wie het gaat""",
            """zorg voor een ledengroep/ledenraad/ledenvertegenwoordiging met 42 partners en zet
daarnaast een stuurgroep op waarin de partners zitten met de hoogste commitment en
betrokkenheid (A/B/C pakket). Voeg evt een landelijk bekend iemand (lid SER of oud
minister) toe aan deze  stuurgroep;""",
            """leg goed vast van tevoren wat de bevoegdheden van deze stuurgroep zijn;""",
            """richt op het lokale niveau van de experimenten ook een vorm in om te sturen;""",
            """hou jaarlijks een eiland van reflectie op alle betrokken niveaus van stuurgroep tot aan
ledengroep/ledenraad.""",
        ),
        "summary": _points(
            """We willen ervaringsdeskundigen toevoegen aan de programma-organisatie;""",
            """we vinden een lichte ondersteuningsvorm met alleen ondersteunende basisrollen van
programmasecretaris, programmacontroller en communicatieleider het meest passend;""",
            """we hebben nog geen duidelijke beelden bij de invulling van de rol van opdrachtgever,
stuurgroep en evt ledengroep. Dat vraagt een nadere verkenning. Het voorstel is om
besluitvorming op de lichte ondersteuningsstructuur met alleen ondersteunende basisrollen
van programmasecretaris, programmacontroller en communicatieleider plaats te laten
vinden door het Dagelijks bestuur. En om de hierboven genoemde, inhoudelijke punten
verder uit te werken naar een aantal ontwerpuitgangspunten. Deze ontwerpuitgangspunten
laten we ook vaststellen door het Dagelijks bestuur en/of de stuurgroep;""",
            """hou jaarlijks een eiland van reflectie op alle betrokken niveaus.""",
        ),
    },
    {
        "title": "Middelen: theorie en inhoudelijke keuzes",
        "text": "\n\n".join(
            [
                _para("""
Voor wat betreft de inzet van middelen in het programma hebben we ons afgevraagd of er met
bestaande middelen al veel kan worden bereikt als we het gezamenlijk richten. Waarbij het dan
belangrijk is voor de opgave om bestaande middelen gezamenlijk te richten. Of dat we extra
middelen nodig hebben om het programma en de programma-organisatie in te kunnen vullen."""),
                "**Inhoudelijke keuzes**",
                ASKED,
            ]
        ),
        "inputs": _points(
            """Middelen zijn niet ons grootste probleem. Er is geld genoeg in de regio. Denk daarbij aan
NPG gelden, Regiodeal 2 gelden, IVF gelden, meevallers op het gebied van corona bij
gemeenten, in de meicirculaire lees je dat gemeenten dit jaar krijgen: € 50 miljoen
voor flankerend beleid energiearmoede en € 40 miljoen voor aanpak armoede en schulden.
Gemeenten krijgen hiernaast sinds 2017 jaarlijks € 85 miljoen voor bestrijding
kinderarmoede. Het grootste probleem/uitdaging ligt bij de uitvoeringskracht en personeel
tekorten. Daarin hebben we met elkaar een opgave om dat goed te regelen in het
programma en gemeenten te ontlasten via het beleggen van de gewenste uitvoering bij
uitvoeringsorganisaties(s);""",
            """het gaat vooral om het beter richten van bestaand geld;""",
            """zonder extra middelen beweegt er niemand. Kijk maar naar het Groninger zorg akkoord.
Middelen zijn de benodigde smeerolie;""",
            """laten we een gezamenlijk lobbystrategie uitwerken om externe middelen aan te vragen;""",
            """een midden-vorm is passend: aan de ene kant het geld beter richten en in gesprek met
gemeenten over het beter inzetten van bestaande middelen aan de andere kant via externe
middelen de programma-organisatie financieren en zorgen voor activiteitenbudget in het
programma""",
            """zoek de social return on investment uit om organisaties mee te krijgen in financiering;""",
            """laten we morgen klein beginnen, daar waar de energie zit en waar geen extra middelen
nodig zijn om te starten. Naast dat er middelen nodig zijn voor de inrichting van de
programma-organisatie.""",
        ),
        "summary": _points(
            """We willen morgen klein beginnen, daar waar de energie zit en waar geen extra middelen
nodig zijn om te starten;""",
            """we vinden dat er middelen nodig zijn voor de inrichting van de programma-organisatie;""",
            """we hebben nog geen duidelijke beelden bij verdere benodigde middelen en strategie (beter
richten bestaand geld/lobby strategie inzetten. Dat vraagt een nadere verkenning;""",
            """het voorstel is om besluitvorming op de inzet van middelen die nodig zijn voor de inrichting
van de programma-organisatie plaats te laten vinden door het Dagelijks bestuur. En om de
hierboven genoemde, inhoudelijke punten verder uit te werken. Deze uitwerking laten we
ook vaststellen door het Dagelijks bestuur en/of de stuurgroep;""",
        ),
    },
]

# (kind, text after "The DB is asked to take note of / to approve")
SEED_DECISIONS = [
    (ProposedDecision.Kind.NOTE, "dit inhoudelijke voorstel."),
    (ProposedDecision.Kind.APPROVE, "het inzetten van een regievorm;"),
    (
        ProposedDecision.Kind.APPROVE,
        _para("""
een nadere uitwerking van de precieze vorm op basis van de hierboven genoemde
uitgangspunten;"""),
    ),
    (
        ProposedDecision.Kind.APPROVE,
        _para("""
het inzetten op de lichte ondersteuningsstructuur met alleen ondersteunende basisrollen
van programmasecretaris, programmacontroller en communicatieleider. En hiervoor middelen
te vergaren;"""),
    ),
    (
        ProposedDecision.Kind.APPROVE,
        _para("""
een nadere uitwerking van de invulling van de rol van opdrachtgever, stuurgroep en evt
ledengroep op basis van de hierboven genoemde uitgangspunten;"""),
    ),
    (
        ProposedDecision.Kind.APPROVE,
        _para("""
een nadere uitwerking van de verdere benodigde middelen en strategie (beter richten
bestaand geld/lobby strategie inzetten)."""),
    ),
]

# Who voted what on the seed memo, per decision in order (the note is acknowledged).
SEED_VOTES = {
    CHAIR_EMAIL: ["acknowledged", "for", "for", "for", "for", "for"],
    MEMBER_EMAIL: ["acknowledged", "for", "for", "for", "abstain", "for"],
    EXPERT_EMAIL: ["acknowledged", "for", "for", "for", "for", "abstain"],
}
SEED_SUBMITTED = datetime.datetime(2023, 6, 19, 14, 0, tzinfo=AMS)
SEED_DEADLINE = datetime.datetime(2023, 7, 3, 17, 0, tzinfo=AMS)
SEED_VOTED = {
    CHAIR_EMAIL: datetime.datetime(2023, 6, 22, 9, 15, tzinfo=AMS),
    MEMBER_EMAIL: datetime.datetime(2023, 6, 26, 20, 40, tzinfo=AMS),
    EXPERT_EMAIL: datetime.datetime(2023, 6, 29, 11, 5, tzinfo=AMS),
}

OPEN_TITLE = "Ontwerpuitgangspunten voor de regievorm"
OPEN_INTRODUCTION = _para("""
Op 3 juli 2023 stemde het Dagelijks Bestuur in met het inzetten van een regievorm en met een
nadere uitwerking van de precieze vorm. In twee werksessies met ervaringsdeskundigen en
partners zijn de inhoudelijke punten van toen uitgewerkt tot ontwerpuitgangspunten. Die leggen
we hier ter besluitvorming voor.""")
OPEN_SECTIONS = [
    {
        "title": "Ontwerpuitgangspunten",
        "text": _para("""
De uitgangspunten beschrijven hoe het programma stuurt zonder een nieuwe organisatie te
worden: de partners houden zeggenschap over hun eigen middelen, het programma brengt ze
samen rond de mensen om wie het gaat."""),
        "inputs": "\n".join(
            [
                "We sturen op regie, niet op budget of bevoegdheden",
                "Ervaringsdeskundigen praten en beslissen mee op elk niveau",
                "We beginnen klein, in dorp, wijk of buurt, en leren van wat werkt",
            ]
        ),
        "summary": "\n".join(
            [
                "De regievorm krijgt vorm langs vijf ontwerpuitgangspunten;",
                "de programmamanager is regisseur, geen budgethouder;",
            ]
        ),
    },
    {
        "title": "Rol van de programmamanager",
        "text": _para("""
De programmamanager verbindt de partners, bewaakt de samenhang tussen de inspanningen en
legt verantwoording af aan het Dagelijks Bestuur."""),
        "inputs": "",
        "summary": "Het Dagelijks Bestuur is opdrachtgever van de programmamanager.",
    },
]
OPEN_DECISIONS = [
    (ProposedDecision.Kind.NOTE, "de uitwerking van de regievorm in deze memo."),
    (ProposedDecision.Kind.APPROVE, "de vijf ontwerpuitgangspunten voor de regievorm;"),
    (
        ProposedDecision.Kind.APPROVE,
        "de rol van de programmamanager als regisseur, met het Dagelijks Bestuur als "
        "opdrachtgever.",
    ),
]
# The chair voted on everything, the experience expert on the first two; the demo DB
# member (db-lid@avk.example) has not voted yet.
OPEN_VOTES = {
    CHAIR_EMAIL: ["acknowledged", "for", "for"],
    EXPERT_EMAIL: ["acknowledged", "for"],
}
# The experience expert stepped aside on the third decision: a personal interest.
OPEN_CONFLICTS = {
    EXPERT_EMAIL: [
        (2, "Mijn partner werkt bij de organisatie die de programmamanager levert."),
    ],
}
OPEN_VOTING_DAYS = 10
