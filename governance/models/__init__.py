from governance.models.bodies import Body, Majority, Seat, SeatQuerySet
from governance.models.conflicts import ConflictOfInterest
from governance.models.meetings import ActionItem, AgendaItem, CalendarFeed, Meeting
from governance.models.memos import Memo, MemoAnnex, MemoSection, MemoVersion, ProposedDecision
from governance.models.minutes import Attendance, Minutes, MinutesItem
from governance.models.programme import ProgrammeRole, RoleTerm, RoleTermQuerySet
from governance.models.reviews import DecisionReview
from governance.models.substitutes import Substitution, SubstitutionQuerySet
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
    "DecisionReview",
    "Majority",
    "Meeting",
    "Memo",
    "MemoAnnex",
    "MemoSection",
    "MemoVersion",
    "Minutes",
    "MinutesItem",
    "ProgrammeRole",
    "ProposedDecision",
    "RoleTerm",
    "RoleTermQuerySet",
    "Seat",
    "SeatQuerySet",
    "Substitution",
    "SubstitutionQuerySet",
    "Vote",
    "VoteRecord",
]
