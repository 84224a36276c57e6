"""The pilots: public pages for everyone (no login), staff's pages for staff only."""

from movement.services.signup_links import withdraw_token
from tests.matrix import EVERYONE, POST_ONLY, STAFF_ONLY
from tests.movement.factories_pilots import PilotFactory, PilotSignupFactory


def _pilot(o):
    return {"pk": PilotFactory().pk}


def _signup(o):
    return {"pk": PilotSignupFactory().pk}


def _confirm_token(o):
    from movement.models import SignupStatus
    from movement.services.signup_links import token_hash

    PilotSignupFactory(
        status=SignupStatus.UNCONFIRMED, confirmed_at=None, token_hash=token_hash("matrix")
    )
    return {"token": "matrix"}


def _withdraw_token(o):
    return {"token": withdraw_token(PilotSignupFactory())}


EXPECTED = {
    "movement:pilot_list": (lambda o: {}, EVERYONE),
    "movement:pilot_detail": (_pilot, EVERYONE),
    "movement:pilot_signup_sent": (_pilot, EVERYONE),
    "movement:pilot_signup_confirm": (_confirm_token, EVERYONE),
    "movement:pilot_signup_withdraw": (_withdraw_token, EVERYONE),
    "movement:pilot_manage": (lambda o: {}, STAFF_ONLY),
    "movement:pilot_create": (lambda o: {}, STAFF_ONLY),
    "movement:pilot_edit": (_pilot, STAFF_ONLY),
    "movement:pilot_participants": (_pilot, STAFF_ONLY),
    "movement:pilot_participants_csv": (_pilot, STAFF_ONLY),
    "movement:pilot_signup_decide": (_signup, POST_ONLY),
}
