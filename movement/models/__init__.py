# --- stakeholders
# --- pilots
from movement.models.pilots import Pilot, PilotSignup  # noqa: F401
from movement.models.signups import PLACE_HOLDING, Signup, SignupStatus  # noqa: F401
from movement.models.stakeholders import Stage, StakeholderEntry  # noqa: F401

# --- pilots end
# --- mornings
# isort: split
from movement.models.mornings import MorningSignup, TeamMorning  # noqa: F401

# --- mornings end
