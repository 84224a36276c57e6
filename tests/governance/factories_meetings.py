"""Factories for the decision list, meetings, actions and calendar feeds (the meetings work)."""

import datetime

import factory
from django.utils import timezone

from governance.models import CalendarFeed, Memo, ProposedDecision
from tests.factories import UserFactory
from tests.governance.factories import DecisionFactory, MemoFactory, ProposedDecisionFactory


class ClosedDecisionFactory(ProposedDecisionFactory):
    """A proposed decision whose voting has closed: adopted, with its counts."""

    memo = factory.SubFactory(
        MemoFactory,
        status=Memo.Status.DECIDED,
        closed_at=factory.LazyFunction(timezone.now),
    )
    result = ProposedDecision.Result.ADOPTED
    votes_for = 4
    votes_against = 1
    votes_abstain = 0


class NotedDecisionFactory(ClosedDecisionFactory):
    kind = ProposedDecision.Kind.NOTE
    result = ProposedDecision.Result.NOTED
    votes_for = None
    votes_against = None
    votes_abstain = None
    acknowledgements = 5


class ListedDecisionFactory(DecisionFactory):
    """A decision-list entry of `body`, with its proposed decision and memo to that body."""

    class Meta:
        exclude = ["memo"]

    memo = factory.SubFactory(MemoFactory, status=Memo.Status.DECIDED)
    proposed_decision = factory.SubFactory(
        ClosedDecisionFactory, memo=factory.SelfAttribute("..memo")
    )
    decided_on = datetime.date(2026, 11, 20)


class CalendarFeedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CalendarFeed

    user = factory.SubFactory(UserFactory)
