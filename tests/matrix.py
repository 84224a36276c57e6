"""Building blocks for the permission matrix (tests/test_permission_matrix.py).

Each area declares its URLs in a module named `matrix_<area>.py` anywhere under tests/,
with a dict EXPECTED = {url name: (kwargs builder, {persona: GET status})}. A builder
gets `o`, a dict with partner_a, partner_b, staff, editor_a, editor_b, db_member,
sg_member, outsider, token (an open invitation), document (editor_a's PDF); it may make
more objects with factories (the database is available).
"""

PERSONAS = ["anonymous", "staff", "editor_a", "editor_b", "db_member", "sg_member", "outsider"]

LOGIN = 302  # anonymous visitors are sent to the login page
EVERYONE = dict.fromkeys(PERSONAS, 200)
EVERYONE_LOGGED_IN = dict.fromkeys(PERSONAS, 200) | {"anonymous": LOGIN}
STAFF_ONLY = dict.fromkeys(PERSONAS, 403) | {"anonymous": LOGIN, "staff": 200}
# Pages that change partner A: its editors and staff; everyone else logged in gets 403.
PARTNER_A_WRITERS = dict.fromkeys(PERSONAS, 403) | {
    "anonymous": LOGIN,
    "staff": 200,
    "editor_a": 200,
}
POST_ONLY = dict.fromkeys(PERSONAS, 405) | {"anonymous": LOGIN}
