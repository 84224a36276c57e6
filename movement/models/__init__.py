from movement.models.learning import Course, CourseSignup  # noqa: F401
from movement.models.mornings import MorningSignup, TeamMorning  # noqa: F401
from movement.models.network import Mailing, Reader  # noqa: F401
from movement.models.pilots import Pilot, PilotSignup  # noqa: F401
from movement.models.signups import PLACE_HOLDING, Signup, SignupStatus  # noqa: F401
from movement.models.stakeholders import Stage, StakeholderEntry  # noqa: F401
