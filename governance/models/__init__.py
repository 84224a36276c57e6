from governance.models.bodies import Body, Majority, Seat, SeatQuerySet
from governance.models.conflicts import ConflictOfInterest
from governance.models.meetings import ActionItem, AgendaItem, CalendarFeed, Meeting
from governance.models.memos import Memo, MemoAnnex, MemoSection, MemoVersion, ProposedDecision
from governance.models.minutes import Attendance, Minutes, MinutesItem
from governance.models.voting import Choice, Decision, Vote, VoteRecord

__all__ = [
    "ActionItem",
    "AgendaItem",
    "Attendance",
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
    "Minutes",
    "MinutesItem",
    "ProposedDecision",
    "Seat",
    "SeatQuerySet",
    "Vote",
    "VoteRecord",
]
