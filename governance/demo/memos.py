"""Demo memos: the seed memo of 19 June 2023 as a decided DB memo, and one open memo.

The seed memo (shared/seeds/memo-2023-06-19-randvoorwaarden-programma.txt) is rebuilt with
its header, introduction, three themed sections (the inputs of the work session as bullets,
the *Samengevat* points 1-13 verbatim) and its six proposed decisions. It goes through the
voting services like a real memo: submitted on 19 June 2023, voted on by the DB's voting
seats, closed by the deadline on 3 July 2023, so the decision list reads DB-2023-001 to 006.
The annex (*Bijlage*, figures 1-6) is left out: the seed holds no image files and a figure
needs one.

The open memo to the DB is in voting with its deadline 10 days after the demo is built; the
chair and the experience expert have voted, the demo DB member (db-lid@avk.example) not yet.
The experience expert stepped aside on its third decision (a conflict of interest).

The texts are in `governance.demo.memo_texts`; the DB meetings on both memos are built by
`governance.demo.meetings`. `build()` is idempotent: a memo already there (by body and
title) is left alone.
"""

import datetime

from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from avk.models import User
from governance.demo import meetings
from governance.demo.memo_texts import (
    OPEN_CONFLICTS,
    OPEN_DECISIONS,
    OPEN_INTRODUCTION,
    OPEN_SECTIONS,
    OPEN_TITLE,
    OPEN_VOTES,
    OPEN_VOTING_DAYS,
    SEED_AUTHOR,
    SEED_DATE,
    SEED_DEADLINE,
    SEED_DECISIONS,
    SEED_INTRODUCTION,
    SEED_SECTIONS,
    SEED_SUBMITTED,
    SEED_TITLE,
    SEED_VOTED,
    SEED_VOTES,
    STAFF_EMAIL,
)
from governance.models import Body, Memo, MemoSection, MemoVersion, ProposedDecision
from governance.services.conflicts import conflict_declare
from governance.services.decisions import voting_close
from governance.services.memos import memo_snapshot
from governance.services.voting import memo_submit, vote_cast


def _memo(*, body, title, author, memo_date, introduction, sections, decisions, staff) -> Memo:
    memo = Memo.objects.create(
        body=body,
        title=title,
        author=author,
        memo_date=memo_date,
        introduction=introduction,
        created_by=staff,
    )
    MemoSection.objects.bulk_create(
        MemoSection(memo=memo, order=order, **section) for order, section in enumerate(sections)
    )
    ProposedDecision.objects.bulk_create(
        ProposedDecision(memo=memo, order=order, kind=kind, text=text)
        for order, (kind, text) in enumerate(decisions)
    )
    MemoVersion.objects.create(
        memo=memo, number=memo.version, content=memo_snapshot(memo), saved_by=staff
    )
    return memo


def _votes(memo: Memo, votes: dict[str, list[str]], *, when) -> None:
    decisions = list(memo.decisions.order_by("order", "pk"))
    users = {u.email: u for u in User.objects.filter(email__in=votes)}
    for email, choices in votes.items():
        for decision, choice in zip(decisions, choices, strict=False):
            vote_cast(user=users[email], decision=decision, choice=choice, now=when(email))


def _conflicts(memo: Memo, conflicts: dict[str, list[tuple[int, str]]], *, now) -> None:
    decisions = list(memo.decisions.order_by("order", "pk"))
    users = {u.email: u for u in User.objects.filter(email__in=conflicts)}
    for email, declared in conflicts.items():
        for index, reason in declared:
            conflict_declare(user=users[email], decision=decisions[index], reason=reason, now=now)


@override_settings(AVK_VOTE_REQUIRE_MFA=False)
def build() -> dict[str, Memo]:
    """The decided seed memo and the open memo to the DB (left alone when already there)."""
    body = Body.objects.get(short_name="DB")
    staff = User.objects.get(email=STAFF_EMAIL)
    memos = {}
    with transaction.atomic():
        seed = Memo.objects.filter(body=body, title=SEED_TITLE).first()
        if seed is None:
            seed = _memo(
                body=body,
                title=SEED_TITLE,
                author=SEED_AUTHOR,
                memo_date=SEED_DATE,
                introduction=SEED_INTRODUCTION,
                sections=SEED_SECTIONS,
                decisions=SEED_DECISIONS,
                staff=staff,
            )
            seed = memo_submit(
                memo=seed, user=staff, voting_deadline=SEED_DEADLINE, now=SEED_SUBMITTED
            )
            _votes(seed, SEED_VOTES, when=SEED_VOTED.get)
            seed = voting_close(memo=seed, now=SEED_DEADLINE)  # closed by the deadline
        memos["decided"] = seed

        current = Memo.objects.filter(body=body, title=OPEN_TITLE).first()
        if current is None:
            now = timezone.now()
            current = _memo(
                body=body,
                title=OPEN_TITLE,
                author=SEED_AUTHOR,
                memo_date=timezone.localdate(now) - datetime.timedelta(days=2),
                introduction=OPEN_INTRODUCTION,
                sections=OPEN_SECTIONS,
                decisions=OPEN_DECISIONS,
                staff=staff,
            )
            deadline = timezone.localtime(now).replace(
                hour=17, minute=0, second=0, microsecond=0
            ) + datetime.timedelta(days=OPEN_VOTING_DAYS)
            current = memo_submit(
                memo=current,
                user=staff,
                voting_deadline=deadline,
                voting_opens_at=now - datetime.timedelta(days=1),
                now=now,
            )
            _votes(current, OPEN_VOTES, when=lambda _email: now)
            _conflicts(current, OPEN_CONFLICTS, now=now)
        memos["open"] = current
        meetings.build(body=body, seed=seed, current=current, staff=staff)
    return memos
