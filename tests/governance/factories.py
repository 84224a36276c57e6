"""Factories for memos, votes, decisions, meetings and actions."""

import datetime

import factory
from django.utils import timezone

from governance.models import (
    ActionItem,
    AgendaItem,
    Decision,
    Meeting,
    Memo,
    MemoSection,
    ProposedDecision,
    Vote,
)
from tests.factories import BodyFactory, PersonFactory, SeatFactory


class MemoFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Memo

    body = factory.SubFactory(BodyFactory)
    title = factory.Sequence(lambda n: f"Memo {n}")
    author = "Saskia Duursma (projectleider)"
    memo_date = datetime.date(2026, 11, 1)
    introduction = "De stuurgroep heeft besloten in te stemmen met het programmaplan."


class VotingMemoFactory(MemoFactory):
    """A memo submitted to its body, with the voting open for a week."""

    status = Memo.Status.VOTING
    submitted_at = factory.LazyFunction(timezone.now)
    voting_opens_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(hours=1))
    voting_deadline = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))


class MemoSectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MemoSection

    memo = factory.SubFactory(MemoFactory)
    order = factory.Sequence(lambda n: n)
    title = factory.Sequence(lambda n: f"Sectie {n}")
    text = "Sturingsvormen: theorie en inhoudelijke keuzes."
    inputs = "Laten we flexibel blijven\nSturen op budget verdient geen voorkeur"
    summary = "We willen flexibiliteit in de vorm houden"


class ProposedDecisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProposedDecision

    memo = factory.SubFactory(MemoFactory)
    order = factory.Sequence(lambda n: n)
    kind = ProposedDecision.Kind.APPROVE
    text = factory.Sequence(lambda n: f"in te stemmen met voorstel {n}")


class VoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Vote

    decision = factory.SubFactory(ProposedDecisionFactory)
    seat = factory.SubFactory(SeatFactory, body=factory.SelfAttribute("..decision.memo.body"))
    choice = Vote.Choice.FOR


class DecisionFactory(factory.django.DjangoModelFactory):
    """A decision-list entry (normally made by closing a voting)."""

    class Meta:
        model = Decision

    proposed_decision = factory.SubFactory(
        ProposedDecisionFactory,
        result=ProposedDecision.Result.ADOPTED,
        memo__status=Memo.Status.DECIDED,
    )
    body = factory.SelfAttribute("proposed_decision.memo.body")
    year = 2026
    sequence = factory.Sequence(lambda n: n + 1)
    number = factory.LazyAttribute(lambda o: f"{o.body.short_name}-{o.year}-{o.sequence:03d}")
    decided_on = datetime.date(2026, 11, 20)
    result = ProposedDecision.Result.ADOPTED
    text = factory.SelfAttribute("proposed_decision.text")


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    body = factory.SubFactory(BodyFactory)
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=10))
    location = "Gemeentehuis Veendam"


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaItem

    meeting = factory.SubFactory(MeetingFactory)
    order = factory.Sequence(lambda n: n)
    title = factory.Sequence(lambda n: f"Agendapunt {n}")


class ActionItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionItem

    title = factory.Sequence(lambda n: f"Actie {n}")
    owner = factory.SubFactory(PersonFactory)
    due_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=7))
    meeting = factory.SubFactory(MeetingFactory)
