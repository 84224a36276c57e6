"""Permission matrix entries of "Wat bereiken we" and the dossiers (see tests/matrix.py)."""

from tests.matrix import EVERYONE, EVERYONE_LOGGED_IN
from tests.reflection.factories import AttentionPointFactory

EXPECTED = {
    "programme_results": (lambda o: {}, EVERYONE_LOGGED_IN),
    "public_results": (lambda o: {}, EVERYONE),
    # Everyone logged in reads a session, and so its dossier.
    "reflection_dossier": (
        lambda o: {"pk": AttentionPointFactory().session_id},
        EVERYONE_LOGGED_IN,
    ),
}
