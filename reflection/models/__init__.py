from reflection.models.contributions import Contribution
from reflection.models.plans import Effort, PhasePlan
from reflection.models.progress import EffortUpdate
from reflection.models.sessions import (
    AttentionPoint,
    Ingredient,
    ReflectionSession,
    SessionSide,
    Side,
)

__all__ = [
    "AttentionPoint",
    "Contribution",
    "Effort",
    "EffortUpdate",
    "Ingredient",
    "PhasePlan",
    "ReflectionSession",
    "SessionSide",
    "Side",
]
