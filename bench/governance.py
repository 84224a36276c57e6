"""Benchmark: memos, votes and the decision list at 20 years, the memo PDF, and the reminder
digest fan-out through a real Celery worker.

Run from the repository root:  .tools/bin/uv run --locked python bench/governance.py

It drops and creates the PostgreSQL database avk_bench_gov, migrates it and builds, with
bulk_create, 20 years of governance: 6 bodies of 15 seats, 2,000 memos (3 sections each),
5,000 proposed decisions, 60,000 votes (each with its history record) and the decision list.
Then it measures, side by side with the trivial /healthz/ in the same run, the server-side
p95 of the memo list, a memo page, the voting page, my votes and the decision list; the PDF
of a ~10-page memo through the real "memo" document kind against bare WeasyPrint; and the
daily reminder digest to 4,000 voters through a real worker. Prints the figures and writes a
section at the end of bench/RESULTS.md (replacing an earlier one). Needs PostgreSQL on
127.0.0.1:5432 and Redis on 127.0.0.1:6379, like bench/run.py.
"""

import datetime
import os
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
import meeting_book  # noqa: E402
import run  # noqa: E402  (the shared helpers; its import sets the environment)

ROOT = run.ROOT
RESULTS = run.RESULTS
HEADING = "## Governance at 20 years: pages, memo PDF, reminder fan-out"
OPENING_HEADING = "## Opening mail of a voting to 4,000 voters"
COMMAND = ".tools/bin/uv run --locked python bench/governance.py"
# AVK_BENCH_GOV_DB: another database name, so two runs on one machine do not collide.
DB_NAME = os.environ.get("AVK_BENCH_GOV_DB", "avk_bench_gov")
DATABASE_URL = f"postgres://postgres@127.0.0.1:5432/{DB_NAME}"

YEARS = 20
MEMOS = 2000
SEATS_PER_BODY = 15
VOTES_PER_DECISION = 12
FANOUT = 4000
PDF_SECTIONS = 17

os.environ.update(
    {
        "DATABASE_URL": DATABASE_URL,
        "AVK_VOTE_REQUIRE_MFA": "false",
        "AVK_VOTE_REMINDER_DAYS": "3,1",
    }
)


# --- the dataset --------------------------------------------------------------------------


def _choice(kind: str, d: int, s: int) -> str:
    if kind == "note":
        return "acknowledged"
    return ["for", "for", "for", "against", "abstain", "for", "for"][(d * 7 + s * 3) % 7]


def build_dataset() -> dict:
    from django.contrib.auth.hashers import make_password
    from django.db import transaction
    from django.utils import timezone

    from avk.models import User
    from governance.models import (
        Body,
        Decision,
        Memo,
        MemoSection,
        ProposedDecision,
        Seat,
        Vote,
        VoteRecord,
    )
    from governance.services.decisions import decision_result
    from partners.models import Person

    now = timezone.now()
    today = timezone.localdate()
    first_year = today.year - YEARS + 1
    password = make_password("bench-password-not-used")
    with transaction.atomic():
        staff = User.objects.create(
            email="staff@bench.example", full_name="Bench Staff", is_staff=True, password=password
        )
        voter = User.objects.create(
            email="voter@bench.example", full_name="Bench Stemmer", password=password
        )
        bodies = Body.objects.bulk_create(
            Body(kind=kind, name=name, short_name=short, mandate=run.LOREM, order=order)
            for order, (kind, name, short) in enumerate(
                [
                    ("db", "Dagelijks Bestuur", "DB"),
                    ("stuurgroep", "Stuurgroep", "SG"),
                    ("programmateam", "Programmateam", "PT"),
                    ("ledenraad", "Ledenraad", "LR"),
                    ("ed_medezeggenschap", "Medezeggenschap ervaringsdeskundigen", "ED"),
                    ("raad_van_toezicht", "Raad van Toezicht", "RvT"),
                ],
                start=1,
            )
        )
        people = Person.objects.bulk_create(
            Person(
                name=f"Lid {b}-{s:02d}",
                email=f"lid{b}.{s}@bench.example",
                user=voter if s == 0 and b == 0 else None,  # the voter: chair of DB and SG
            )
            for b in range(len(bodies))
            for s in range(SEATS_PER_BODY)
        )
        roles = ["chair"] + ["member"] * (SEATS_PER_BODY - 3) + ["experience_expert", "secretary"]
        seats = Seat.objects.bulk_create(
            Seat(
                person=people[0 if (b, s) == (1, 0) else b * SEATS_PER_BODY + s],
                body=body,
                role=roles[s],
                term_start=datetime.date(first_year, 1, 1),
            )
            for b, body in enumerate(bodies)
            for s in range(SEATS_PER_BODY)
        )
        seats_of = {
            body.pk: seats[b * SEATS_PER_BODY : (b + 1) * SEATS_PER_BODY]
            for b, body in enumerate(bodies)
        }
        voting_count = SEATS_PER_BODY - 1  # all but the secretary
        quorum = voting_count // 2 + 1

        # 2,000 memos over 20 years; per body the last 2 in voting, the one before a draft.
        span = (today - datetime.date(first_year, 1, 1)).days - 20
        memos = []
        for i in range(MEMOS):
            body = bodies[i % len(bodies)]
            memo_date = datetime.date(first_year, 1, 1) + datetime.timedelta(days=span * i // MEMOS)
            memos.append(
                Memo(
                    body=body,
                    title=f"Memo {i + 1}: {run.TARGET_GROUPS[i % 6]} en middelen",
                    author="Saskia Duursma (projectleider)",
                    memo_date=memo_date,
                    introduction=run.LOREM * 2,
                    created_by=staff,
                )
            )
        last = len(memos) - len(bodies) * 3
        for i, memo in enumerate(memos):
            opens = timezone.make_aware(
                datetime.datetime.combine(memo.memo_date, datetime.time(10, 0))
            )
            if i >= last + len(bodies) * 2:
                memo.status = Memo.Status.DRAFT
                memo.memo_date = today
            elif i >= last:
                memo.status = Memo.Status.VOTING
                memo.memo_date = today - datetime.timedelta(days=2)
                memo.submitted_at = memo.voting_opens_at = now - datetime.timedelta(days=2)
                memo.voting_deadline = now + datetime.timedelta(days=10)
            else:
                memo.status = Memo.Status.DECIDED
                memo.submitted_at = memo.voting_opens_at = opens
                memo.voting_deadline = memo.closed_at = opens + datetime.timedelta(days=14)
                memo.voting_seats = voting_count
                memo.quorum = quorum
        memos = Memo.objects.bulk_create(memos)

        MemoSection.objects.bulk_create(
            (
                MemoSection(
                    memo=memo,
                    order=k,
                    title=f"Thema {k + 1}: theorie en inhoudelijke keuzes",
                    text=run.LOREM * 3,
                    inputs="\n".join(f"Inbreng {k + 1}.{n}: {run.LOREM[:90]}" for n in range(4)),
                    summary="\n".join(
                        f"Samengevat {k + 1}.{n}: {run.LOREM[:70]}" for n in range(2)
                    ),
                )
                for memo in memos
                for k in range(3)
            ),
            batch_size=2000,
        )
        decisions = []
        for i, memo in enumerate(memos):
            for k in range(3 if i % 2 == 0 else 2):
                decisions.append(
                    ProposedDecision(
                        memo=memo,
                        order=k,
                        kind="note" if k == 0 else "approve",
                        text=f"voorstel {i + 1}.{k + 1}: {run.LOREM[:120]}",
                    )
                )
        decisions = ProposedDecision.objects.bulk_create(decisions, batch_size=2000)

        votes = []
        draft_decisions = sum(1 for d in decisions if d.memo.status == Memo.Status.DRAFT)
        extra_votes = draft_decisions * VOTES_PER_DECISION
        for d, decision in enumerate(decisions):
            memo = decision.memo
            if memo.status == Memo.Status.DRAFT:
                continue
            # In an open voting the voter (seat 0) has not voted yet: their page lists it.
            voters = range(1, VOTES_PER_DECISION + 1) if memo.status == "voting" else range(12)
            if memo.status == Memo.Status.DECIDED and extra_votes > 0:
                # Drafts have no votes: a 13th vote on some decided decisions makes up for them.
                voters = range(13)
                extra_votes -= 1
            counts = {"for": 0, "against": 0, "abstain": 0, "acknowledged": 0}
            for s in voters:
                choice = _choice(decision.kind, d, s)
                counts[choice] += 1
                votes.append(Vote(decision=decision, seat=seats_of[memo.body_id][s], choice=choice))
            if memo.status == Memo.Status.DECIDED:
                decision.votes_for = counts["for"]
                decision.votes_against = counts["against"]
                decision.votes_abstain = counts["abstain"]
                decision.acknowledgements = counts["acknowledged"]
                decision.result = decision_result(
                    kind=decision.kind,
                    votes_for=counts["for"],
                    votes_against=counts["against"],
                    votes_abstain=counts["abstain"],
                    quorum=quorum,
                    majority="simple",
                )
        votes = Vote.objects.bulk_create(votes, batch_size=5000)
        VoteRecord.objects.bulk_create(
            (VoteRecord(vote=v, choice=v.choice) for v in votes), batch_size=5000
        )
        ProposedDecision.objects.bulk_update(
            [d for d in decisions if d.result],
            ["votes_for", "votes_against", "votes_abstain", "acknowledgements", "result"],
            batch_size=2000,
        )
        sequence = {}
        listed = []
        for decision in decisions:
            if decision.result not in ("adopted", "noted"):
                continue
            memo = decision.memo
            decided_on = timezone.localtime(memo.closed_at).date()
            body = next(b for b in bodies if b.pk == memo.body_id)
            n = sequence[(body.pk, decided_on.year)] = (
                sequence.get((body.pk, decided_on.year), 0) + 1
            )
            listed.append(
                Decision(
                    body=body,
                    year=decided_on.year,
                    sequence=n,
                    number=f"{body.short_name.upper()}-{decided_on.year}-{n:03d}",
                    proposed_decision=decision,
                    decided_on=decided_on,
                    result=decision.result,
                    text=decision.text,
                )
            )
        Decision.objects.bulk_create(listed, batch_size=2000)

    db = bodies[0]
    decided = (
        Memo.objects.filter(body=db, status=Memo.Status.DECIDED).order_by("-memo_date").first()
    )
    open_memo = Memo.objects.filter(body=db, status=Memo.Status.VOTING).order_by("pk").first()
    counts = {
        "memos": Memo.objects.count(),
        "sections": MemoSection.objects.count(),
        "proposed_decisions": ProposedDecision.objects.count(),
        "votes": Vote.objects.count(),
        "vote_records": VoteRecord.objects.count(),
        "decision_list": Decision.objects.count(),
        "bodies": Body.objects.count(),
        "seats": Seat.objects.count(),
        "years": f"{first_year}-{today.year}",
    }
    return {
        "staff": staff,
        "voter": voter,
        "db": db,
        "decided": decided,
        "open": open_memo,
        "counts": counts,
    }


# --- pages --------------------------------------------------------------------------------


def measure_pages(data: dict) -> list[dict]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    staff, voter = Client(), Client()
    staff.force_login(data["staff"])
    voter.force_login(data["voter"])
    wanted = [
        ("/healthz/ (baseline)", None, "/healthz/", staff, "staff"),
        ("memo list", "governance:memo_list", [], staff, "staff"),
        ("memo list", "governance:memo_list", [], voter, "voter"),
        (f"memo page (decided, {data['decided'].sections.count()} sections, "
         f"{data['decided'].decisions.count()} decisions)", "governance:memo_detail",
         [data["decided"].pk], voter, "voter"),
        ("voting page (open memo)", "governance:memo_vote", [data["open"].pk], voter, "voter"),
        ("my votes", "governance:my_votes", [], voter, "voter"),
        ("decision list (DB, 20 years)", "governance:decision_list", [data["db"].pk], staff,
         "staff"),
    ]  # fmt: skip
    pages = []
    for label, name, args, client, who in wanted:
        if name is None:
            pages.append((label, args, client, who))
            continue
        url = reverse(name, args=args)
        pages.append((f"{label} `{url}`", url, client, who))

    rows = []
    for label, url, client, who in pages:
        for _ in range(run.PAGE_WARMUP):
            response = client.get(url)
            if response.status_code != 200:
                raise SystemExit(f"{url} as {who} answered {response.status_code}")
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        rows.append(
            {
                "label": label,
                "who": who,
                "queries": len(queries),
                "bytes": len(response.content),
                "times": [],
            }
        )
    for _ in range(run.PAGE_RUNS):
        for row, (_label, url, client, _who) in zip(rows, pages, strict=True):
            start = time.perf_counter()
            client.get(url)
            row["times"].append((time.perf_counter() - start) * 1000)
    baseline = run.percentile(rows[0]["times"], 95)
    for row in rows:
        row["p50"] = run.percentile(row["times"], 50)
        row["p95"] = run.percentile(row["times"], 95)
        row["ratio"] = row["p95"] / baseline
        row["pass"] = row["p95"] < run.PAGE_P95_MS and row["ratio"] <= run.PAGE_RATIO
    return rows


# --- the memo PDF ------------------------------------------------------------------------


def build_long_memo(data: dict):
    """A decided DB memo of ~10 pages: 17 sections with inputs and summary points, 6
    decisions with results."""
    from governance.models import Memo, ProposedDecision

    source = data["decided"]
    memo = Memo.objects.create(
        body=data["db"],
        title="Randvoorwaarden voor het programma (lang)",
        author=source.author,
        memo_date=source.memo_date,
        introduction=run.LOREM * 4,
        status=Memo.Status.DECIDED,
        voting_seats=source.voting_seats,
        quorum=source.quorum,
        closed_at=source.closed_at,
    )
    meeting_book.long_sections(memo, PDF_SECTIONS)
    ProposedDecision.objects.bulk_create(
        ProposedDecision(
            memo=memo,
            order=k,
            kind="note" if k == 0 else "approve",
            text=f"voorstel {k + 1}: {run.LOREM[:140]}",
            result="noted" if k == 0 else "adopted",
            votes_for=None if k == 0 else 9,
            votes_against=None if k == 0 else 2,
            votes_abstain=None if k == 0 else 1,
            acknowledgements=12 if k == 0 else None,
        )
        for k in range(6)
    )
    return memo


def measure_memo_pdf(data: dict) -> dict:
    import statistics

    from django.db import connection
    from django.template.loader import render_to_string
    from django.test.utils import CaptureQueriesContext
    from django.utils import translation
    from weasyprint import HTML

    from avk import documents
    from avk.pdf import render_pdf

    kind = documents.get_kind("memo")
    memo = build_long_memo(data)
    subject = str(memo.pk)
    server, base_url = run.static_server()
    try:
        with translation.override("nl"), CaptureQueriesContext(connection) as queries:
            context = kind.context(subject)
            html = render_to_string(kind.template, context)
        pages = len(HTML(string=html, base_url=base_url).render().pages)

        def ours():
            with translation.override("nl"):
                return render_pdf(kind.template, kind.context(subject), language="nl")

        ours_times, ours_pdf = run.timed(ours, run.PDF_RUNS)
        bare_times, bare_pdf = run.timed(
            lambda: HTML(string=html, base_url=base_url).write_pdf(), run.PDF_RUNS
        )
    finally:
        server.shutdown()
    ours_median, bare_median = statistics.median(ours_times), statistics.median(bare_times)
    ratio = ours_median / bare_median
    return {
        "pages": pages,
        "queries": len(queries),
        "ours": ours_median,
        "bare": bare_median,
        "ratio": ratio,
        "ours_bytes": len(ours_pdf),
        "bare_bytes": len(bare_pdf),
        "pass": ours_median < run.MEMO_SECONDS and ratio <= run.PDF_RATIO,
    }


# --- the reminder fan-out -----------------------------------------------------------------


def build_fanout() -> dict:
    """4,000 voters of one body with a login each, and a memo whose deadline is tomorrow."""
    from django.contrib.auth.hashers import make_password
    from django.db import transaction
    from django.utils import timezone

    from avk.models import User
    from governance.models import Body, Memo, ProposedDecision, Seat
    from partners.models import Person

    now = timezone.now()
    password = make_password("bench-password-not-used")
    with transaction.atomic():
        body = Body.objects.create(kind="ledenraad", name="Ledenraad (groot)", short_name="LRG")
        users = User.objects.bulk_create(
            (
                User(
                    email=f"stemmer{i:04d}@bench.example",
                    full_name=f"Stemmer {i:04d}",
                    language="nl" if i % 5 else "en",
                    password=password,
                )
                for i in range(FANOUT)
            ),
            batch_size=1000,
        )
        people = Person.objects.bulk_create(
            (Person(name=u.full_name, email=u.email, user=u) for u in users), batch_size=1000
        )
        Seat.objects.bulk_create(
            (
                Seat(person=p, body=body, role="member", term_start=datetime.date(2020, 1, 1))
                for p in people
            ),
            batch_size=1000,
        )
        deadline = timezone.localtime(now).replace(
            hour=17, minute=0, second=0, microsecond=0
        ) + datetime.timedelta(days=1)
        memo = Memo.objects.create(
            body=body,
            title="Jaarplan 2027 van de alliantie",
            author="Saskia Duursma (projectleider)",
            memo_date=timezone.localdate(),
            status=Memo.Status.VOTING,
            submitted_at=now - datetime.timedelta(days=6),
            voting_opens_at=now - datetime.timedelta(days=6),
            voting_deadline=deadline,
        )
        ProposedDecision.objects.bulk_create(
            ProposedDecision(memo=memo, order=k, kind=kind, text=f"voorstel {k + 1}")
            for k, kind in enumerate(["note", "approve", "approve"])
        )
    return {"body": body, "memo": memo}


class _Worker:
    """One real worker (bench/run.py) on a queue of its own, ready before the clock starts."""

    def __enter__(self):
        self.queue = f"avk-bench-gov-{uuid.uuid4().hex[:8]}"
        self.log = Path(tempfile.gettempdir()) / f"{self.queue}.log"
        self.process = run.start_worker(
            queue=self.queue, worker_log=self.log, database_url=DATABASE_URL
        )
        self.previous = run._set_producer(
            task_always_eager=False, broker_url=run.BROKER_URL, task_default_queue=self.queue
        )
        deadline = time.monotonic() + 60
        while "ready." not in self.log.read_text(errors="replace"):
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise SystemExit("worker did not start:\n" + self.log.read_text()[-3000:])
            time.sleep(0.2)
        return self

    def wait_until_sent(self, rows, count: int) -> None:
        from avk.models import OutgoingMail

        deadline = time.monotonic() + 180
        while rows.filter(status=OutgoingMail.Status.SENT).count() < count:
            if self.process.poll() is not None or time.monotonic() > deadline:
                break
            time.sleep(0.1)

    def __exit__(self, *exc):
        run._set_producer(**self.previous)
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.unlink(missing_ok=True)


def _counts(rows, expected: int) -> dict:
    from django.db.models import Q

    from avk.models import OutgoingMail

    sent = rows.filter(status=OutgoingMail.Status.SENT)
    return {
        "rows": rows.count(),
        "sent": sent.count(),
        "sent_once": sent.filter(attempts=1).count(),
        "not_once": rows.filter(~Q(attempts=1)).count(),
        "expected": expected,
    }


def _verdict(result: dict) -> dict:
    n = result["expected"]
    result["per_second"] = result["sent"] / result["elapsed_s"] if result["elapsed_s"] else 0.0
    result["pass"] = (
        result["rows"] == n
        and result["sent"] == n
        and result["sent_once"] == n
        and result["not_once"] == 0
        and result["again"] == 0
        and result["elapsed_s"] < run.MAIL_SECONDS
    )
    return result


def measure_fanout() -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from avk.emails import BATCH_SIZE
    from avk.models import OutgoingMail
    from governance.services import reminders

    digests = OutgoingMail.objects.filter(template=reminders.TEMPLATE)
    with _Worker() as worker:
        start = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            queued = reminders.reminder_digests_send()
        queued_s = time.perf_counter() - start
        worker.wait_until_sent(digests, FANOUT)
        elapsed = time.perf_counter() - start
        # The same day again (a second beat run, a retried task): nothing new.
        again = reminders.reminder_digests_send()
        time.sleep(2)
        counts = _counts(digests, FANOUT)
    return _verdict(
        {
            "count": FANOUT,
            "batch": BATCH_SIZE,
            "queued": queued,
            "build_queries": len(queries),
            "queued_s": queued_s,
            "elapsed_s": elapsed,
            "again": again,
            **counts,
        }
    )


def measure_opening(body) -> dict:
    """The opening mail to the 4,000 voters: beat opens a scheduled voting, the worker
    runs the opening task (builds and queues the mails) and sends them in batches."""
    from django.utils import timezone

    from avk.models import OutgoingMail
    from governance.models import Memo, ProposedDecision
    from governance.services import voting, voting_mail

    now = timezone.now()
    memo = Memo.objects.create(
        body=body,
        title="Meerjarenbegroting 2027-2030",
        author="Saskia Duursma (projectleider)",
        memo_date=timezone.localdate(),
        status=Memo.Status.SUBMITTED,
        submitted_at=now,
        voting_opens_at=now,
        voting_deadline=now + datetime.timedelta(days=14),
    )
    ProposedDecision.objects.bulk_create(
        ProposedDecision(memo=memo, order=k, kind="approve", text=f"voorstel {k + 1}")
        for k in range(3)
    )
    rows = OutgoingMail.objects.filter(template=voting_mail.TEMPLATE)
    with _Worker() as worker:
        start = time.perf_counter()
        opened = voting.voting_open_due()  # what beat's governance.voting_advance runs
        worker.wait_until_sent(rows, FANOUT)
        elapsed = time.perf_counter() - start
        # The task again (a retry) and beat's safety net: nothing new.
        again = voting_mail.voters_notify(memo_id=memo.pk)
        again += voting_mail.voters_notify_missed(now=now + datetime.timedelta(minutes=5))
        time.sleep(2)
        counts = _counts(rows, FANOUT)
    return _verdict({"opened": opened, "elapsed_s": elapsed, "again": again, **counts})


# --- report -------------------------------------------------------------------------------


def section(data, facts, pages, pdf, mail, duration) -> str:
    verdict = run.verdict
    c = data["counts"]
    lines = [
        HEADING,
        "",
        f"Command: `{COMMAND}` ({datetime.datetime.now():%Y-%m-%d %H:%M} local time, "
        f"{duration:.0f} s in all). Machine: "
        + ", ".join(f"{k} {v}" for k, v in facts.items())
        + f". PostgreSQL database `{DB_NAME}` made afresh and migrated, `DJANGO_DEBUG=false`, "
        "`AVK_VOTE_REQUIRE_MFA=false`, Redis broker, locmem e-mail backend. Load average "
        f"(1 min) of the machine when this run started: {data['load_start']:.2f}, at its end: "
        f"{os.getloadavg()[0]:.2f} (with {facts['nproc']} CPUs; above that, other work "
        "competed for them).",
        "",
        f"Dataset (bulk-created): {c['memos']:,} memos over {YEARS} years ({c['years']}) with "
        f"{c['sections']:,} sections, {c['proposed_decisions']:,} proposed decisions, "
        f"{c['votes']:,} votes ({c['vote_records']:,} history records), "
        f"{c['decision_list']:,} entries in the decision lists; {c['bodies']} bodies of "
        f"{SEATS_PER_BODY} seats (14 voting). Per body 2 memos in voting, 1 draft, the rest "
        "decided with results and numbers.",
        "",
        "### Pages (server side, django.test.Client in-process)",
        "",
        f"{run.PAGE_WARMUP} warm-up requests per page, then {run.PAGE_RUNS} timed requests "
        "per page, round-robin, baseline `/healthz/` in the same run. *voter*: a login holding "
        "the chair seat of the DB and the SG (the 4 memos in voting there await their vote). "
        f"Bar: p95 < {run.PAGE_P95_MS:.0f} ms and within {run.PAGE_RATIO:.0f}x the baseline's "
        "p95.",
        "",
        "| page | as | p50 ms | p95 ms | p95 / baseline p95 | SQL queries | verdict |",
        "| --- | --- | ---: | ---: | ---: | ---: | --- |",
    ]
    for r in pages:
        lines.append(
            f"| {r['label']} | {r['who']} | {r['p50']:.1f} | {r['p95']:.1f} | "
            f"{r['ratio']:.1f}x | {r['queries']} | "
            f"{'baseline' if r is pages[0] else verdict(r['pass'])} |"
        )
    lines += ["", "### Memo PDF (the real `memo` document kind)", ""]
    lines += [
        f"A decided DB memo with {PDF_SECTIONS} sections (text, 4 inputs, 2 summary points "
        "each) and 6 proposed decisions with results, rendered with the `memo` kind's "
        "context builder and template through `avk.pdf.render_pdf`; *bare*: WeasyPrint on "
        f"the same HTML over a local HTTP server. One warm-up, {run.PDF_RUNS} runs, "
        f"medians. Bars: < {run.MEMO_SECONDS} s and within {run.PDF_RATIO}x of bare.",
        "",
        "| document | pages | context SQL queries | ours median s | bare median s | "
        "ours / bare | PDF bytes ours / bare | verdict |",
        "| --- | ---: | ---: | ---: | ---: | ---: | --- | --- |",
        f"| Memo, {PDF_SECTIONS} sections | {pdf['pages']} | {pdf['queries']} | "
        f"{pdf['ours']:.3f} | {pdf['bare']:.3f} | {pdf['ratio']:.2f}x | "
        f"{pdf['ours_bytes']:,} / {pdf['bare_bytes']:,} | {verdict(pdf['pass'])} |",
    ]
    lines += [
        "",
        "### Reminder digest fan-out through a real Celery worker",
        "",
        f"{mail['count']:,} voters of one body, each with a login (one in five in English), "
        "and a memo whose deadline is tomorrow. The clock starts at "
        "`governance.reminders.reminder_digests_send()` (what the beat task "
        "`governance.reminder_digests` runs): it builds every digest in "
        f"{mail['build_queries']} SQL queries, bulk-inserts the `OutgoingMail` rows (key "
        "`governance-digest:<user>:<date>`) and enqueues one `mail_deliver_batch` task per "
        f"{mail['batch']} rows; one worker `celery -A avk worker --pool=prefork "
        "--concurrency=2`, ready before the clock starts, renders each digest in the "
        "recipient's language and sends each batch over one connection. The clock stops when "
        "every row is `sent`. Then the same day's run again: it must queue nothing. Bar: "
        f"< {run.MAIL_SECONDS:.0f} s, each mail sent exactly once.",
        "",
        "| digests | build + queue s | until all sent s | mails/s | rows | sent | "
        "sent with attempts == 1 | rows with attempts != 1 | second run queued | verdict |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
        f"| {mail['queued']:,} | {mail['queued_s']:.1f} | {mail['elapsed_s']:.1f} | "
        f"{mail['per_second']:.0f} | {mail['rows']:,} | {mail['sent']:,} | "
        f"{mail['sent_once']:,} | {mail['not_once']} | {mail['again']} | "
        f"{verdict(mail['pass'])} |",
        "",
    ]
    return "\n".join(lines)


def opening_section(r: dict, facts: dict) -> str:
    return "\n".join(
        [
            OPENING_HEADING,
            "",
            f"Command: `{COMMAND} [--opening]` ({datetime.datetime.now():%Y-%m-%d %H:%M} local "
            "time). Machine: "
            + ", ".join(f"{k} {v}" for k, v in facts.items())
            + f". Load average (1 min) at the end: {os.getloadavg()[0]:.2f}.",
            "",
            f"{r['expected']:,} voters of one body, each with a login (one in five in English), "
            "and a memo whose scheduled opening has come. The clock starts at "
            "`governance.services.voting.voting_open_due()` (what beat's "
            "`governance.voting_advance` runs): it opens the voting and, after the commit, "
            "queues the task `governance.voters_notify`; the real worker (`--pool=prefork "
            "--concurrency=2`) runs it (one mail per voter with the memo, its decisions, the "
            "deadline, the link and an .ics attachment, bulk-inserted under the key "
            "`vote-opened:<memo>:<user>`) and sends them, one `mail_deliver_batch` per 100. "
            "The clock stops when every row is `sent`. Then the task again and beat's safety "
            f"net: they must queue nothing. Bar: < {run.MAIL_SECONDS:.0f} s, each mail once.",
            "",
            "| opening mails | until all sent s | mails/s | rows | sent | "
            "sent with attempts == 1 | rows with attempts != 1 | queued again | verdict |",
            "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
            f"| {r['expected']:,} | {r['elapsed_s']:.1f} | {r['per_second']:.0f} | "
            f"{r['rows']:,} | {r['sent']:,} | {r['sent_once']:,} | {r['not_once']} | "
            f"{r['again']} | {run.verdict(r['pass'])} |",
            "",
            *(
                [
                    f"For comparison, the daily reminder digest to the same {r['expected']:,} "
                    f"voters (no attachment) in the same run: all sent after "
                    f"{r['digest_s']:.1f} s.",
                    "",
                ]
                if "digest_s" in r
                else []
            ),
        ]
    )


def write_results(text: str, heading: str = HEADING) -> None:
    current = RESULTS.read_text() if RESULTS.exists() else ""
    start = current.find(heading)
    if start != -1:
        following = current.find("\n## ", start + len(heading))
        rest = current[following + 1 :] if following != -1 else ""
        current = current[:start].rstrip() + ("\n\n" + rest if rest else "")
    RESULTS.write_text(current.rstrip() + "\n\n" + text)


def main() -> None:
    t0 = time.perf_counter()
    load_start = os.getloadavg()[0]
    run.log(f"Creating database {DB_NAME} and migrating ...")
    run.create_database(DB_NAME)
    import django

    django.setup()
    run.migrate()

    run.log("Building 20 years of governance ...")
    t = time.perf_counter()
    data = build_dataset()
    data["load_start"] = load_start
    run.log(f"  {data['counts']} in {time.perf_counter() - t:.1f} s")

    run.log(f"Pages: {run.PAGE_WARMUP} warm-up + {run.PAGE_RUNS} timed requests each ...")
    pages = measure_pages(data)
    for r in pages:
        run.log(
            f"  {r['label'][:60]:60} {r['who']:6} p50 {r['p50']:6.1f} ms  p95 {r['p95']:6.1f} ms"
            f"  {r['ratio']:5.1f}x  {r['queries']:3d} queries  "
            f"{'baseline' if r is pages[0] else run.verdict(r['pass'])}"
        )

    run.log("Memo PDF ...")
    pdf = measure_memo_pdf(data)
    run.log(
        f"  {pdf['pages']} pages, ours {pdf['ours']:.3f} s, bare {pdf['bare']:.3f} s, "
        f"{pdf['ratio']:.2f}x, {pdf['queries']} queries  {run.verdict(pdf['pass'])}"
    )

    book = _meeting_book()

    run.log(f"Reminder digests to {FANOUT} voters through a real worker ...")
    fanout = build_fanout()
    mail = measure_fanout()
    run.log(
        f"  built and queued {mail['queued']} in {mail['queued_s']:.1f} s "
        f"({mail['build_queries']} queries), all sent after {mail['elapsed_s']:.1f} s "
        f"({mail['sent']} sent, {mail['sent_once']} once, {mail['not_once']} not once, "
        f"second run queued {mail['again']})  {run.verdict(mail['pass'])}"
    )

    opening = _run_opening(fanout["body"])

    facts = run.machine_facts()
    duration = time.perf_counter() - t0
    write_results(section(data, facts, pages, pdf, mail, duration))
    write_results(meeting_book.section(book, COMMAND), meeting_book.HEADING)
    write_results(opening_section(opening, facts), heading=OPENING_HEADING)
    run.log(f"Wrote the sections to {RESULTS.relative_to(ROOT)} ({duration:.0f} s in all).")


def _meeting_book() -> dict:
    run.log("Meeting book PDF (5 memos) ...")
    book = meeting_book.measure_book()
    run.log(
        f"  {book['pages']} pages, median {book['median']:.2f} s, slowest {book['max']:.2f} s,"
        f" CPU {book['cpu']:.2f} s"
        f"  {run.verdict(book['pass'])}"
    )
    return book


def _run_opening(body) -> dict:
    run.log(f"Opening mail to {FANOUT} voters through a real worker ...")
    opening = measure_opening(body)
    run.log(
        f"  opened {opening['opened']}, all sent after {opening['elapsed_s']:.1f} s "
        f"({opening['sent']} sent, {opening['sent_once']} once, {opening['not_once']} not "
        f"once, again queued {opening['again']})  {run.verdict(opening['pass'])}"
    )
    return opening


def main_meeting_book() -> None:
    """Only the meeting book, on a fresh database: `python bench/governance.py meeting-book`."""
    run.log(f"Creating database {DB_NAME} and migrating ...")
    run.create_database(DB_NAME)
    import django

    django.setup()
    run.migrate()
    book = _meeting_book()
    write_results(meeting_book.section(book, f"{COMMAND} meeting-book"), meeting_book.HEADING)
    run.log(f"Wrote the section to {RESULTS.relative_to(ROOT)}.")


def main_opening() -> None:
    """Only the opening-mail fan-out (`--opening`): its own database, its own section."""
    run.log(f"Creating database {DB_NAME} and migrating ...")
    run.create_database(DB_NAME)
    import django

    django.setup()
    run.migrate()
    body = build_fanout()["body"]
    # The digest fan-out to the same voters first, for a figure of the same machine load.
    digest = measure_fanout()
    run.log(f"  digests for comparison: all sent after {digest['elapsed_s']:.1f} s")
    opening = _run_opening(body)
    opening["digest_s"] = digest["elapsed_s"]
    write_results(opening_section(opening, run.machine_facts()), heading=OPENING_HEADING)


if __name__ == "__main__":
    if sys.argv[1:] == ["meeting-book"]:
        main_meeting_book()
    elif "--opening" in sys.argv[1:]:
        main_opening()
    else:
        main()
