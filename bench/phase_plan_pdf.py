"""Benchmark: the phase-plan PDF with 40 efforts (bar: < 2 s on this machine).

Run from the repository root:  .tools/bin/uv run --locked python bench/phase_plan_pdf.py

Standalone: a fresh SQLite database in /tmp (DATABASE_URL, overridable), migrated, with a
draft plan of 40 efforts, each answering 2 attention points and involving partners. The
"phase_plan" document is rendered through avk.pdf.render_pdf (context builder included, as
the worker does it) 5 times after a warm-up; bare WeasyPrint renders the same HTML with its
default fetcher from a local HTTP server over the repository, so both load the same CSS
and fonts. Prints the figures and writes a "Phase plan PDF (40 efforts)" section at the end
of bench/RESULTS.md (replacing an earlier one).
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
HEADING = "## Phase plan PDF (40 efforts)"
COMMAND = ".tools/bin/uv run --locked python bench/phase_plan_pdf.py"
DB_PATH = "/tmp/avk_bench_pp.sqlite3"
EFFORTS = 40
RUNS = 5
LIMIT_SECONDS = 2.0

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


def measure(plan) -> dict:
    from django.db import connection
    from django.template.loader import render_to_string
    from django.test.utils import CaptureQueriesContext
    from django.utils import translation
    from weasyprint import HTML

    from avk.pdf import render_pdf
    from reflection.documents import PHASE_PLAN

    subject = str(plan.pk)
    with CaptureQueriesContext(connection) as queries:
        context = PHASE_PLAN.context(subject)
    with translation.override("nl"):
        html = render_to_string(PHASE_PLAN.template, context)
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(ROOT))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base_url = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        pages = len(HTML(string=html, base_url=base_url).render().pages)
        ours, ours_pdf = timed(
            lambda: render_pdf(PHASE_PLAN.template, PHASE_PLAN.context(subject), language="nl"),
            RUNS,
        )
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
        "pass": ours_median < LIMIT_SECONDS,
    }


def section(r: dict) -> str:
    import weasyprint

    db = os.environ["DATABASE_URL"].split(":", 1)[0]
    runs = ", ".join(f"{t:.3f}" for t in r["ours_all"])
    return "\n".join(
        [
            HEADING,
            "",
            f"Command: `{COMMAND}` ({datetime.datetime.now():%Y-%m-%d %H:%M}, Python "
            f"{platform.python_version()}, WeasyPrint {weasyprint.__version__}, "
            f"{os.cpu_count()} CPUs, database {db}). A draft plan with {EFFORTS} efforts, each "
            "answering 2 attention points, with an owner and 3 partners; the PDF holds the "
            "goals, the SVG timeline of all efforts and every effort with its sources. One "
            f"warm-up, then {RUNS} runs; medians. *Ours*: the `phase_plan` document kind's context "
            "builder plus `avk.pdf.render_pdf` (guarded fetcher). *Bare*: "
            "`weasyprint.HTML(string=html, base_url=...).write_pdf()` on the same HTML, default "
            "fetcher over a local HTTP server. Bar: ours < 2 s.",
            "",
            "| document | pages | context SQL queries | ours median s | bare median s | "
            "ours / bare | PDF bytes ours / bare | verdict |",
            "| --- | ---: | ---: | ---: | ---: | ---: | --- | --- |",
            f"| Phase plan, {EFFORTS} efforts | {r['pages']} | {r['queries']} | {r['ours']:.3f} | "
            f"{r['bare']:.3f} | {r['ratio']:.2f}x | {r['ours_bytes']:,} / {r['bare_bytes']:,} | "
            f"{'PASS' if r['pass'] else 'FAIL'} |",
            "",
            f"Ours, each run (s): {runs}.",
            "",
        ]
    )


def write_results(text: str) -> None:
    current = RESULTS.read_text() if RESULTS.exists() else ""
    start = current.find(HEADING)
    if start != -1:
        following = current.find("\n## ", start + len(HEADING))
        rest = current[following + 1 :] if following != -1 else ""
        current = current[:start].rstrip() + ("\n\n" + rest if rest else "")
    RESULTS.write_text(current.rstrip() + "\n\n" + text)


def main() -> None:
    setup_database()
    plan = build_plan()
    result = measure(plan)
    print(
        f"phase plan PDF, {EFFORTS} efforts, {result['pages']} pages: ours median "
        f"{result['ours']:.3f} s, bare {result['bare']:.3f} s, ratio {result['ratio']:.2f}x, "
        f"context queries {result['queries']} -> {'PASS' if result['pass'] else 'FAIL'} (< 2 s)"
    )
    write_results(section(result))
    print(f"written to {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
