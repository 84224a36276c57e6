"""Demo stakeholder picture: where the demo partners stood in the movement, 2023 to 2026.

The memo of 2 June 2025 asks for a stakeholder analysis of the partners ("Wat weten we op
dit moment van alle partners? Hoe staat ze erin? Waar mee bezig?"). The stages are the
programme team's own judgement; this spread follows what the seeds and the other demo data
say: the werksessie of 19 June 2023, the covenant with its A/B/C packages (signed in the demo
on 11 December 2023), the internal AVK teams, the quick scans and the interventions. Afeer
moves back a step ("Organisaties moeten eraan toe zijn"). Dates after today are left out,
and running it again adds nothing.
"""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from movement.models import Stage, StakeholderEntry
from partners.models import Partner

WERKSESSIE = "2023-06-19"  # the memo "randvoorwaarden programma"
CONVENANT = "2023-12-11"  # the demo covenant's signing day
EILANDEN_2025 = "2025-06-02"  # the memo "eilanden van reflectie"

TEAM = "Intern AVK-team optuigen: bestuurder, managers en uitvoering"
VISION = "Visie AVK onderdeel maken van de eigen organisatievisie"
SCAN = "Quick scan AVK en randvoorwaarden RUG"
PILOT = "Pilot visie vorming en vertaling in actie"
NETWORKS = "Aansluiten bij bestaande netwerken en overlegtafels"

# partner -> [(date, stage, working on, note)], oldest first
ENTRIES = {
    "Gemeente Veendam": [
        (WERKSESSIE, Stage.INVOLVED, NETWORKS, "Was bij de werksessie."),
        (CONVENANT, Stage.COMMITTED, TEAM, "Convenant getekend, A-pakket."),
        (
            EILANDEN_2025,
            Stage.CARRYING,
            VISION,
            "Het AVK-team trekt de visie in de eigen gemeente.",
        ),
        ("2026-03-04", Stage.AMBASSADOR, PILOT, "Deelt wat werkt met andere partners."),
    ],
    "Gemeente Stadskanaal": [
        (WERKSESSIE, Stage.INVOLVED, NETWORKS, ""),
        (CONVENANT, Stage.COMMITTED, SCAN, "Convenant getekend, A-pakket."),
        ("2025-09-10", Stage.CARRYING, VISION, ""),
    ],
    "Gemeente Emmen": [
        (WERKSESSIE, Stage.AWARE, "", ""),
        (
            CONVENANT,
            Stage.COMMITTED,
            "Jongeren en geld op het mbo",
            "Convenant getekend, A-pakket.",
        ),
    ],
    "Gemeente Pekela": [
        ("2024-04-17", Stage.AWARE, "Geldzorgen-spreekuur in de bibliotheek", ""),
    ],
    "Gemeente Oldambt": [
        ("2024-04-17", Stage.AWARE, "", "Nog geen aanspreekpunt voor de AVK."),
    ],
    "Gemeente Westerwolde": [
        ("2025-06-02", Stage.AWARE, NETWORKS, ""),
    ],
    "Gemeente Midden-Groningen": [
        ("2024-04-17", Stage.AWARE, "", ""),
        ("2026-02-11", Stage.INVOLVED, PILOT, "Wil meedoen aan een pilot."),
    ],
    "Lentis": [
        (WERKSESSIE, Stage.INVOLVED, "", "Was bij de werksessie."),
        (CONVENANT, Stage.COMMITTED, TEAM, "Convenant getekend, A-pakket."),
        ("2024-11-20", Stage.CARRYING, VISION, "Het interne AVK-team is compleet."),
        ("2025-10-08", Stage.AMBASSADOR, "Samenbrengen van ambassadeurs", ""),
    ],
    "Noorderpoort": [
        (WERKSESSIE, Stage.AWARE, "", ""),
        (
            CONVENANT,
            Stage.COMMITTED,
            "Jongeren en geld op het mbo",
            "Convenant getekend, A-pakket.",
        ),
        ("2026-01-14", Stage.CARRYING, VISION, ""),
    ],
    "Cosis": [
        (WERKSESSIE, Stage.AWARE, "", ""),
        (CONVENANT, Stage.INVOLVED, "Gezinscoach bij armoede", "Convenant getekend, B-pakket."),
        (EILANDEN_2025, Stage.COMMITTED, TEAM, "Het team mist nog een manager."),
    ],
    "GKB": [
        (WERKSESSIE, Stage.INVOLVED, "Geldzorgen-spreekuur in de bibliotheek", ""),
        (CONVENANT, Stage.COMMITTED, SCAN, "Convenant getekend, B-pakket."),
    ],
    "CMO STAMM": [
        (CONVENANT, Stage.INVOLVED, "Onboarding AVK-visie voor nieuwe medewerkers", "B-pakket."),
        ("2025-02-05", Stage.COMMITTED, "Onboarding AVK-visie voor nieuwe medewerkers", ""),
    ],
    "Leger des Heils": [
        (WERKSESSIE, Stage.AWARE, "", ""),
        (CONVENANT, Stage.INVOLVED, "Geldzorgen-spreekuur in de bibliotheek", "B-pakket."),
    ],
    "Afeer": [
        (WERKSESSIE, Stage.AWARE, "", ""),
        ("2024-05-22", Stage.INVOLVED, SCAN, ""),
        (
            EILANDEN_2025,
            Stage.AWARE,
            "",
            "Organisaties moeten eraan toe zijn: vriendelijk duwen en helpen.",
        ),
    ],
    "VNN": [
        (CONVENANT, Stage.AWARE, "", "C-pakket."),
    ],
    "Zorg Innovatie Forum": [
        (WERKSESSIE, Stage.INVOLVED, "", "Was bij de werksessie."),
        (CONVENANT, Stage.INVOLVED, "", "C-pakket."),
    ],
}


@transaction.atomic
def build() -> int:
    """Add the demo entries that are not there yet; returns how many were added."""
    today = timezone.localdate()
    staff = get_user_model().objects.filter(email="programmaleider@avk.example").first()
    partners = {p.name: p for p in Partner.objects.filter(name__in=ENTRIES)}
    added = 0
    for name, entries in ENTRIES.items():
        partner = partners.get(name)
        if partner is None:
            continue
        for day, stage, working_on, note in entries:
            recorded_on = datetime.date.fromisoformat(day)
            if recorded_on > today:
                continue
            _entry, created = StakeholderEntry.objects.get_or_create(
                partner=partner,
                recorded_on=recorded_on,
                stage=stage,
                defaults={"working_on": working_on, "note": note, "created_by": staff},
            )
            added += created
    return added
