"""Demo data for the quick scan "AVK-proof".

The memo of 2 June 2025 asks "Zijn organisaties AVK proof? ... Worden randvoorwaarden RUG
uitgevoerd ja/nee?" and "Quick scan AVK en randvoorwaarden Rug voor alle 51 partners doen".
The criteria below put the RUG preconditions, as the memo describes them, in plain Dutch.
Scans are made for about half of the seed partners; some have no scan of the latest year,
so the overview shows who still has to do it. Safe to run more than once.
"""

import datetime
import zlib

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from partners.models import Partner, QuickScan, QuickScanAnswer, QuickScanCriterion

# (text, explanation)
CRITERIA = [
    (
        "De organisatie heeft een intern AVK-team",
        "Een bestuurder, managers en uitvoerders die samen de AVK in de eigen organisatie trekken.",
    ),
    (
        "De visie van de AVK is onderdeel van de eigen organisatievisie",
        "De visie staat in het beleid en de jaarplannen, niet alleen op papier bij de AVK.",
    ),
    (
        "Bestuurders geven mandaat en tijd om dingen anders te doen",
        "Medewerkers mogen afwijken van de regels als dat een gezin in armoede verder helpt "
        "(maatwerk).",
    ),
    (
        "Medewerkers kennen de visie van de AVK en werken ernaar",
        "Nieuwe medewerkers leren de visie kennen, bijvoorbeeld in hun inwerkprogramma.",
    ),
    (
        "De organisatie werkt samen met ervaringsdeskundigen",
        "Mensen die armoede zelf hebben meegemaakt denken en beslissen mee.",
    ),
    (
        "De organisatie deelt wat werkt met andere partners",
        "Goede voorbeelden komen in de etalage en worden besproken in de overleggen.",
    ),
    (
        "De organisatie werkt samen met andere partners rond één gezin",
        "Weten wie waar wat doet en met wie, zodat een gezin niet van loket naar loket gaat.",
    ),
    (
        "De organisatie volgt wat haar inzet oplevert en leert daarvan",
        "Monitoring, effectiviteit en ervaringen: meten, terugkoppelen en bijstellen.",
    ),
]

# partner -> number of criteria met in the older years and in the newest one (None: not yet)
SCANS = {
    "Gemeente Veendam": (5, 7),
    "Gemeente Stadskanaal": (4, 6),
    "Gemeente Emmen": (3, None),
    "Lentis": (6, 8),
    "Noorderpoort": (4, 5),
    "Cosis": (3, None),
    "GKB": (5, 6),
    "CMO STAMM": (2, None),
    "Leger des Heils": (4, None),
}

NOTES = {
    0: "Het team is compleet sinds dit jaar.",
    2: "Nog niet overal; we maken er afspraken over in het MT.",
    5: "Gedeeld in het afvaardigingsoverleg.",
}


def _years() -> list[int]:
    """2024 and 2025 as in the memo, and the current year when that is later."""
    return sorted({2024, 2025, timezone.localdate().year})


def _met(partner_name: str, order: int, score: int) -> bool:
    """A fixed choice of `score` criteria met, different per partner."""
    offset = zlib.crc32(partner_name.encode()) % len(CRITERIA)
    return (order - offset) % len(CRITERIA) < score


@transaction.atomic
def build(partners: dict[str, Partner]) -> None:
    criteria = []
    for order, (text, explanation) in enumerate(CRITERIA, start=1):
        criterion, _created = QuickScanCriterion.objects.update_or_create(
            text=text, defaults={"explanation": explanation, "order": order * 10}
        )
        criteria.append(criterion)

    years = _years()
    newest = years[-1]
    staff = get_user_model().objects.filter(email="programmaleider@avk.example").first()
    for name, (older_score, newest_score) in SCANS.items():
        partner = partners.get(name)
        if partner is None:
            continue
        for year in years:
            score = newest_score if year == newest else older_score - (year < newest - 1)
            if score is None or QuickScan.objects.filter(partner=partner, year=year).exists():
                continue
            scan = QuickScan.objects.create(
                partner=partner,
                year=year,
                score=sum(1 for i in range(len(criteria)) if _met(name, i, score)),
                total=len(criteria),
                filled_by=staff,
            )
            QuickScanAnswer.objects.bulk_create(
                QuickScanAnswer(
                    scan=scan,
                    criterion=criterion,
                    met=_met(name, i, score),
                    note=NOTES.get(i, "") if year == newest else "",
                )
                for i, criterion in enumerate(criteria)
            )
            # Backdate so the pages show when it was filled in.
            filled_on = min(
                datetime.datetime(year, 3, 15, 10, 0, tzinfo=datetime.UTC), timezone.now()
            )
            QuickScan.objects.filter(pk=scan.pk).update(created_at=filled_on, updated_at=filled_on)
