"""Benchmark part: a meeting book of 5 memos (about 40 pages) through the real
`meeting_book` document kind. Used by bench/governance.py (in its full run, and alone with
`python bench/governance.py meeting-book`)."""

import datetime
import os
import statistics
import time

import run

HEADING = "## Meeting book PDF: 5 memos, about 40 pages"
MEMOS = 5
SECTIONS_PER_MEMO = 13
RUNS = 3
BOOK_SECONDS = 5.0


def long_sections(memo, count: int) -> None:
    """`count` long sections of `memo` (text, 4 inputs, 2 summary points each): about two
    thirds of a page each in the PDF."""
    from governance.models import MemoSection

    MemoSection.objects.bulk_create(
        MemoSection(
            memo=memo,
            order=k,
            title=f"{k + 1}. Thema {k + 1}: theorie en inhoudelijke keuzes",
            text="\n\n".join([run.LOREM * 3, run.LOREM * 2]),
            inputs="\n".join(f"Inbreng {k + 1}.{n}: {run.LOREM[:110]}" for n in range(4)),
            summary="\n".join(f"Samengevat {k + 1}.{n}: {run.LOREM[:80]}" for n in range(2)),
        )
        for k in range(count)
    )


def build_book():
    """A body with a meeting a week ago (circulated minutes, 6 items) and the next one with
    5 long memos on its agenda: the meeting book of the next one has about 40 pages."""
    from django.utils import timezone

    from governance.models import (
        AgendaItem,
        Body,
        Meeting,
        Memo,
        Minutes,
        MinutesItem,
        ProposedDecision,
    )

    body = Body.objects.create(kind="db", name="Vergaderboek bench", short_name="VBB")
    now = timezone.now()
    previous = Meeting.objects.create(body=body, starts_at=now - datetime.timedelta(days=28))
    minutes = Minutes.objects.create(meeting=previous, notes=run.LOREM, circulated_at=now)
    MinutesItem.objects.bulk_create(
        MinutesItem(minutes=minutes, order=k, title=f"Agendapunt {k + 1}", text=run.LOREM * 2)
        for k in range(6)
    )
    meeting = Meeting.objects.create(body=body, starts_at=now + datetime.timedelta(days=7))
    for m in range(MEMOS):
        memo = Memo.objects.create(
            body=body,
            title=f"Memo {m + 1}: uitgangspunten voor thema {m + 1}",
            author="Saskia Duursma (projectleider)",
            memo_date=timezone.localdate(),
            introduction=run.LOREM * 4,
            status=Memo.Status.DRAFT,
        )
        long_sections(memo, SECTIONS_PER_MEMO)
        ProposedDecision.objects.bulk_create(
            ProposedDecision(memo=memo, order=k, kind="approve", text=f"voorstel {k + 1}")
            for k in range(4)
        )
        AgendaItem.objects.create(meeting=meeting, order=m + 1, title=memo.title, memo=memo)
    return meeting


def measure_book() -> dict:
    """The median time of the real kind's context and rendering (render_pdf), and pages."""
    import io

    from django.utils import translation
    from pypdf import PdfReader

    from avk import documents
    from avk.pdf import render_pdf

    kind = documents.get_kind("meeting_book")
    subject = str(build_book().pk)
    load_start = os.getloadavg()[0]

    def ours():
        with translation.override("nl"):
            return render_pdf(kind.template, kind.context(subject), language="nl")

    cpu_start = time.process_time()
    times, pdf = run.timed(ours, RUNS)
    # CPU seconds of this process per rendering (warm-up included): what the rendering
    # costs when it has a core to itself, whatever else the machine runs.
    cpu = (time.process_time() - cpu_start) / (RUNS + 1)
    median = statistics.median(times)
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    return {
        "pages": pages,
        "median": median,
        "max": max(times),
        "bytes": len(pdf),
        "cpu": cpu,
        "pass": median < BOOK_SECONDS and pages >= 40,
        "load": (load_start, os.getloadavg()[0]),
    }


def section(book: dict, command: str) -> str:
    return "\n".join(
        [
            HEADING,
            "",
            f"Command: `{command}` ({datetime.datetime.now():%Y-%m-%d %H:%M} local time). "
            f"A meeting with {MEMOS} memos on its agenda ({SECTIONS_PER_MEMO} sections, "
            "4 proposed decisions each) and the previous meeting's circulated minutes, "
            "rendered with the `meeting_book` kind's context builder and template through "
            f"`avk.pdf.render_pdf` (contents with page numbers). One warm-up, {RUNS} runs. "
            f"Bar: < {BOOK_SECONDS:.0f} s for a book of 40 pages or more. Load average (1 min) "
            f"at the start: {book['load'][0]:.2f}, at the end: {book['load'][1]:.2f} (2 CPUs; "
            "above that, other work competed for them).",
            "",
            "*CPU s*: the process's CPU time per rendering, what it takes with a core to itself.",
            "",
            "| document | pages | median s | slowest s | CPU s | PDF bytes | verdict |",
            "| --- | ---: | ---: | ---: | ---: | ---: | --- |",
            f"| Meeting book, {MEMOS} memos | {book['pages']} | {book['median']:.2f} | "
            f"{book['max']:.2f} | {book['cpu']:.2f} | {book['bytes']:,} | "
            f"{run.verdict(book['pass'])} |",
            "",
        ]
    )
