"""Benchmark part: the opening mail of a voting to the 4,000 voters of
bench/digest_fanout.py's body through a real Celery worker: beat opens a scheduled voting,
the worker builds the mails and sends them. Used by bench/governance.py (in its full run,
and alone with `python bench/governance.py --opening`)."""

import datetime
import os
import time

import run
from digest_fanout import FANOUT, Worker, mail_counts, mail_verdict

HEADING = "## Opening mail of a voting to 4,000 voters"


def measure_opening(body, database_url: str) -> dict:
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
    with Worker(database_url) as worker:
        start = time.perf_counter()
        opened = voting.voting_open_due()  # what beat's governance.voting_advance runs
        worker.wait_until_sent(rows, FANOUT)
        elapsed = time.perf_counter() - start
        # The task again (a retry) and beat's safety net: nothing new.
        again = voting_mail.voters_notify(memo_id=memo.pk)
        again += voting_mail.voters_notify_missed(now=now + datetime.timedelta(minutes=5))
        time.sleep(2)
        counts = mail_counts(rows, FANOUT)
    return mail_verdict({"opened": opened, "elapsed_s": elapsed, "again": again, **counts})


def section(r: dict, facts: dict, command: str) -> str:
    return "\n".join(
        [
            HEADING,
            "",
            f"Command: `{command} [--opening]` ({datetime.datetime.now():%Y-%m-%d %H:%M} local "
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


def run_opening(body, database_url: str) -> dict:
    """Measure the opening mail to the voters of `body` (digest_fanout.build_fanout) and log
    the figures."""
    run.log(f"Opening mail to {FANOUT} voters through a real worker ...")
    opening = measure_opening(body, database_url)
    run.log(
        f"  opened {opening['opened']}, all sent after {opening['elapsed_s']:.1f} s "
        f"({opening['sent']} sent, {opening['sent_once']} once, {opening['not_once']} not "
        f"once, again queued {opening['again']})  {run.verdict(opening['pass'])}"
    )
    return opening
