"""The AVK portal benchmark: pages, PDFs and the mail fan-out, measured side by side.

Run from the repository root:  make bench   (or: .tools/bin/uv run --locked python bench/run.py)

It drops and creates the PostgreSQL database avk_bench, migrates it, builds a realistic
dataset with the ORM, measures, prints the figures and writes them to bench/RESULTS.md.
Needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust) and Redis on 127.0.0.1:6379.
"""

import datetime
import functools
import http.server
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "bench"
RESULTS = BENCH_DIR / "RESULTS.md"
COMMAND = "make bench  (= .tools/bin/uv run --locked python bench/run.py)"

# AVK_BENCH_DB: another database name, so two runs on one machine do not collide.
DB_NAME = os.environ.get("AVK_BENCH_DB", "avk_bench")
DATABASE_URL = f"postgres://postgres@127.0.0.1:5432/{DB_NAME}"
# AVK_BENCH_BROKER_URL: another Redis database, so two runs on one machine do not collide.
BROKER_URL = os.environ.get("AVK_BENCH_BROKER_URL", "redis://127.0.0.1:6379/13")
LOCMEM_EMAIL = "django.core.mail.backends.locmem.EmailBackend"

PAGE_WARMUP = 20
PAGE_RUNS = 200
PDF_RUNS = 10
MAIL_COUNT = 4000

# The quality bars (shared/quality.md, section Performance).
PAGE_P95_MS = 50.0
PAGE_RATIO = 5.0
PDF_RATIO = 1.2
MEMO_SECONDS = 1.5
MAIL_SECONDS = 30.0

MEDIA_DIR = Path(tempfile.mkdtemp(prefix="avk-bench-media-"))

os.environ.update(
    {
        "DJANGO_SETTINGS_MODULE": "avk.settings",
        "DJANGO_DEBUG": "false",
        "DJANGO_ALLOWED_HOSTS": "testserver,127.0.0.1",
        "DATABASE_URL": DATABASE_URL,
        "CELERY_BROKER_URL": BROKER_URL,
        # Eager everywhere except the worker section, which switches the producer over.
        "CELERY_TASK_ALWAYS_EAGER": "true",
        "DJANGO_EMAIL_BACKEND": LOCMEM_EMAIL,
        "DJANGO_LOG_LEVEL": "WARNING",
        "AVK_MEDIA_ROOT": str(MEDIA_DIR),
    }
)
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(BENCH_DIR))
from results_data import build_results_history  # noqa: E402


def log(message: str) -> None:
    print(message, flush=True)


def percentile(values: list[float], pct: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[pct - 1]


# --- (a) a fresh database -------------------------------------------------------------


def create_database(name: str = DB_NAME) -> None:
    import psycopg

    with psycopg.connect(
        host="127.0.0.1", port=5432, user="postgres", dbname="postgres", autocommit=True
    ) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {name}")


def migrate() -> None:
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    call_command("createcachetable", verbosity=0)


# --- (b) the dataset ----------------------------------------------------------------------

MUNICIPALITIES = [
    ("Veendam", "Groningen"),
    ("Pekela", "Groningen"),
    ("Oldambt", "Groningen"),
    ("Stadskanaal", "Groningen"),
    ("Westerwolde", "Groningen"),
    ("Midden-Groningen", "Groningen"),
    ("Aa en Hunze", "Drenthe"),
    ("Borger-Odoorn", "Drenthe"),
    ("Emmen", "Drenthe"),
    ("Coevorden", "Drenthe"),
    ("Assen", "Drenthe"),
    ("Groningen", "Groningen"),
]
KINDS = ["zorg", "welzijn", "onderwijs", "wonen", "schuldhulp", "overig"]
TEAM_ROLES = ["bestuurder", "manager", "manager", "uitvoering", "uitvoering"]
# The six bodies of the alliance: (kind, name, short name).
BODY_KINDS = [
    ("db", "Dagelijks Bestuur", "DB"),
    ("stuurgroep", "Stuurgroep", "SG"),
    ("programmateam", "Programmateam", "PT"),
    ("ledenraad", "Ledenraad", "LR"),
    ("ed_medezeggenschap", "Medezeggenschap ervaringsdeskundigen", "ED"),
    ("raad_van_toezicht", "Raad van Toezicht", "RvT"),
]
TARGET_GROUPS = ["kinderen", "jongeren", "volwassenen", "gezinnen", "professionals", "iedereen"]
LOREM = (
    "Inwoners met geldzorgen vinden sneller de weg naar hulp wanneer organisaties weten wie "
    "waar wat doet. Deze inzet brengt partners samen rond één gezin en leert van wat werkt. "
)


def build_dataset(*, history_years: int = 5, staff=None) -> dict:
    """51 partners with teams, `history_years` of commitments and quick scans, interventions;
    6 bodies with seats, unless bodies exist already (bench/http_pages.py builds 20 years of
    governance first, with its own staff login, which is then passed as `staff`)."""
    from django.contrib.auth.hashers import make_password
    from django.db import transaction
    from django.utils import timezone

    from avk.models import User
    from governance.models import Body, Seat
    from partners.models import (
        Commitment,
        Delegate,
        Intervention,
        Municipality,
        Package,
        Partner,
        PartnerMembership,
        Person,
        QuickScan,
        QuickScanAnswer,
        QuickScanCriterion,
        TeamMember,
    )

    today = timezone.localdate()
    years = list(range(today.year - history_years + 1, today.year + 1))
    password = make_password("bench-password-not-used")
    counts = {}

    with transaction.atomic():
        staff = staff or User.objects.create(
            email="staff@bench.example", full_name="Bench Staff", is_staff=True, password=password
        )
        packages = [
            Package.objects.create(
                code=code,
                name=name,
                description=LOREM,
                checklist="Heeft een intern AVK-team\nDoet elk jaar de quick scan",
                steering_group_seat=code == "A",
                order=order,
            )
            for order, (code, name) in enumerate([("A", "Kopgroep"), ("B", "Meedoen"), ("C", "V")])
        ]
        municipalities = Municipality.objects.bulk_create(
            Municipality(name=name, province=province) for name, province in MUNICIPALITIES
        )

        partners = []
        for i in range(51):
            if i < len(municipalities):
                name, kind, muni = (
                    f"Gemeente {municipalities[i].name}",
                    "gemeente",
                    municipalities[i],
                )
            else:
                name, kind = f"Organisatie {i:02d}", KINDS[i % len(KINDS)]
                muni = municipalities[i % len(municipalities)]
            partners.append(
                Partner(
                    name=name,
                    kind=kind,
                    municipality=muni,
                    website=f"https://partner{i}.example",
                )
            )
        partners = Partner.objects.bulk_create(partners)

        # Logins: one editor per partner; the editors are also team managers.
        editors = User.objects.bulk_create(
            User(
                email=f"editor{i:02d}@bench.example",
                full_name=f"Redacteur {i:02d}",
                password=password,
            )
            for i in range(len(partners))
        )
        PartnerMembership.objects.bulk_create(
            PartnerMembership(user=u, partner=p, is_editor=True)
            for u, p in zip(editors, partners, strict=True)
        )

        people = []
        for i, partner in enumerate(partners):
            for j, _role in enumerate(TEAM_ROLES):
                people.append(
                    Person(
                        name=f"Persoon {i:02d}-{j}",
                        email=f"persoon{i:02d}.{j}@bench.example",
                        phone="050-1234567",
                        is_experience_expert=(i + j) % 11 == 0,
                        partner=partner,
                        user=editors[i] if j == 1 else None,
                    )
                )
        people = Person.objects.bulk_create(people)
        team_of = {p.pk: people[i * 5 : i * 5 + 5] for i, p in enumerate(partners)}

        TeamMember.objects.bulk_create(
            TeamMember(partner=p, person=person, role=role)
            for p in partners
            for person, role in zip(team_of[p.pk], TEAM_ROLES, strict=True)
        )
        Delegate.objects.bulk_create(
            Delegate(partner=p, person=team_of[p.pk][k], level=level)
            for p in partners
            for k, level in [(0, "bestuurlijk"), (1, "manager"), (3, "uitvoering")]
        )
        for p in partners:
            p.contact_person = team_of[p.pk][1]
        Partner.objects.bulk_update(partners, ["contact_person"])

        # Five years of commitment history; every 10th partner has a proposal waiting.
        commitments = []
        for i, p in enumerate(partners):
            previous = None
            for k, year in enumerate(years):
                package = packages[(i + k) % 3] if k < len(years) - 1 else packages[i % 3]
                proposed = k == len(years) - 1 and i % 10 == 0
                commitments.append(
                    Commitment(
                        partner=p,
                        package=package,
                        previous_package=previous,
                        period_start=datetime.date(year, 1, 1),
                        period_end=datetime.date(year, 12, 31),
                        signed_on=datetime.date(year - 1, 12, 11),
                        signed_by=f"Bestuurder {p.name}",
                        note="Jaarlijkse verlenging.",
                        status="proposed" if proposed else "in_effect",
                        created_by=staff,
                    )
                )
                previous = package
        Commitment.objects.bulk_create(commitments)

        # Three interventions per partner, each in 2 municipalities with 2 collaborators.
        interventions = Intervention.objects.bulk_create(
            Intervention(
                partner=p,
                title=f"Inzet {k + 1} van {p.name}",
                description=LOREM * 3,
                target_group=TARGET_GROUPS[(i + k) % len(TARGET_GROUPS)],
                status="running",
                contact=team_of[p.pk][1 + k % 2],
                is_published=k == 0,
                created_by=staff,
            )
            for i, p in enumerate(partners)
            for k in range(3)
        )
        m_through = Intervention.municipalities.through
        c_through = Intervention.collaborators.through
        m_rows, c_rows = [], []
        for n, intervention in enumerate(interventions):
            owner = n // 3
            for d in (0, 1):
                m_rows.append(
                    m_through(
                        intervention_id=intervention.pk,
                        municipality_id=municipalities[(n + d * 5) % len(municipalities)].pk,
                    )
                )
                c_rows.append(
                    c_through(
                        intervention_id=intervention.pk,
                        partner_id=partners[(owner + 1 + d * 7 + n % 3) % len(partners)].pk,
                    )
                )
        m_through.objects.bulk_create(m_rows)
        c_through.objects.bulk_create(c_rows)

        # Quick scans: 8 criteria, one scan per partner per year for 5 years, with answers.
        criteria = QuickScanCriterion.objects.bulk_create(
            QuickScanCriterion(
                text=f"Criterium {k + 1}: randvoorwaarde RUG", explanation=LOREM, order=(k + 1) * 10
            )
            for k in range(8)
        )
        scans = []
        met = {}
        for i, p in enumerate(partners):
            for year in years:
                flags = [(i + year + k) % 3 != 0 for k in range(8)]
                scans.append(
                    QuickScan(partner=p, year=year, score=sum(flags), total=8, filled_by=staff)
                )
                met[(p.pk, year)] = flags
        scans = QuickScan.objects.bulk_create(scans)
        QuickScanAnswer.objects.bulk_create(
            QuickScanAnswer(
                scan=scan,
                criterion=criterion,
                met=met[(scan.partner_id, scan.year)][k],
                note="Besproken in het MT." if k % 4 == 0 else "",
            )
            for scan in scans
            for k, criterion in enumerate(criteria)
        )

    if not Body.objects.exists():
        _build_bodies(people, today)
    counts.update(
        partners=Partner.objects.count(),
        people=Person.objects.count(),
        team_members=TeamMember.objects.count(),
        commitments=Commitment.objects.count(),
        interventions=Intervention.objects.count(),
        quick_scans=QuickScan.objects.count(),
        quick_scan_answers=QuickScanAnswer.objects.count(),
        bodies=Body.objects.count(),
        current_seats=Seat.objects.current().count(),
        users=User.objects.count(),
    )
    from bench import indicators

    return {
        "indicators": indicators.build(),
        "staff": staff,
        "editor": editors[20],
        "partner": partners[20],
        "counts": counts,
        "years": years,
    }


def _build_bodies(people: list, today: datetime.date) -> None:
    """Six bodies, ten current seats each (and two ended ones, which pages must skip)."""
    from governance.models import Body, Seat

    bodies = Body.objects.bulk_create(
        Body(kind=kind, name=name, short_name=short, mandate=LOREM, order=order)
        for order, (kind, name, short) in enumerate(BODY_KINDS, start=1)
    )
    roles = ["chair", "secretary"] + ["member"] * 6 + ["experience_expert", "adviser"]
    seats = []
    for b, body in enumerate(bodies):
        for s, role in enumerate(roles):
            person = people[(b * 37 + s * 13) % len(people)]
            seats.append(
                Seat(
                    person=person,
                    body=body,
                    role=role,
                    partner=person.partner,
                    term_start=datetime.date(today.year - 2, 9, 1),
                )
            )
        for s in range(2):
            person = people[(b * 41 + s * 17 + 3) % len(people)]
            seats.append(
                Seat(
                    person=person,
                    body=body,
                    role="member",
                    partner=person.partner,
                    term_start=datetime.date(today.year - 5, 1, 1),
                    term_end=datetime.date(today.year - 2, 8, 31),
                )
            )
    Seat.objects.bulk_create(seats)


# --- (c1) pages ----------------------------------------------------------------------------


def busiest_municipality() -> int:
    from django.db.models import Count

    from partners.models import Municipality

    return Municipality.objects.annotate(n=Count("interventions")).order_by("-n")[0].pk


def measure_pages(data: dict) -> list[dict]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    staff, editor = Client(), Client()
    staff.force_login(data["staff"])
    editor.force_login(data["editor"])
    anonymous = Client()
    pk = data["partner"].pk
    pages = [
        ("/healthz/ (baseline)", "/healthz/", staff, "staff"),
        ("/", "/", staff, "staff"),
        ("/bestuur/", "/bestuur/", staff, "staff"),
        ("/partners/", "/partners/", staff, "staff"),
        ("/partners/<pk>/", f"/partners/{pk}/", staff, "staff"),
        ("/partners/<pk>/team/", f"/partners/{pk}/team/", editor, "editor"),
        ("/partners/teams/", "/partners/teams/", staff, "staff"),
        ("/partners/quickscan/", "/partners/quickscan/", staff, "staff"),
        ("/partners/interventies/", "/partners/interventies/", staff, "staff"),
        (
            "/partners/interventies/per-gemeente/",
            "/partners/interventies/per-gemeente/",
            staff,
            "staff",
        ),
        (
            "/partners/interventies/per-gemeente/?gemeente=<busiest>",
            f"/partners/interventies/per-gemeente/?gemeente={busiest_municipality()}",
            staff,
            "staff",
        ),
        ("/partners/convenant/", "/partners/convenant/", staff, "staff"),
        ("/partners/<pk>/convenant/", f"/partners/{pk}/convenant/", editor, "editor"),
        (
            "/partners/<pk>/quickscan/<year>/",
            f"/partners/{pk}/quickscan/{data['years'][-1]}/",
            editor,
            "editor",
        ),
        ("/etalage/", "/etalage/", anonymous, "anonymous"),
    ]
    # What the programme achieves (bench/results_data.py): the public version as the public.
    for label, url in data.get("results_pages", {}).items():
        client, who = (anonymous, "anonymous") if "etalage" in url else (editor, "editor")
        if label.endswith("(staff)"):
            client, who = staff, "staff"
        pages.append((label, url, client, who))
    from bench import indicators

    pages += indicators.pages(data["indicators"], staff, anonymous)
    rows = []
    for label, url, client, who in pages:
        for _ in range(PAGE_WARMUP):
            response = client.get(url)
            if response.status_code != 200:
                raise SystemExit(f"{url} as {who} answered {response.status_code}")
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        rows.append(
            {
                "label": label,
                "url": url,
                "who": who,
                "queries": len(queries),
                "bytes": len(response.content),
                "times": [],
            }
        )
    # Round-robin: every page sees the same machine load, so the ratios are side by side.
    for _ in range(PAGE_RUNS):
        for row, (_label, url, client, _who) in zip(rows, pages, strict=True):
            start = time.perf_counter()
            client.get(url)
            row["times"].append((time.perf_counter() - start) * 1000)
    baseline_p95 = percentile(rows[0]["times"], 95)
    for row in rows:
        row["p50"] = percentile(row["times"], 50)
        row["p95"] = percentile(row["times"], 95)
        row["ratio"] = row["p95"] / baseline_p95
        row["pass"] = row["p95"] < PAGE_P95_MS and row["ratio"] <= PAGE_RATIO
    return rows


# --- (c2) PDFs -----------------------------------------------------------------------------


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


def static_server() -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve the repository over local HTTP, so /static/... resolves for bare WeasyPrint."""
    handler = functools.partial(_QuietHandler, directory=str(ROOT))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def memo_html(sections: int = 17) -> str:
    """A memo-like document: headings, paragraphs, a decision table and lists."""
    parts = [
        "<!DOCTYPE html><html lang='nl'><head><meta charset='utf-8'><title>Memo</title>",
        "<link rel='stylesheet' href='/static/css/pdf.css'></head><body>",
        "<div class='running-header'>Alliantie van Kracht tegen Armoede</div>",
        "<h1>Memo aan het Dagelijks Bestuur</h1>",
        "<table class='meta'><tr><th>Datum</th><td>2 juni 2025</td></tr>",
        "<tr><th>Van</th><td>Programmateam</td></tr></table>",
    ]
    for s in range(1, sections + 1):
        parts.append(f"<h2>{s}. Onderwerp {s}</h2>")
        parts.extend(f"<p>{LOREM * 3}</p>" for _ in range(2))
        parts.append("<ul>" + "".join(f"<li>Actiepunt {s}.{k}</li>" for k in range(1, 4)))
        parts.append("</ul><table class='grid'><thead><tr><th>Besluit</th><th>Wie</th>")
        parts.append("<th>Wanneer</th></tr></thead><tbody>")
        parts.extend(
            f"<tr><td>Voorstel {s}.{k} wordt aangenomen</td><td>DB</td><td>Q{k}</td></tr>"
            for k in range(1, 4)
        )
        parts.append("</tbody></table>")
    parts.append("</body></html>")
    return "".join(parts)


def timed(fn, runs: int) -> tuple[list[float], bytes]:
    result = fn()  # warm-up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return times, result


def measure_pdfs() -> list[dict]:
    from django.template.loader import render_to_string
    from django.utils import translation
    from weasyprint import HTML

    from avk.pdf import PDF_BASE_URL, _fetcher_class, html_to_pdf, render_pdf
    from governance.documents import GOVERNANCE_OVERVIEW

    server, base_url = static_server()
    try:
        with translation.override("nl"):
            context = GOVERNANCE_OVERVIEW.context("")
            html = render_to_string(GOVERNANCE_OVERVIEW.template, context)
        memo = memo_html()
        fetcher = _fetcher_class()(allowed_protocols={"https"}, allow_redirects=False)
        memo_pages = len(
            HTML(string=memo, base_url=PDF_BASE_URL, url_fetcher=fetcher).render().pages
        )
        gov_pages = len(HTML(string=html, base_url=base_url).render().pages)

        # Interleave ours and bare per case so both see the same machine state.
        ours_gov, ours_gov_pdf = timed(
            lambda: render_pdf(GOVERNANCE_OVERVIEW.template, context, language="nl"), PDF_RUNS
        )
        bare_gov, bare_gov_pdf = timed(
            lambda: HTML(string=html, base_url=base_url).write_pdf(), PDF_RUNS
        )
        ours_memo, ours_memo_pdf = timed(lambda: html_to_pdf(memo), PDF_RUNS)
        bare_memo, bare_memo_pdf = timed(
            lambda: HTML(string=memo, base_url=base_url).write_pdf(), PDF_RUNS
        )
    finally:
        server.shutdown()
    rows = []
    for label, pages, ours, bare, ours_pdf, bare_pdf, limit in [
        ("Governance overview", gov_pages, ours_gov, bare_gov, ours_gov_pdf, bare_gov_pdf, None),
        (
            "Synthetic memo",
            memo_pages,
            ours_memo,
            bare_memo,
            ours_memo_pdf,
            bare_memo_pdf,
            MEMO_SECONDS,
        ),
    ]:
        ours_median, bare_median = statistics.median(ours), statistics.median(bare)
        ratio = ours_median / bare_median
        ok = ratio <= PDF_RATIO and (limit is None or ours_median < limit)
        rows.append(
            {
                "label": label,
                "pages": pages,
                "ours": ours_median,
                "bare": bare_median,
                "ratio": ratio,
                "ours_bytes": len(ours_pdf),
                "bare_bytes": len(bare_pdf),
                "limit": limit,
                "pass": ok,
            }
        )
    return rows


# --- (c3) mail fan-out through a real worker --------------------------------------------


def _set_producer(**conf) -> dict:
    """As tests/conftest.py celery_reconnect: change the app's conf, drop cached pools."""
    from avk.celery import app

    if "broker_url" in conf:
        conf.setdefault("broker_write_url", conf["broker_url"])
    previous = {key: app.conf[key] for key in conf}
    app.conf.update(conf)
    app._pool = None
    app.amqp._producer_pool = None
    return previous


def start_worker(*, queue: str, worker_log: Path, database_url: str) -> subprocess.Popen:
    """One real Celery worker (prefork, 2 processes) on a queue of its own, logging to a file."""
    env = {k: v for k, v in os.environ.items() if k != "CELERY_TASK_ALWAYS_EAGER"}
    env |= {
        "DJANGO_SETTINGS_MODULE": "avk.settings",
        "DATABASE_URL": database_url,
        "CELERY_BROKER_URL": BROKER_URL,
        "CELERY_TASK_DEFAULT_QUEUE": queue,  # what a task queues stays with this worker
        "DJANGO_EMAIL_BACKEND": LOCMEM_EMAIL,
        "DJANGO_LOG_LEVEL": "INFO",
    }
    with worker_log.open("w") as out:
        return subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "avk",
                "worker",
                "--pool=prefork",
                "--concurrency=2",
                "-Q",
                queue,
                "--loglevel=INFO",
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
            ],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )


def measure_mail() -> dict:
    from django.db import transaction
    from django.db.models import Q

    from avk.emails import BATCH_SIZE, mail_queue_many
    from avk.models import OutgoingMail

    queue = f"avk-bench-{uuid.uuid4().hex[:8]}"
    worker_log = Path(tempfile.gettempdir()) / f"{queue}.log"
    worker = start_worker(queue=queue, worker_log=worker_log, database_url=DATABASE_URL)
    previous = _set_producer(
        task_always_eager=False, broker_url=BROKER_URL, task_default_queue=queue
    )
    try:
        deadline = time.monotonic() + 60
        while "ready." not in worker_log.read_text(errors="replace"):
            if worker.poll() is not None or time.monotonic() > deadline:
                raise SystemExit("worker did not start:\n" + worker_log.read_text()[-3000:])
            time.sleep(0.2)

        prefix = f"bench:{queue}:"
        messages = [
            {
                "key": f"{prefix}{i}",
                "to": f"ontvanger{i}@bench.example",
                "name": "team_incomplete",
                "context": {
                    "name": f"Ontvanger {i}",
                    "partner": f"Organisatie {i % 51:02d}",
                    "missing": [["manager", 1], ["uitvoering", 2]],
                    "link": "http://127.0.0.1:8000/partners/1/team/",
                },
            }
            for i in range(MAIL_COUNT)
        ]
        start = time.perf_counter()
        # One transaction: the rows are bulk-inserted, and on commit one mail_deliver_batch
        # task per 100 rows goes to Redis.
        with transaction.atomic():
            mail_queue_many(messages)
        queued = time.perf_counter() - start
        mails = OutgoingMail.objects.filter(key__startswith=prefix)
        deadline = time.monotonic() + 180
        while mails.filter(status=OutgoingMail.Status.SENT).count() < MAIL_COUNT:
            if worker.poll() is not None or time.monotonic() > deadline:
                break
            time.sleep(0.1)
        elapsed = time.perf_counter() - start
        sent = mails.filter(status=OutgoingMail.Status.SENT).count()
        sent_once = mails.filter(status=OutgoingMail.Status.SENT, attempts=1).count()
        not_once = mails.filter(~Q(attempts=1)).count()
    finally:
        _set_producer(**previous)
        worker.terminate()
        try:
            worker.wait(timeout=30)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()
    worker_log.unlink(missing_ok=True)
    ok = sent == MAIL_COUNT and sent_once == MAIL_COUNT and not_once == 0 and elapsed < MAIL_SECONDS
    return {
        "queue": queue,
        "count": MAIL_COUNT,
        "batch": BATCH_SIZE,
        "rows": mails.count(),
        "queued_s": queued,
        "elapsed_s": elapsed,
        "sent": sent,
        "sent_once": sent_once,
        "not_once": not_once,
        "per_second": sent / elapsed if elapsed else 0.0,
        "pass": ok,
    }


# --- (d) report ---------------------------------------------------------------------------


def machine_facts() -> dict:
    import celery
    import django
    import weasyprint
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        pg_version = cursor.fetchone()[0]
    nproc = shutil.which("nproc")
    cpus = (
        subprocess.run([nproc], capture_output=True, text=True, check=True).stdout.strip()
        if nproc
        else str(os.cpu_count())
    )
    return {
        "nproc": cpus,
        "Python": platform.python_version(),
        "Django": django.get_version(),
        "PostgreSQL": pg_version,
        "WeasyPrint": weasyprint.__version__,
        "Celery": celery.__version__,
        "OS": f"{platform.system()} {platform.release()} ({platform.machine()})",
    }


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def report(data, facts, pages, pdfs, mail, started, duration) -> str:
    c = data["counts"]
    lines = [
        "# AVK portal benchmark results",
        "",
        f"Measured {started:%Y-%m-%d %H:%M} (local time) in {duration:.0f} s by `bench/run.py`.",
        "Every figure below comes from that one run; ratios compare numbers measured side by "
        "side in it. Bars from `shared/quality.md` (section Performance).",
        "",
        f"Command: `{COMMAND}`",
        "",
        "Machine: " + ", ".join(f"{k} {v}" for k, v in facts.items()) + ".",
        "",
        "Settings: `avk.settings` with `DJANGO_DEBUG=false`, PostgreSQL database "
        f"`{DB_NAME}` on 127.0.0.1 (made afresh, migrated), `CONN_MAX_AGE` 60, "
        "Redis broker `redis://127.0.0.1:6379/13`, locmem e-mail backend.",
        "",
        "## Dataset",
        "",
        f"{c['partners']} partners (12 municipalities among them), each with a full AVK team of 5 "
        f"({c['team_members']} team members, {c['people']} people), 3 delegates and a contact "
        f"person; {c['commitments']} commitments (5 years, {data['years'][0]}-"
        f"{data['years'][-1]}, every 10th partner with a proposal waiting); "
        f"{c['interventions']} interventions (2 municipalities and 2 collaborators each, one "
        f"per partner published); {c['quick_scans']} quick scans (5 years) with "
        f"{c['quick_scan_answers']} answers on 8 criteria; {c['bodies']} bodies with "
        f"{c['current_seats']} current seats (plus 2 ended seats each); {c['users']} logins.",
        "",
        "## 1. Pages (server side, django.test.Client in-process)",
        "",
        f"{PAGE_WARMUP} warm-up requests per page, then {PAGE_RUNS} timed requests per page, "
        "round-robin over the pages. Baseline: `/healthz/` (runs `SELECT 1`, returns JSON), "
        "measured the same way by the same staff client. Queries: SQL statements of one "
        f"request, session and user included. Bar: p95 < {PAGE_P95_MS:.0f} ms and p95 within "
        f"{PAGE_RATIO:.0f}x the baseline's p95.",
        "",
        "| page | as | p50 ms | p95 ms | p95 / baseline p95 | SQL queries | verdict |",
        "| --- | --- | ---: | ---: | ---: | ---: | --- |",
    ]
    for r in pages:
        lines.append(
            f"| `{r['label']}` | {r['who']} | {r['p50']:.1f} | {r['p95']:.1f} | "
            f"{r['ratio']:.1f}x | {r['queries']} | "
            f"{'baseline' if r is pages[0] else verdict(r['pass'])} |"
        )
    lines += [
        "",
        "## 2. PDF",
        "",
        f"One warm-up, then {PDF_RUNS} runs each; medians. *Ours*: `avk.pdf.render_pdf` "
        "(template rendering + guarded URL fetcher) for the governance overview, "
        "`avk.pdf.html_to_pdf` for the memo. *Bare*: `weasyprint.HTML(string=html, "
        "base_url=...).write_pdf()` on the same HTML with the default fetcher; the base URL is "
        "a local HTTP server over the repository, so both load the same stylesheet and fonts. "
        f"Bars: within {PDF_RATIO}x of bare; the memo also < {MEMO_SECONDS} s.",
        "",
        "| document | pages | ours median s | bare median s | ours / bare | "
        "PDF bytes ours / bare | verdict |",
        "| --- | ---: | ---: | ---: | ---: | --- | --- |",
    ]
    for r in pdfs:
        lines.append(
            f"| {r['label']} | {r['pages']} | {r['ours']:.3f} | {r['bare']:.3f} | "
            f"{r['ratio']:.2f}x | {r['ours_bytes']:,} / {r['bare_bytes']:,} | "
            f"{verdict(r['pass'])} |"
        )
    lines += [
        "",
        "## 3. Mail fan-out through a real Celery worker",
        "",
        f"{mail['count']:,} `OutgoingMail` rows queued in one call of "
        "`avk.emails.mail_queue_many` (bulk insert, unique keys, template `team_incomplete`), "
        f"one `mail_deliver_batch` task per {mail['batch']} rows on Redis, each batch sending "
        "over one mail connection and locking each row; one worker process "
        "`celery -A avk worker --pool=prefork --concurrency=2` on a queue of its own, "
        "started and ready before the clock starts. Time: from the `mail_queue_many` call until "
        f"every row is `sent`. Bar: < {MAIL_SECONDS:.0f} s, each mail sent exactly once. "
        "The producer, both worker children, PostgreSQL and Redis share the "
        f"{facts['nproc']} CPUs.",
        "",
        "| mails | queueing s | until all sent s | mails/s | sent | sent with attempts == 1 | "
        "rows with attempts != 1 | verdict |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
        f"| {mail['count']:,} | {mail['queued_s']:.1f} | {mail['elapsed_s']:.1f} | "
        f"{mail['per_second']:.0f} | {mail['sent']:,} | {mail['sent_once']:,} | "
        f"{mail['not_once']} | {verdict(mail['pass'])} |",
        "",
        "## What this section leaves to the others",
        "",
        "The table above is in-process, on this smaller dataset; the bars of "
        "`shared/quality.md` are measured over HTTP on the 20-year dataset (reflection 3 levels "
        "x 20 years, 2,000 memos, 5,000 proposed decisions, 60,000 votes, 20 years of "
        'indicators) by `bench/http_pages.py`, in the section "Pages over HTTP" below. '
        "Governance at 20 years and the reminder digest fan-out are measured by "
        "`bench/governance.py`. The 200-concurrent-voters check is a test on PostgreSQL "
        "(tests/governance/test_vote_concurrency.py), not a bench. The memo PDF above is a "
        "synthetic memo-like HTML, not a memo from the portal. That query counts and page "
        "sizes stay flat as the data grows is asserted by the tests (test_page_size.py and "
        "the query-count tests per app).",
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    started = datetime.datetime.now()
    t0 = time.perf_counter()
    log(f"Creating database {DB_NAME} and migrating ...")
    create_database()
    import django

    django.setup()
    migrate()

    log("Building the dataset ...")
    t = time.perf_counter()
    data = build_dataset()
    data["results_pages"] = build_results_history(data)
    log(f"  {data['counts']} in {time.perf_counter() - t:.1f} s")

    log(f"Pages: {PAGE_WARMUP} warm-up + {PAGE_RUNS} timed requests each ...")
    pages = measure_pages(data)
    for r in pages:
        log(
            f"  {r['label']:40} p50 {r['p50']:6.1f} ms  p95 {r['p95']:6.1f} ms  "
            f"{r['ratio']:5.1f}x  {r['queries']:3d} queries  "
            f"{'baseline' if r is pages[0] else verdict(r['pass'])}"
        )

    if "--pages" in sys.argv:  # the page table only: printed, RESULTS.md left alone
        return

    log(f"PDF: 1 warm-up + {PDF_RUNS} runs each ...")
    pdfs = measure_pdfs()
    for r in pdfs:
        log(
            f"  {r['label']:20} {r['pages']:2d} pages  ours {r['ours']:.3f} s  "
            f"bare {r['bare']:.3f} s  {r['ratio']:.2f}x  {verdict(r['pass'])}"
        )

    log(f"Mail: {MAIL_COUNT} mails through a real Celery worker ...")
    mail = measure_mail()
    log(
        f"  queued in {mail['queued_s']:.1f} s, all sent after {mail['elapsed_s']:.1f} s "
        f"({mail['sent']} sent, {mail['sent_once']} once, {mail['not_once']} not once)  "
        f"{verdict(mail['pass'])}"
    )

    facts = machine_facts()
    duration = time.perf_counter() - t0
    RESULTS.write_text(report(data, facts, pages, pdfs, mail, started, duration))
    shutil.rmtree(MEDIA_DIR, ignore_errors=True)
    log(f"Wrote {RESULTS.relative_to(ROOT)} ({duration:.0f} s in all).")


if __name__ == "__main__":
    main()
