"""The monitoring part of the benchmark dataset: what "Wat bereiken we" and the dossiers read.

bench/run.py calls build_results_history() after its own dataset (51 partners, 5 years of
commitments and quick scans, 6 bodies) and measures the dashboard, its public version and a
dossier with its other pages. With bulk_create it adds 20 years x 15 areas x 10 indicators of
measurements, 3 reflection levels x 20 years of islands with 6 attention points each, an
adopted phase plan with 40 efforts x 20 quarterly updates answering those points and linked
to the indicators, and 20 years of decisions for every body.

Run on its own to measure only these pages (after the shared dataset):
    .tools/bin/uv run --locked python bench/results_data.py
"""

import datetime
import sys
from pathlib import Path

YEARS = 20
EFFORTS = 40
UPDATES = 20
POINTS_PER_ISLAND = 6
DECISIONS_PER_BODY_YEAR = 10


def build_results_history(data: dict, *, decisions: bool = True) -> dict:
    """Add the monitoring history; returns the URLs of the pages to measure. Without
    `decisions` the bodies' 20 years of decisions are left to whoever built them already."""
    from django.db import transaction
    from django.utils import timezone

    from governance.models import Body, Decision, Memo, ProposedDecision
    from monitoring.models import EffortIndicator, Indicator, Measurement
    from reflection.models import (
        AttentionPoint,
        Effort,
        EffortUpdate,
        PhasePlan,
        ReflectionSession,
    )

    today = timezone.localdate()
    years = range(today.year - YEARS + 1, today.year + 1)
    with transaction.atomic():
        # The indicators and their 20 years x 15 areas of values come from bench/indicators.py
        # (built with the shared dataset): the dossiers and the dashboard read those.
        indicators = list(Indicator.objects.order_by("order", "pk"))
        sessions = ReflectionSession.objects.bulk_create(
            ReflectionSession(year=y, level=level, date=datetime.date(y, 6, 2))
            for y in years
            for level in ("programmateam", "managers", "stuurgroep")
        )
        points = AttentionPoint.objects.bulk_create(
            AttentionPoint(session=s, side=["het", "wij", "ik"][n % 3], number=n + 1,
                           title=f"Aandachtspunt {n + 1}", description="Toelichting.")
            for s in sessions
            for n in range(POINTS_PER_ISLAND)
        )  # fmt: skip
        plan = PhasePlan.objects.create(
            number=99,
            title="Faseplan bench",
            period_start=datetime.date(today.year - 5, 1, 1),
            period_end=datetime.date(today.year + 1, 12, 31),
            status="adopted",
            adopted_on=datetime.date(today.year - 5, 1, 1),
        )
        # A draft that staff still adopt: its page offers the body's decisions to adopt it by.
        draft = PhasePlan.objects.create(
            number=100,
            title="Faseplan bench, concept",
            period_start=datetime.date(today.year + 2, 1, 1),
            period_end=datetime.date(today.year + 3, 12, 31),
        )
        efforts = Effort.objects.bulk_create(
            Effort(plan=plan, title=f"Inspanning {n}", start=plan.period_start,
                   end=plan.period_end, status="running", order=n)
            for n in range(EFFORTS)
        )  # fmt: skip
        # The newest island's points each answered by several efforts, and older points too.
        newest = [p for p in points if p.session_id == sessions[-3].pk]
        Effort.attention_points.through.objects.bulk_create(
            Effort.attention_points.through(effort_id=e.pk, attentionpoint_id=p.pk)
            for n, e in enumerate(efforts)
            for p in {newest[n % len(newest)], points[(n * 7) % len(points)]}
        )
        EffortIndicator.objects.bulk_create(
            EffortIndicator(effort=e, indicator=indicators[(n + k) % len(indicators)])
            for n, e in enumerate(efforts)
            for k in range(2)
        )
        quarter = (today.month - 1) // 3 * 3 + 1
        starts = [
            datetime.date(
                today.year + (quarter - 1 - 3 * q) // 12, (quarter - 1 - 3 * q) % 12 + 1, 1
            )
            for q in range(UPDATES)
        ]
        EffortUpdate.objects.bulk_create(
            EffortUpdate(effort=e, period_start=start, status=["on_track", "at_risk", "behind"][
                (n + k) % 3], percent_done=min(100, 5 * k), narrative="Het loopt.",
                author=data["staff"])
            for n, e in enumerate(efforts)
            for k, start in enumerate(starts)
        )  # fmt: skip
        bodies = list(Body.objects.all()) if decisions else []
        memos = Memo.objects.bulk_create(
            Memo(body=b, title=f"Memo {b.short_name} {y}", author="Bench",
                 memo_date=datetime.date(y, 3, 1), status="decided")
            for b in bodies
            for y in years
        )  # fmt: skip
        proposed = ProposedDecision.objects.bulk_create(
            ProposedDecision(memo=m, order=n, kind="approve", text=f"Voorstel {n}",
                             result="adopted")
            for m in memos
            for n in range(DECISIONS_PER_BODY_YEAR)
        )  # fmt: skip
        Decision.objects.bulk_create(
            Decision(body_id=pd.memo.body_id, year=pd.memo.memo_date.year, sequence=pd.order + 1,
                     number=f"B{pd.memo.body_id}-{pd.memo.memo_date.year}-{pd.order + 1:03d}",
                     proposed_decision=pd, decided_on=pd.memo.memo_date, result="adopted",
                     text=pd.text)
            for pd in proposed
        )  # fmt: skip
    data["counts"].update(
        measurements=Measurement.objects.count(),
        effort_updates=EffortUpdate.objects.count(),
        decisions=Decision.objects.count(),
        attention_points=AttentionPoint.objects.count(),
    )
    dossier = sessions[-3].pk  # the newest programme team island: the busiest dossier
    return {
        "/wat-bereiken-we/": "/wat-bereiken-we/",
        "/etalage/wat-bereiken-we/": "/etalage/wat-bereiken-we/",
        "/wat-bereiken-we/dossier/<pk>/": f"/wat-bereiken-we/dossier/{dossier}/",
        # The phase plan with 40 efforts x 20 quarterly updates, and one effort's timeline.
        "/reflectie/faseplannen/<pk>/": f"/reflectie/faseplannen/{plan.pk}/",
        "/reflectie/inspanningen/<pk>/": f"/reflectie/inspanningen/{efforts[0].pk}/",
        # The newest year's islands, and a draft plan as staff see it (with its adopt form).
        "/reflectie/<year>/": f"/reflectie/{today.year}/",
        "/reflectie/faseplannen/<draft pk>/ (staff)": f"/reflectie/faseplannen/{draft.pk}/",
        "/reflectie/faseplannen/": "/reflectie/faseplannen/",
    }


def main() -> None:
    """Measure only these pages, next to /healthz/, on the shared dataset plus this one."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import os

    import run

    name = os.environ.get("AVK_BENCH_RESULTS_DB", "avk_bench_results")
    os.environ["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{name}"
    run.create_database(name)
    import django

    django.setup()
    run.migrate()
    data = run.build_dataset()
    data["results_pages"] = build_results_history(data)
    run.log(f"  {data['counts']}")
    for r in run.measure_pages(data):
        run.log(
            f"  {r['label'][:48]:48} {r['who']:9} p50 {r['p50']:6.1f} ms  p95 {r['p95']:6.1f} ms"
            f"  {r['ratio']:5.1f}x  {r['queries']:3d} queries  {r['bytes']:7d} bytes"
        )


if __name__ == "__main__":
    main()
