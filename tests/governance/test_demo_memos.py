"""The demo memos: the seed memo of 19 June 2023 decided, and one memo open for votes."""

import pytest
from django.core.management import call_command
from django.utils import timezone

from governance.demo import bodies as governance_demo
from governance.demo import memo_texts
from governance.demo import memos as demo_memos
from governance.models import (
    ActionItem,
    AgendaItem,
    ConflictOfInterest,
    Decision,
    Meeting,
    Memo,
    MemoSection,
    ProposedDecision,
    Vote,
)
from partners.demo import organisations as partners_demo

pytestmark = pytest.mark.django_db


def _counts():
    models = (Memo, MemoSection, ProposedDecision, Vote, Decision, Meeting, AgendaItem, ActionItem)
    return [m.objects.count() for m in models]


@pytest.fixture
def demo_alliance():
    partners = partners_demo.build()
    partners_demo.build_partner_work(partners)
    governance_demo.build()


def test_the_seed_memo_is_decided_with_its_six_numbered_decisions(demo_alliance):
    memos = demo_memos.build()
    seed = memos["decided"]
    assert seed.status == Memo.Status.DECIDED
    assert seed.body.short_name == "DB"
    assert seed.author == "Saskia Duursma (projectleider)"
    assert seed.memo_date.isoformat() == "2023-06-19"
    assert "23 februari 2023" in seed.introduction
    assert timezone.localtime(seed.closed_at).date().isoformat() == "2023-07-03"

    sections = list(seed.sections.order_by("order"))
    assert [s.title.split(":")[0] for s in sections] == [
        "Sturingsvormen",
        "Programma organisatie",
        "Middelen",
    ]
    summary = [line for s in sections for line in s.summary_lines]
    assert len(summary) == 13
    assert summary[0] == (
        "We willen flexibiliteit in de vorm houden en niet nu iets vast leggen voor 20 jaar;"
    )
    assert summary[12].startswith("het voorstel is om besluitvorming op de inzet van middelen")
    assert [len(s.input_lines) for s in sections] == [12, 9, 7]
    assert sections[0].input_lines[9] == (
        "start met een coalition of the willing. Als dat een succes wordt, sluiten anderen "
        "vanzelf aan;"
    )
    assert not seed.annexes.exists()  # the seed has no image files

    decisions = list(seed.decisions.order_by("order"))
    assert [d.kind for d in decisions] == ["note"] + ["approve"] * 5
    assert [d.result for d in decisions] == ["noted"] + ["adopted"] * 5
    assert decisions[0].acknowledgements == 3
    assert (decisions[4].votes_for, decisions[4].votes_against, decisions[4].votes_abstain) == (
        2,
        0,
        1,
    )
    numbers = list(
        Decision.objects.filter(proposed_decision__memo=seed)
        .order_by("sequence")
        .values_list("number", flat=True)
    )
    assert numbers == [f"DB-2023-{n:03d}" for n in range(1, 7)]
    assert Vote.objects.filter(decision__memo=seed).count() == 18


def test_the_open_memo_awaits_the_demo_member(demo_alliance):
    memo = demo_memos.build()["open"]
    assert memo.status == Memo.Status.VOTING
    assert memo.voting_deadline > timezone.now() + timezone.timedelta(days=9)
    assert memo.decisions.count() == 3
    voters = set(
        Vote.objects.filter(decision__memo=memo).values_list("seat__person__email", flat=True)
    )
    assert voters == {memo_texts.CHAIR_EMAIL, memo_texts.EXPERT_EMAIL}
    assert Vote.objects.filter(decision__memo=memo).count() == 5
    # The experience expert stepped aside on the third decision, with a reason.
    conflict = ConflictOfInterest.objects.get(decision__memo=memo)
    assert conflict.seat.person.email == memo_texts.EXPERT_EMAIL
    assert conflict.decision == memo.decisions.order_by("order").last()
    assert conflict.reason


def test_building_twice_changes_nothing(demo_alliance):
    demo_memos.build()
    first = _counts()
    demo_memos.build()
    assert _counts() == first
    assert first[0] == 2 and first[2] == 9
    assert Decision.objects.count() == 6


def test_the_demo_command_can_run_twice(db):
    call_command("demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    demo_memos.build()
    first = _counts()
    call_command("demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    demo_memos.build()
    assert _counts() == first


def test_the_db_meets_on_the_memos_and_keeps_actions(demo_alliance):
    memos = demo_memos.build()
    past, latest, upcoming = Meeting.objects.order_by("starts_at")
    assert past.location_partner.name == "Gemeente Veendam"
    assert past.minutes.adopted_in == latest and latest.minutes.adopted_at is None
    assert latest.minutes.circulated_at is None  # a draft
    assert upcoming.agenda.filter(memo=memos["decided"]).exists()
    assert upcoming.starts_at > timezone.now()
    assert upcoming.location_partner.name == "Cosis"
    assert past.agenda.filter(memo=memos["decided"]).exists()
    assert upcoming.agenda.filter(memo=memos["open"]).exists()
    open_action = ActionItem.objects.get(status=ActionItem.Status.OPEN)
    assert open_action.owner.email == "programmaleider@avk.example"
    assert open_action.decision.memo == memos["decided"]
    assert open_action.decision.listed.number == "DB-2023-003"
    assert ActionItem.objects.filter(status=ActionItem.Status.DONE).count() == 1
