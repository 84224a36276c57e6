"""Permission matrix entries of the mail settings and the unsubscribe link (tests/matrix.py)."""

from avk.notifications import unsubscribe_token
from tests.matrix import EVERYONE_LOGGED_IN, PERSONAS

# Public (it works from a mail without logging in); logged in as someone other than the
# person it was made for, it is refused and changes nothing.
TOKEN_OWNER_OR_ANONYMOUS = dict.fromkeys(PERSONAS, 403) | {"anonymous": 200, "db_member": 200}

EXPECTED = {
    "notification_settings": (lambda o: {}, EVERYONE_LOGGED_IN),
    "notification_unsubscribe": (
        lambda o: {"token": unsubscribe_token(o["db_member"].pk, ["votes"])},
        TOKEN_OWNER_OR_ANONYMOUS,
    ),
}
