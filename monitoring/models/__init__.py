from monitoring.models.experiences import Consent, Experience
from monitoring.models.indicators import (
    PROGRAMME_END_YEAR,
    PROGRAMME_START_YEAR,
    Area,
    EffortIndicator,
    Indicator,
    IndicatorStory,
    Measurement,
    Target,
)
from monitoring.models.spotlights import Spotlight

__all__ = [
    "PROGRAMME_END_YEAR",
    "PROGRAMME_START_YEAR",
    "Area",
    "Consent",
    "EffortIndicator",
    "Experience",
    "Indicator",
    "IndicatorStory",
    "Measurement",
    "Spotlight",
    "Target",
]
