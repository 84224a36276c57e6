"""The learning offer: public pages for everyone (no login), staff's pages for staff only."""

from movement.services.signup_links import withdraw_token
from tests.matrix import EVERYONE, POST_ONLY, STAFF_ONLY
from tests.movement.factories_learning import CourseFactory, CourseSignupFactory


def _course(o):
    return {"pk": CourseFactory().pk}


def _signup(o):
    return {"pk": CourseSignupFactory().pk}


def _confirm_token(o):
    from movement.models import SignupStatus
    from movement.services.signup_links import token_hash

    CourseSignupFactory(
        status=SignupStatus.UNCONFIRMED, confirmed_at=None, token_hash=token_hash("matrix-l")
    )
    return {"token": "matrix-l"}


def _withdraw_token(o):
    return {"token": withdraw_token(CourseSignupFactory())}


EXPECTED = {
    "movement:course_list": (lambda o: {}, EVERYONE),
    "movement:course_detail": (_course, EVERYONE),
    "movement:course_signup_sent": (_course, EVERYONE),
    "movement:course_ical": (_course, EVERYONE),
    "movement:course_signup_confirm": (_confirm_token, EVERYONE),
    "movement:course_signup_withdraw": (_withdraw_token, EVERYONE),
    "movement:course_manage": (lambda o: {}, STAFF_ONLY),
    "movement:course_create": (lambda o: {}, STAFF_ONLY),
    "movement:course_edit": (_course, STAFF_ONLY),
    "movement:course_participants": (_course, STAFF_ONLY),
    "movement:course_participants_csv": (_course, STAFF_ONLY),
    "movement:course_attendance": (_course, STAFF_ONLY),
    "movement:course_signup_decide": (_signup, POST_ONLY),
}
