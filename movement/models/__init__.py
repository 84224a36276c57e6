# --- stakeholders
from movement.models.stakeholders import Stage, StakeholderEntry  # noqa: F401
