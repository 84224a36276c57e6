"""A mailing to the 4,000 newsletter readers of the demo through a real Celery worker.

Run from the repository root:  .tools/bin/uv run --locked python bench/mailing.py
(`make bench` runs it). Needs PostgreSQL on 127.0.0.1:5432 and Redis on 127.0.0.1:6379.

It drops and creates the database avk_bench_mailing (or AVK_BENCH_MAILING_DB), migrates it
and adds 4,000 subscribed readers, 100 readers who unsubscribed, an open pilot and a draft
mailing that calls for it. The clock starts when staff's send button is pressed
(`mailing_send`, the same service the view calls): after its commit the task
`movement.tasks.queue_mailing` is queued; the real worker (prefork, 2 processes) runs it
(the readers in chunks of 500, their rows locked, one outbox row per reader under the key
`mailing:<mailing>:reader:<reader>`) and sends the mails, one `mail_deliver_batch` per 100.
The clock stops when every row is `sent`. Then the task again and beat's safety net: they
must queue nothing. It writes the section "Mailing to 4,000 newsletter readers" of
bench/RESULTS.md.
"""

import datetime
import os
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
import results_file  # noqa: E402
import run  # noqa: E402  (the shared helpers; its import sets the environment)
from digest_fanout import Worker, mail_counts, mail_verdict  # noqa: E402

DB_NAME = os.environ.get("AVK_BENCH_MAILING_DB", "avk_bench_mailing")
DATABASE_URL = f"postgres://postgres@127.0.0.1:5432/{DB_NAME}"
HEADING = "## Mailing to 4,000 newsletter readers"
COMMAND = ".tools/bin/uv run --locked python bench/mailing.py"
READERS = 4000
UNSUBSCRIBED = 100

os.environ["DATABASE_URL"] = DATABASE_URL


def build():
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from movement.models import Mailing, Pilot, Reader

    now = timezone.now()
    Reader.objects.bulk_create(
        [
            Reader(
                email=f"lezer{i}@example.org",
                name=f"Lezer {i}",
                source="Nieuwsbrief (bench)",
                consented_on=datetime.date(2024, 1, 1) + datetime.timedelta(days=i % 600),
            )
            for i in range(READERS)
        ]
        + [
            Reader(
                email=f"afgemeld{i}@example.org",
                source="Nieuwsbrief (bench)",
                consented_on=datetime.date(2024, 1, 1),
                unsubscribed_at=now,
            )
            for i in range(UNSUBSCRIBED)
        ],
        batch_size=1000,
    )
    today = timezone.localdate()
    pilot = Pilot.objects.create(
        title="Pilot visie vorming en vertaling in actie",
        description="Samen handen en voeten geven aan de visie.",
        place="Veendam",
        starts_on=today,
        ends_on=today + datetime.timedelta(days=120),
        capacity=20,
        status=Pilot.Status.OPEN,
    )
    staff = get_user_model().objects.create_user(
        email="programmaleider@example.org", password=None, is_staff=True
    )
    mailing = Mailing.objects.create(
        subject="Oproep: doe mee met een pilot",
        body="Beste lezer,\n\nWe zoeken mensen voor de pilots visie vorming en vertaling in "
        "actie.\n\nDoe je mee?",
        pilot=pilot,
        created_by=staff,
    )
    return staff, mailing


def measure(staff, mailing) -> dict:
    from avk.models import OutgoingMail
    from movement.services import mailings

    rows = OutgoingMail.objects.filter(key__startswith=mailing.key_prefix)
    with Worker(DATABASE_URL) as worker:
        start = time.perf_counter()
        mailings.mailing_send(mailing=mailing, actor=staff)
        worker.wait_until_sent(rows, READERS)
        elapsed = time.perf_counter() - start
        mailing.refresh_from_db()
        # The task again (a retry) and beat's safety net, even long after: nothing new.
        again = mailings.mailing_queue(mailing_id=mailing.pk)
        again += mailings.mailings_resume(now=mailing.started_at + datetime.timedelta(hours=1))
        time.sleep(2)
        counts = mail_counts(rows, READERS)
    unsubscribed = rows.filter(to__startswith="afgemeld").count()
    result = mail_verdict({"elapsed_s": elapsed, "again": again, **counts})
    result["unsubscribed_rows"] = unsubscribed
    result["status"] = mailing.status
    result["recipients"] = mailing.recipients
    result["pass"] = result["pass"] and unsubscribed == 0 and mailing.recipients == READERS
    return result


def section(r: dict, facts: dict) -> str:
    return "\n".join(
        [
            HEADING,
            "",
            f"Command: `{COMMAND}` ({datetime.datetime.now():%Y-%m-%d %H:%M} local time). "
            "Machine: "
            + ", ".join(f"{k} {v}" for k, v in facts.items())
            + f". Load average (1 min) at the end: {os.getloadavg()[0]:.2f}.",
            "",
            f"{READERS:,} subscribed readers and {UNSUBSCRIBED} who unsubscribed, and a draft "
            "mailing that calls for an open pilot. The clock starts at "
            "`movement.services.mailings.mailing_send()` (what staff's send button runs): "
            "after its commit the task `movement.tasks.queue_mailing` is queued; the real "
            "worker (`--pool=prefork --concurrency=2`) runs it (the readers in chunks of 500, "
            "their rows locked, one outbox row per reader under the key "
            "`mailing:<mailing>:reader:<reader>`, with a one-click unsubscribe link and "
            "header) and sends the mails, one `mail_deliver_batch` per 100. The clock stops "
            "when every row is `sent`. Then the task again and beat's safety net: they must "
            f"queue nothing. Bar: < {run.MAIL_SECONDS:.0f} s, each reader once, no mail to "
            "a reader who unsubscribed.",
            "",
            "| readers | until all sent s | mails/s | rows | sent | sent with attempts == 1 "
            "| rows with attempts != 1 | rows for unsubscribed | queued again | verdict |",
            "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
            f"| {READERS:,} | {r['elapsed_s']:.1f} | {r['per_second']:.0f} | {r['rows']:,} | "
            f"{r['sent']:,} | {r['sent_once']:,} | {r['not_once']} | "
            f"{r['unsubscribed_rows']} | {r['again']} | {run.verdict(r['pass'])} |",
            "",
        ]
    )


def main() -> None:
    run.log(f"Creating database {DB_NAME} and migrating ...")
    run.create_database(DB_NAME)
    import django

    django.setup()
    run.migrate()
    staff, mailing = build()
    run.log(f"Mailing to {READERS} readers through a real worker ...")
    result = measure(staff, mailing)
    run.log(
        f"  all sent after {result['elapsed_s']:.1f} s ({result['sent']} sent, "
        f"{result['sent_once']} once, {result['not_once']} not once, "
        f"{result['unsubscribed_rows']} to unsubscribed, again queued {result['again']})  "
        f"{run.verdict(result['pass'])}"
    )
    results_file.replace_section(section(result, run.machine_facts()), HEADING)
    run.log(f"Wrote the section to {results_file.RESULTS.relative_to(run.ROOT)}.")


if __name__ == "__main__":
    main()
