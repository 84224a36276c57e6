"""Permission matrix entries of the reflection sessions (see tests/matrix.py)."""

from tests.matrix import EVERYONE_LOGGED_IN, POST_ONLY, STAFF_ONLY
from tests.reflection.factories import AttentionPointFactory, ReflectionSessionFactory

EXPECTED = {
    # Without sessions the overview shows its empty state (with sessions it redirects to
    # the newest year: tested in test_sessions.py, since the matrix reads every 302 as a
    # redirect to the login page).
    "reflection:year_overview": (lambda o: {}, EVERYONE_LOGGED_IN),
    "reflection:year_detail": (
        lambda o: {"year": AttentionPointFactory().session.year},
        EVERYONE_LOGGED_IN,
    ),
    "reflection:session_create": (lambda o: {}, STAFF_ONLY),
    "reflection:session_edit": (lambda o: {"pk": ReflectionSessionFactory().pk}, STAFF_ONLY),
    "reflection:attention_point_create": (
        lambda o: {"pk": ReflectionSessionFactory().pk},
        STAFF_ONLY,
    ),
    "reflection:attention_point_edit": (lambda o: {"pk": AttentionPointFactory().pk}, STAFF_ONLY),
    # POST only, and for staff only: a GET is 405 for staff, 403 for everyone else.
    "reflection:attention_point_move": (
        lambda o: {"pk": AttentionPointFactory().pk},
        POST_ONLY
        | dict.fromkeys(["editor_a", "editor_b", "db_member", "sg_member", "outsider"], 403),
    ),
}
