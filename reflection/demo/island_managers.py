"""The managers' and team leaders' Eiland van reflectie of 5 June 2024, in the seed memo's words.

Shaped as `reflection.demo.islands` describes; it builds the session from this.
"""

import datetime

MANAGERS_PEOPLE = ["redacteur.cosis@avk.example", "redacteur.lentis@avk.example"]

MANAGERS_2024 = {
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
                    "Visie Alliantie van Kracht onderdeel laten zijn van eigen organisatie visie",
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
                    "Meer doorvoelen waar we het over hebben als het gaat over generatiearmoede",
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
}
