"""Who may do what in the reflection app.

Staff write sessions, attention points and phase plans. Everyone logged in reads them.
A participant of a session writes only their own contributions, and only until the
session's date.
"""

from django.utils import timezone

from avk.permissions import is_staff
from reflection.models import ReflectionSession


def is_participant(user, session: ReflectionSession) -> bool:
    return user.is_authenticated and session.participants.filter(user=user).exists()


def can_contribute(user, session: ReflectionSession) -> bool:
    """Participants (and staff) until the day of the session."""
    if timezone.localdate() >= session.date:
        return False
    return is_staff(user) or is_participant(user, session)
