"""Demo resources from the 2023 seed memo (memo-2023-06-19-randvoorwaarden-programma): the
funds it names (NPG, Regiodeal 2 and IVF money, municipal budgets), a lobby for external
funds, a budget for the light support structure it proposes (programme secretary,
programme controller, communication lead), money on two efforts of phase plan 3 and one
SROI worksheet ("zoek de social return on investment uit").

The memo gives no amounts for the programme: every amount here is a round illustration,
and each entry says "voorbeeld" in its note or description. Idempotent: sources by name,
applications by title, budget lines by (year, role), the effort lines by description.
"""

import datetime
from decimal import Decimal

from reflection.models import Effort
from resources.models import (
    Allocation,
    BudgetLine,
    FundingApplication,
    FundingSource,
    SroiInput,
    SroiOutcome,
)

MEMO = "memo randvoorwaarden programma, 19 juni 2023"
EXAMPLE = "Voorbeeld: een rond bedrag om de werking te laten zien, geen echt bedrag."

SOURCES = [
    ("NPG", FundingSource.Kind.NPG, f"NPG gelden, genoemd in de werksessie ({MEMO})."),
    (
        "Regiodeal 2",
        FundingSource.Kind.REGIODEAL,
        f"Regiodeal 2 gelden, genoemd in de werksessie ({MEMO}).",
    ),
    ("IVF", FundingSource.Kind.IVF, f"IVF gelden, genoemd in de werksessie ({MEMO})."),
    (
        "Gemeentelijke budgetten",
        FundingSource.Kind.MUNICIPAL,
        "In de meicirculaire lees je dat gemeenten dit jaar krijgen: € 50 miljoen voor "
        "flankerend beleid energiearmoede en € 40 miljoen voor aanpak armoede en schulden. "
        "Gemeenten krijgen hiernaast sinds 2017 jaarlijks € 85 miljoen voor bestrijding "
        f"kinderarmoede ({MEMO}). Het gaat vooral om het beter richten van bestaand geld.",
    ),
]

# (source, title, status, asked, granted, submitted, expected, decided, note)
APPLICATIONS = [
    (
        "Regiodeal 2",
        "Programma-organisatie financieren",
        FundingApplication.Status.PREPARING,
        Decimal("250000"),
        None,
        None,
        None,
        None,
        "Lobbystrategie: via externe middelen de programma-organisatie financieren. " + EXAMPLE,
    ),
    (
        "NPG",
        "Activiteitenbudget in het programma",
        FundingApplication.Status.SUBMITTED,
        Decimal("100000"),
        None,
        datetime.date(2025, 10, 1),
        datetime.date(2026, 1, 15),
        None,
        "Zorgen voor activiteitenbudget in het programma. " + EXAMPLE,
    ),
    (
        "IVF",
        "Onboarding en pilots visievorming",
        FundingApplication.Status.GRANTED,
        Decimal("40000"),
        Decimal("40000"),
        datetime.date(2025, 6, 16),
        datetime.date(2025, 8, 1),
        datetime.date(2025, 8, 1),
        EXAMPLE,
    ),
]

# role, description, amount per year
BUDGET = [
    (BudgetLine.Role.PROGRAMME_LEADER, "Programmaleider (voorbeeld)", Decimal("100000")),
    (
        BudgetLine.Role.PROGRAMME_STAFF,
        "Programmasecretaris en programmacontroller (voorbeeld)",
        Decimal("150000"),
    ),
    (BudgetLine.Role.COMMUNICATION, "Communicatieleider (voorbeeld)", Decimal("75000")),
    (
        BudgetLine.Role.EXPERIENCE_EXPERTS,
        "Inzet van ervaringsdeskundigen (voorbeeld)",
        Decimal("25000"),
    ),
]
BUDGET_YEARS = [2025, 2026]

TEAM_EFFORT = "Elke partner tuigt een intern AVK-team op"
PILOT_EFFORT = "Onboarding en pilots visievorming"


def _effort(title: str) -> Effort | None:
    return Effort.objects.filter(plan__number=3, title=title).order_by("-plan__version").first()


def build() -> None:
    """Build (or bring back) the demo resources. Idempotent; call after reflection's demo."""
    sources = {}
    for name, kind, description in SOURCES:
        sources[name], _created = FundingSource.objects.update_or_create(
            name=name, defaults={"kind": kind, "description": description}
        )
    applications = {}
    for source, title, status, asked, granted, submitted, expected, decided, note in APPLICATIONS:
        applications[title], _created = FundingApplication.objects.update_or_create(
            source=sources[source],
            title=title,
            defaults={
                "status": status,
                "amount_asked": asked,
                "amount_granted": granted,
                "submitted_on": submitted,
                "decision_expected_on": expected,
                "decided_on": decided,
                "owner": "Programmaleider",
                "note": note,
            },
        )
    lines = {}
    for year in BUDGET_YEARS:
        for role, description, amount in BUDGET:
            lines[year, role], _created = BudgetLine.objects.update_or_create(
                year=year, role=role, defaults={"description": description, "amount": amount}
            )

    team, pilots = _effort(TEAM_EFFORT), _effort(PILOT_EFFORT)
    if team is not None:
        Allocation.objects.update_or_create(
            effort=team,
            note="Deel van de programma-ondersteuning (voorbeeld)",
            defaults={
                "budget_line": lines[2025, BudgetLine.Role.PROGRAMME_STAFF],
                "application": None,
                "amount": Decimal("10000"),
                "starts_on": team.start,
                "ends_on": team.end,
            },
        )
    if pilots is not None:
        Allocation.objects.update_or_create(
            effort=pilots,
            note="Uit de toekenning van IVF (voorbeeld)",
            defaults={
                "application": applications[PILOT_EFFORT],
                "budget_line": None,
                "amount": Decimal("20000"),
                "starts_on": pilots.start,
                "ends_on": pilots.end,
            },
        )
        SroiInput.objects.update_or_create(
            effort=pilots,
            description="Uren van de partners in de pilots (voorbeeld)",
            defaults={"amount": Decimal("10000"), "source": "Voorbeeld: 200 uur van € 50"},
        )
        SroiOutcome.objects.update_or_create(
            effort=pilots,
            description="Partners die hun visie vertalen in actie (voorbeeld)",
            defaults={
                "quantity": Decimal("5"),
                "value_per_unit": Decimal("10000"),
                "source": "Voorbeeld: een aanname om het rekenblad te laten zien, geen echte "
                "bron. Vervang door een onderbouwde waarde.",
            },
        )
