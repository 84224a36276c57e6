"""The steering group's Eiland van reflectie of 11 June 2024, in the seed memo's words.

Shaped as `reflection.demo.islands` describes; it builds the session from this.
"""

import datetime

STUURGROEP_PEOPLE = [
    "hilde.bakker@avk.example",
    "stuurgroep@avk.example",
    "pieter.wiersma@avk.example",
    "johan.kuiper@avk.example",
    "db-lid@avk.example",
]

STUURGROEP_2024 = {
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
}
