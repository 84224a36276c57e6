"""A long programme history for the query-count and page-size tests of "Wat bereiken we" and
the dossiers: years of measurements for many areas and indicators, efforts with quarterly
updates answering attention points, decisions, commitments and quick scans."""

import datetime
from decimal import Decimal

from avk.cache import touch
from governance.models import Body
from monitoring.models import Area, EffortIndicator, Indicator, Measurement
from monitoring.models.indicators import Visibility
from monitoring.selectors.dossier import DOSSIER_READ
from monitoring.selectors.results import PROGRAMME_RESULTS_READ, PUBLIC_RESULTS_READ
from partners.models import Commitment, Package, QuickScan
from reflection.models import Effort, EffortUpdate, PhasePlan
from tests.factories import BodyFactory, PartnerFactory
from tests.governance.factories import DecisionFactory
from tests.monitoring.factories_results import netherlands, region
from tests.reflection.factories import AttentionPointFactory, ReflectionSessionFactory
from tests.reflection.factories_plans import PhasePlanFactory

LAST_YEAR = 2026


def build_history(
    *,
    years: int,
    areas: int = 15,
    indicators: int = 10,
    efforts: int = 40,
    updates: int = 20,
    first_year: int | None = None,
) -> dict:
    """`years` years up to LAST_YEAR (or from `first_year` on)."""
    first = first_year or LAST_YEAR - years + 1
    span = range(first, first + years)
    places = [region(), netherlands()] + [
        Area.objects.get_or_create(
            code=f"GM{n + 2000:04d}",
            defaults={"name": f"Gemeente {n}", "kind": Area.Kind.MUNICIPALITY},
        )[0]
        for n in range(areas - 2)
    ]
    visibilities = list(Visibility.values)
    made = [
        Indicator.objects.get_or_create(
            name=f"Indicator {n}",
            defaults={
                "definition": "-",
                "unit": "percentage",
                "polarity": "lower",
                "source": "CBS",
                "visibility": visibilities[n % 3],
                "order": n,
            },
        )[0]
        for n in range(indicators)
    ]
    Measurement.objects.bulk_create(
        [
            Measurement(indicator=i, area=a, year=y, value=Decimal(5 + (y % 7)))
            for i in made
            for a in places
            for y in span
        ],
        ignore_conflicts=True,
    )
    plan = PhasePlan.objects.filter(status=PhasePlan.Status.ADOPTED).first() or PhasePlanFactory(
        status=PhasePlan.Status.ADOPTED,
        period_start=datetime.date(2022, 1, 1),
        period_end=datetime.date(2027, 12, 31),
    )
    sessions = []
    for year in span:
        session = ReflectionSessionFactory(year=year, level="programmateam", group_name="")
        points = [AttentionPointFactory(session=session, number=n + 1) for n in range(2)]
        sessions.append((session, points))
    all_points = [p for _s, points in sessions for p in points]
    done = []
    for n in range(efforts):
        effort = Effort.objects.create(
            plan=plan,
            title=f"Inspanning {plan.pk}-{n}",
            start=plan.period_start,
            end=plan.period_end,
            order=n,
        )
        effort.attention_points.set({all_points[n % len(all_points)], all_points[-1 - n % 3]})
        EffortIndicator.objects.create(effort=effort, indicator=made[n % len(made)])
        done.append(effort)
    quarters = [datetime.date(LAST_YEAR - q // 4, 10 - 3 * (q % 4), 1) for q in range(updates)]
    EffortUpdate.objects.bulk_create(
        [
            EffortUpdate(effort=e, period_start=q, status="on_track", narrative="Goed bezig.")
            for e in done
            for q in quarters
        ],
        ignore_conflicts=True,
    )
    packages = [
        Package.objects.get_or_create(code=c, defaults={"name": c, "order": i})[0]
        for i, c in enumerate("ABC")
    ]
    bodies = [
        Body.objects.filter(name=f"Orgaan {n}").first()
        or BodyFactory(name=f"Orgaan {n}", short_name=f"O{n}")
        for n in range(2)
    ]
    for year in span:
        for body in bodies:
            DecisionFactory(body=body, year=year, proposed_decision__memo__body=body)
        partner = PartnerFactory()
        Commitment.objects.create(
            partner=partner,
            package=packages[year % 3],
            period_start=datetime.date(year, 1, 1),
            status=Commitment.Status.IN_EFFECT,
        )
        QuickScan.objects.create(partner=partner, year=year, score=2, total=4)
    # Bulk writes send no signal: like a service that bulk-writes, say what changed.
    touch(*PROGRAMME_RESULTS_READ, *PUBLIC_RESULTS_READ, *DOSSIER_READ)
    return {"sessions": [s for s, _p in sessions], "efforts": done}
