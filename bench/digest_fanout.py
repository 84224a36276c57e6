"""Benchmark part: the daily reminder digest to 4,000 voters of one body through a real
Celery worker, and what the opening mail (bench/opening_mail.py) shares with it: the
voters, the worker and the verdict. Used by bench/governance.py (in its full run, and with
`--opening`)."""

import datetime
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

import run

FANOUT = 4000


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


class Worker:
    """One real worker (bench/run.py) on a queue of its own, on the database at
    `database_url`, ready before the clock starts."""

    def __init__(self, database_url: str):
        self.database_url = database_url

    def __enter__(self):
        self.queue = f"avk-bench-gov-{uuid.uuid4().hex[:8]}"
        self.log = Path(tempfile.gettempdir()) / f"{self.queue}.log"
        self.process = run.start_worker(
            queue=self.queue, worker_log=self.log, database_url=self.database_url
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


def mail_counts(rows, expected: int) -> dict:
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


def mail_verdict(result: dict) -> dict:
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


def measure_fanout(database_url: str) -> dict:
    """The digests of today to the voters of `build_fanout`, built, queued and sent by a
    real worker; then the same day's run again, which must queue nothing."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from avk.emails import BATCH_SIZE
    from avk.models import OutgoingMail
    from governance.services import reminders

    digests = OutgoingMail.objects.filter(template=reminders.TEMPLATE)
    with Worker(database_url) as worker:
        start = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            queued = reminders.reminder_digests_send()
        queued_s = time.perf_counter() - start
        worker.wait_until_sent(digests, FANOUT)
        elapsed = time.perf_counter() - start
        # The same day again (a second beat run, a retried task): nothing new.
        again = reminders.reminder_digests_send()
        time.sleep(2)
        counts = mail_counts(digests, FANOUT)
    return mail_verdict(
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


def section(mail: dict) -> list[str]:
    """The lines of the digest fan-out in the governance section of RESULTS.md."""
    return [
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
        f"{run.verdict(mail['pass'])} |",
        "",
    ]
