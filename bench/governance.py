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

Its parts live beside it: the dataset in governance_data.py, the meeting book in
meeting_book.py, the reminder digest fan-out in digest_fanout.py and the opening mail in
opening_mail.py. Modes: no argument (everything), `meeting-book` (only the meeting book) and
`--opening` (only the opening mail, with the digests for comparison).
"""

import datetime
import os
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
import digest_fanout  # noqa: E402
import governance_data  # noqa: E402
import meeting_book  # noqa: E402
import opening_mail  # noqa: E402
import results_file  # noqa: E402
import run  # noqa: E402  (the shared helpers; its import sets the environment)
from digest_fanout import FANOUT  # noqa: E402
from governance_data import SEATS_PER_BODY, YEARS  # noqa: E402

ROOT = run.ROOT
RESULTS = run.RESULTS
HEADING = "## Governance at 20 years: pages, memo PDF, reminder fan-out"
COMMAND = ".tools/bin/uv run --locked python bench/governance.py"
# AVK_BENCH_GOV_DB: another database name, so two runs on one machine do not collide.
DB_NAME = os.environ.get("AVK_BENCH_GOV_DB", "avk_bench_gov")
DATABASE_URL = f"postgres://postgres@127.0.0.1:5432/{DB_NAME}"

PDF_SECTIONS = 17

os.environ.update(
    {
        "DATABASE_URL": DATABASE_URL,
        "AVK_VOTE_REQUIRE_MFA": "false",
        "AVK_VOTE_REMINDER_DAYS": "3,1",
    }
)


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
    lines += digest_fanout.section(mail)
    return "\n".join(lines)


def write_results(text: str, heading: str = HEADING) -> None:
    results_file.replace_section(text, heading)


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
    data = governance_data.build_dataset()
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
    fanout = digest_fanout.build_fanout()
    mail = digest_fanout.measure_fanout(DATABASE_URL)
    run.log(
        f"  built and queued {mail['queued']} in {mail['queued_s']:.1f} s "
        f"({mail['build_queries']} queries), all sent after {mail['elapsed_s']:.1f} s "
        f"({mail['sent']} sent, {mail['sent_once']} once, {mail['not_once']} not once, "
        f"second run queued {mail['again']})  {run.verdict(mail['pass'])}"
    )

    opening = opening_mail.run_opening(fanout["body"], DATABASE_URL)

    facts = run.machine_facts()
    duration = time.perf_counter() - t0
    write_results(section(data, facts, pages, pdf, mail, duration))
    write_results(meeting_book.section(book, COMMAND), meeting_book.HEADING)
    write_results(opening_mail.section(opening, facts, COMMAND), opening_mail.HEADING)
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
    body = digest_fanout.build_fanout()["body"]
    # The digest fan-out to the same voters first, for a figure of the same machine load.
    digest = digest_fanout.measure_fanout(DATABASE_URL)
    run.log(f"  digests for comparison: all sent after {digest['elapsed_s']:.1f} s")
    opening = opening_mail.run_opening(body, DATABASE_URL)
    opening["digest_s"] = digest["elapsed_s"]
    write_results(opening_mail.section(opening, run.machine_facts(), COMMAND), opening_mail.HEADING)


if __name__ == "__main__":
    if sys.argv[1:] == ["meeting-book"]:
        main_meeting_book()
    elif "--opening" in sys.argv[1:]:
        main_opening()
    else:
        main()
