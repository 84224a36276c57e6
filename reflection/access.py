"""Who may do what in the reflection app.

Staff write sessions, attention points and phase plans. Everyone logged in reads them.
A participant of a session writes only their own contributions, and only until the
session's date.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils import timezone

from avk.access import is_staff
from reflection.models import ReflectionSession


def is_participant(user, session: ReflectionSession) -> bool:
    return user.is_authenticated and session.participants.filter(user=user).exists()


def can_contribute(user, session: ReflectionSession) -> bool:
    """Participants (and staff) until the day of the session."""
    if timezone.localdate() >= session.date:
        return False
    return is_staff(user) or is_participant(user, session)


def get_session_for_reader(user, pk) -> ReflectionSession:
    """A session for whoever may read it: everyone logged in (the login itself is checked
    by the middleware); 404 if it doesn't exist."""
    if not user.is_authenticated:
        raise PermissionDenied
    return get_object_or_404(ReflectionSession, pk=pk)


def get_session_for_participant(user, pk) -> ReflectionSession:
    """The session for its participants and staff: 404 if it doesn't exist, 403 otherwise."""
    session = get_object_or_404(ReflectionSession, pk=pk)
    if not (is_staff(user) or is_participant(user, session)):
        raise PermissionDenied
    return session
