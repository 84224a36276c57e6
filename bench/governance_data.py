"""Benchmark part: 20 years of governance, bulk-created for bench/governance.py: 6 bodies
of 15 seats, 2,000 memos (3 sections each), 5,000 proposed decisions, 60,000 votes (each with
its history record) and the decision lists."""

import datetime

import run

YEARS = 20
MEMOS = 2000
SEATS_PER_BODY = 15
VOTES_PER_DECISION = 12


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
            for order, (kind, name, short) in enumerate(run.BODY_KINDS, start=1)
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
