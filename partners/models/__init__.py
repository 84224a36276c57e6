from partners.models.commitment import Commitment, Package
from partners.models.intervention import Intervention
from partners.models.organisation import (
    Invitation,
    Municipality,
    Partner,
    PartnerMembership,
    Person,
)
from partners.models.quickscan import QuickScan, QuickScanAnswer, QuickScanCriterion
from partners.models.team import Delegate, TeamMember

__all__ = [
    "Commitment",
    "Delegate",
    "Intervention",
    "Invitation",
    "Municipality",
    "Package",
    "Partner",
    "PartnerMembership",
    "Person",
    "QuickScan",
    "QuickScanAnswer",
    "QuickScanCriterion",
    "TeamMember",
]
