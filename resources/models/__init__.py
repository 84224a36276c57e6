from resources.models.budget import BudgetLine
from resources.models.efforts import MAX_ROWS_PER_EFFORT, Allocation, SroiInput, SroiOutcome
from resources.models.funding import FundingApplication, FundingSource

__all__ = [
    "MAX_ROWS_PER_EFFORT",
    "Allocation",
    "BudgetLine",
    "FundingApplication",
    "FundingSource",
    "SroiInput",
    "SroiOutcome",
]
