"""A governance history for the page-size tests: per year, memos to a body with proposed
decisions, every seat's votes, the decision-list entries and a meeting per month, written
in bulk (and the cache told, avk.cache.touch); and a memo open for voting now."""

import datetime

from django.utils import timezone

from avk.cache import touch
from governance.models import Decision, Meeting, Memo, ProposedDecision, Seat, Vote
from tests.factories import SeatFactory

MEMOS_PER_YEAR = 15  # two years fill the first page of the decision list (50)
VOTERS = 5


def years_back(first: int, last: int = 1) -> range:
    """The years from `first` years ago up to `last` years ago."""
    this_year = timezone.localdate().year
    return range(this_year - first, this_year - last + 1)


def build_history(body, years: range) -> None:
    """Decided memos of `body` in `years`, with votes, decision-list entries and meetings;
    the body gets VOTERS seats in all."""
    seats = list(Seat.objects.current().filter(body=body))
    seats += [SeatFactory(body=body) for _ in range(VOTERS - len(seats))]
    memos = Memo.objects.bulk_create(
        Memo(
            body=body,
            title=f"Memo {year}-{n}: kinderen en middelen",
            author="Saskia Duursma (projectleider)",
            memo_date=datetime.date(year, 1 + n % 12, 1 + n),
            introduction="Het programmateam vraagt het bestuur in te stemmen.",
            status=Memo.Status.DECIDED,
        )
        for year in years
        for n in range(MEMOS_PER_YEAR)
    )
    proposed = ProposedDecision.objects.bulk_create(
        ProposedDecision(
            memo=memo,
            order=k,
            kind="note" if k == 0 else "approve",
            text=f"voorstel {memo.title}: {k}",
            result="noted" if k == 0 else "adopted",
            votes_for=None if k == 0 else VOTERS,
            votes_against=None if k == 0 else 0,
            votes_abstain=None if k == 0 else 0,
        )
        for memo in memos
        for k in range(2)
    )
    Vote.objects.bulk_create(
        Vote(decision=decision, seat=seat, choice="acknowledged" if decision.order == 0 else "for")
        for decision in proposed
        for seat in seats
    )
    sequence: dict[int, int] = {}
    entries = []
    for decision in proposed:
        year = decision.memo.memo_date.year
        sequence[year] = sequence.get(year, 0) + 1
        entries.append(
            Decision(
                body=body,
                year=year,
                sequence=sequence[year],
                number=f"{body.short_name}-{year}-{sequence[year]:03d}",
                proposed_decision=decision,
                decided_on=decision.memo.memo_date + datetime.timedelta(days=14),
                result=decision.result,
                text=decision.text,
            )
        )
    Decision.objects.bulk_create(entries)
    Meeting.objects.bulk_create(
        Meeting(
            body=body,
            starts_at=timezone.make_aware(datetime.datetime(year, month, 12, 19, 30)),
        )
        for year in years
        for month in range(1, 13)
    )
    touch(Memo, ProposedDecision, Vote, Decision, Meeting)  # bulk writes send no signal


def open_memo(body) -> Memo:
    """A memo of `body` open for voting now, with two decisions awaiting every voter."""
    now = timezone.now()
    memo = Memo.objects.create(
        body=body,
        title="Open memo",
        author="Saskia Duursma (projectleider)",
        memo_date=timezone.localdate(),
        introduction="Stem voor het einde van de week.",
        status=Memo.Status.VOTING,
        submitted_at=now - datetime.timedelta(days=1),
        voting_opens_at=now - datetime.timedelta(days=1),
        voting_deadline=now + datetime.timedelta(days=7),
    )
    for k in range(2):
        ProposedDecision.objects.create(memo=memo, order=k, text=f"open voorstel {k}")
    return memo
