from governance.models.bodies import Body, Majority, Seat, SeatQuerySet
from governance.models.conflicts import ConflictOfInterest
from governance.models.meetings import ActionItem, AgendaItem, CalendarFeed, Meeting
from governance.models.memos import Memo, MemoAnnex, MemoSection, MemoVersion, ProposedDecision
from governance.models.substitutes import Substitution, SubstitutionQuerySet
from governance.models.voting import Choice, Decision, Vote, VoteRecord

__all__ = [
    "ActionItem",
    "AgendaItem",
    "Body",
    "CalendarFeed",
    "Choice",
    "ConflictOfInterest",
    "Decision",
    "Majority",
    "Meeting",
    "Memo",
    "MemoAnnex",
    "MemoSection",
    "MemoVersion",
    "ProposedDecision",
    "Seat",
    "SeatQuerySet",
    "Substitution",
    "SubstitutionQuerySet",
    "Vote",
    "VoteRecord",
]
