"""The open mornings: public pages and the calendar feed for everyone (no login), staff's
pages for staff only."""

from movement.services.signup_links import withdraw_token
from tests.matrix import EVERYONE, POST_ONLY, STAFF_ONLY
from tests.movement.factories_mornings import MorningSignupFactory, TeamMorningFactory


def _morning(o):
    return {"pk": TeamMorningFactory().pk}


def _signup(o):
    return {"pk": MorningSignupFactory().pk}


def _confirm_token(o):
    from movement.models import SignupStatus
    from movement.services.signup_links import token_hash

    MorningSignupFactory(
        status=SignupStatus.UNCONFIRMED, confirmed_at=None, token_hash=token_hash("matrix-morning")
    )
    return {"token": "matrix-morning"}


def _withdraw_token(o):
    return {"token": withdraw_token(MorningSignupFactory())}


EXPECTED = {
    "movement:morning_list": (lambda o: {}, EVERYONE),
    "movement:morning_feed": (lambda o: {}, EVERYONE),
    "movement:morning_detail": (_morning, EVERYONE),
    "movement:morning_signup_sent": (_morning, EVERYONE),
    "movement:morning_signup_confirm": (_confirm_token, EVERYONE),
    "movement:morning_signup_withdraw": (_withdraw_token, EVERYONE),
    "movement:morning_manage": (lambda o: {}, STAFF_ONLY),
    "movement:morning_plan": (lambda o: {}, STAFF_ONLY),
    "movement:morning_participants": (_morning, STAFF_ONLY),
    "movement:morning_edit": (_morning, STAFF_ONLY),
    "movement:morning_cancel": (_morning, STAFF_ONLY),
    "movement:morning_signup_decide": (_signup, POST_ONLY),
}
