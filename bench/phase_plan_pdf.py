"""Benchmark: the phase-plan PDF with 40 efforts (bar: < 2 s on this machine) and the yearly
AVK-monitor with 10 indicators over 20 years (bar: < 3 s).

Run from the repository root:  .tools/bin/uv run --locked python bench/phase_plan_pdf.py

Standalone: a fresh SQLite database in /tmp (DATABASE_URL, overridable), migrated, with a
draft plan of 40 efforts, each answering 2 attention points and involving partners. The
"phase_plan" document is rendered through avk.pdf.render_pdf (context builder included, as
the worker does it) 5 times after a warm-up; bare WeasyPrint renders the same HTML with its
default fetcher from a local HTTP server over the repository, so both load the same CSS
and fonts. The AVK-monitor is measured the same way on the same database, after adding the
indicators of bench/indicators.py (10 indicators x 15 areas x 20 years, targets and stories),
20 quarterly updates per effort of the (then adopted) plan, 6 public stories and 2 spotlights.
Prints the figures and writes a "Phase plan and AVK-monitor PDFs" section at the end of
bench/RESULTS.md (replacing an earlier one).
"""

import datetime
import functools
import http.server
import os
import platform
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "RESULTS.md"
HEADING = "## Phase plan and AVK-monitor PDFs"
OLD_HEADINGS = ["## Phase plan PDF (40 efforts)"]
COMMAND = ".tools/bin/uv run --locked python bench/phase_plan_pdf.py"
DB_PATH = "/tmp/avk_bench_pp.sqlite3"
EFFORTS = 40
RUNS = 5
LIMIT_SECONDS = 2.0
MONITOR_LIMIT_SECONDS = 3.0
STORIES = 6

os.environ.setdefault("DATABASE_URL", f"sqlite:///{DB_PATH}")
os.environ.update(
    {
        "DJANGO_SETTINGS_MODULE": "avk.settings",
        "DJANGO_DEBUG": "false",
        "CELERY_TASK_ALWAYS_EAGER": "true",
        "DJANGO_LOG_LEVEL": "WARNING",
        "AVK_MEDIA_ROOT": tempfile.mkdtemp(prefix="avk-bench-pp-media-"),
    }
)
sys.path.insert(0, str(ROOT))


def setup_database() -> None:
    url = os.environ["DATABASE_URL"]
    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).unlink(missing_ok=True)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    call_command("createcachetable", verbosity=0)


def build_plan():
    from partners.models import Partner, Person
    from reflection.models import (
        AttentionPoint,
        Effort,
        Ingredient,
        PhasePlan,
        ReflectionSession,
    )

    partners = [Partner.objects.create(name=f"Partner {i:02d}", kind="zorg") for i in range(12)]
    people = [
        Person.objects.create(
            name=f"Eigenaar {i:02d}",
            email=f"eigenaar{i}@bench.example",
            partner=partners[i % len(partners)],
        )
        for i in range(10)
    ]
    points = []
    for year, level_date in [(2024, datetime.date(2024, 6, 2)), (2025, datetime.date(2025, 6, 2))]:
        for l_index, level in enumerate(["programmateam", "managers", "stuurgroep"]):
            session = ReflectionSession.objects.create(
                year=year,
                level=level,
                date=level_date + datetime.timedelta(days=3 * l_index),
                facilitator="Lauren Algra (Algra Consulting)",
            )
            # Numbered per session across the sides, as the portal numbers them.
            for s_index, side in enumerate(["het", "wij", "ik"]):
                for number in range(5 * s_index + 1, 5 * s_index + 6):
                    point = AttentionPoint.objects.create(
                        session=session,
                        side=side,
                        number=number,
                        title=f"Aandachtspunt {level} {side.upper()} {number}: samen handen en "
                        f"voeten geven aan de visie van de Alliantie van Kracht",
                    )
                    Ingredient.objects.create(attention_point=point, text="Onboarding", order=1)
                    points.append(point)
    plan = PhasePlan.objects.create(
        number=3,
        title="Faseplan 3",
        period_start=datetime.date(2025, 9, 1),
        period_end=datetime.date(2026, 8, 31),
        goals="De visie eigen maken.\nMeer zichtbaar maken wat het programma bereikt.\n" * 3,
    )
    statuses = [s for s, _label in Effort.Status.choices]
    for i in range(EFFORTS):
        start = plan.period_start + datetime.timedelta(days=(i * 9) % 300)
        effort = Effort.objects.create(
            plan=plan,
            order=i,
            title=f"Inspanning {i + 1}: onboarding en pilots visievorming "
            f"bij de partners in de Veenkoloniën",
            description="Met standaard middelen, aan te passen in eigen huisstijl. " * 2,
            owner=people[i % len(people)],
            start=start,
            end=start + datetime.timedelta(days=60 + (i * 17) % 200),
            status=statuses[i % len(statuses)],
        )
        effort.partners.set(partners[i % 12 : i % 12 + 3])
        effort.attention_points.set(
            [points[(2 * i) % len(points)], points[(2 * i + 7) % len(points)]]
        )
    return plan


def build_monitor(plan) -> str:
    """The monitoring data of a busy year on top of the plan; returns the monitor's subject."""
    from django.utils import timezone

    from bench import indicators
    from monitoring.models import Consent, Experience, Spotlight
    from partners.models import Partner
    from reflection.models import EffortUpdate, PhasePlan

    indicators.build()
    today = timezone.localdate()
    PhasePlan.objects.filter(pk=plan.pk).update(
        status=PhasePlan.Status.ADOPTED,
        period_start=datetime.date(today.year - 4, 1, 1),
        period_end=datetime.date(today.year + 1, 12, 31),
    )
    quarters = [
        datetime.date(today.year - q // 4, 10 - 3 * (q % 4), 1) for q in range(20)
    ]  # fmt: skip
    EffortUpdate.objects.bulk_create(
        EffortUpdate(effort=effort, period_start=start, status=["on_track", "at_risk", "behind"][
            (n + k) % 3], percent_done=min(100, 5 * k), narrative="Twee scholen doen mee. " * 6)
        for n, effort in enumerate(plan.efforts.all())
        for k, start in enumerate(quarters)
    )  # fmt: skip
    for n in range(STORIES):
        story = Experience.objects.create(
            title=f"Verhaal {n + 1}: zonder afspraak naar het spreekuur",
            story="Ik durfde lang niet te zeggen dat ik de rekeningen niet kon betalen. " * 4,
            review=Experience.Review.APPROVED,
        )
        Consent.objects.create(experience=story, scope="public", given_on=datetime.date(2025, 1, 1))
    Spotlight.objects.create(
        title="Uitgelicht: een partner",
        text="Samen met school en schuldhulp.",
        partner=Partner.objects.first(),
        is_public=True,
        starts_on=datetime.date(today.year, 1, 1),
    )
    Spotlight.objects.create(
        title="Uitgelicht: een verhaal",
        text="Een verhaal dat laat zien wat werkt.",
        experience=story,
        is_public=True,
        starts_on=datetime.date(today.year, 1, 1),
    )
    return str(today.year)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


def timed(fn, runs: int) -> tuple[list[float], bytes]:
    result = fn()  # warm-up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return times, result


def measure(kind, subject: str, limit: float) -> dict:
    """One document kind for one subject: ours (context builder + render_pdf, as the worker
    does it) against bare WeasyPrint on the same HTML."""
    from django.db import connection
    from django.template.loader import render_to_string
    from django.test.utils import CaptureQueriesContext
    from django.utils import translation
    from weasyprint import HTML

    from avk.pdf import render_pdf

    with CaptureQueriesContext(connection) as queries, translation.override("nl"):
        context = kind.context(subject)
    with translation.override("nl"):
        html = render_to_string(kind.template, context)
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(ROOT))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base_url = f"http://127.0.0.1:{server.server_address[1]}/"

    def ours_render():
        with translation.override("nl"):
            return render_pdf(kind.template, kind.context(subject), language="nl")

    try:
        pages = len(HTML(string=html, base_url=base_url).render().pages)
        ours, ours_pdf = timed(ours_render, RUNS)
        bare, bare_pdf = timed(lambda: HTML(string=html, base_url=base_url).write_pdf(), RUNS)
    finally:
        server.shutdown()
    ours_median, bare_median = statistics.median(ours), statistics.median(bare)
    return {
        "pages": pages,
        "queries": len(queries),
        "ours": ours_median,
        "ours_all": ours,
        "bare": bare_median,
        "ratio": ours_median / bare_median,
        "ours_bytes": len(ours_pdf),
        "bare_bytes": len(bare_pdf),
        "limit": limit,
        "pass": ours_median < limit,
    }


def section(rows: list[tuple[str, dict]]) -> str:
    import weasyprint

    db = os.environ["DATABASE_URL"].split(":", 1)[0]
    lines = [
        HEADING,
        "",
        f"Command: `{COMMAND}` ({datetime.datetime.now():%Y-%m-%d %H:%M}, Python "
        f"{platform.python_version()}, WeasyPrint {weasyprint.__version__}, "
        f"{os.cpu_count()} CPUs, database {db}). The phase plan: {EFFORTS} efforts, each "
        "answering 2 attention points, with an owner and 3 partners; the PDF holds the goals, "
        "the SVG timeline of all efforts and every effort with its sources. The AVK-monitor of "
        "this year: 10 indicators with 20 years of values for 15 areas (the region against its "
        "provinces and the Netherlands, targets, breaks, a story behind the curve), the "
        f"progress of the {EFFORTS} efforts with 20 quarterly updates each, {STORIES} public "
        "stories and 2 spotlights. One warm-up, then "
        f"{RUNS} runs; medians. *Ours*: the document kind's context builder plus "
        "`avk.pdf.render_pdf` (guarded fetcher). *Bare*: "
        "`weasyprint.HTML(string=html, base_url=...).write_pdf()` on the same HTML, default "
        "fetcher over a local HTTP server. Bars: the phase plan < 2 s, the AVK-monitor < 3 s.",
        "",
        "| document | pages | context SQL queries | ours median s | bare median s | "
        "ours / bare | PDF bytes ours / bare | bar | verdict |",
        "| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | --- |",
    ]
    for label, r in rows:
        lines.append(
            f"| {label} | {r['pages']} | {r['queries']} | {r['ours']:.3f} | {r['bare']:.3f} | "
            f"{r['ratio']:.2f}x | {r['ours_bytes']:,} / {r['bare_bytes']:,} | "
            f"< {r['limit']:.0f} s | {'PASS' if r['pass'] else 'FAIL'} |"
        )
    lines.append("")
    for label, r in rows:
        lines.append(f"{label}, ours each run (s): " + ", ".join(f"{t:.3f}" for t in r["ours_all"]))
    return "\n".join([*lines, ""])


def write_results(text: str) -> None:
    from results_file import replace_section

    replace_section(text, HEADING, *OLD_HEADINGS)


def main() -> None:
    setup_database()
    from monitoring.documents import AVK_MONITOR
    from reflection.documents import PHASE_PLAN

    plan = build_plan()
    rows = [(f"Phase plan, {EFFORTS} efforts", measure(PHASE_PLAN, str(plan.pk), LIMIT_SECONDS))]
    subject = build_monitor(plan)
    rows.append(
        (
            f"AVK-monitor {subject}, 10 indicators",
            measure(AVK_MONITOR, subject, MONITOR_LIMIT_SECONDS),
        )
    )
    for label, r in rows:
        print(
            f"{label}, {r['pages']} pages: ours median {r['ours']:.3f} s, bare {r['bare']:.3f} s, "
            f"ratio {r['ratio']:.2f}x, context queries {r['queries']} -> "
            f"{'PASS' if r['pass'] else 'FAIL'} (< {r['limit']:.0f} s)"
        )
    write_results(section(rows))
    print(f"written to {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
