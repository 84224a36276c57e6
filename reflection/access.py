"""Who may do what in the reflection app.

Staff write sessions, attention points and phase plans. Everyone logged in reads them.
A participant of a session writes only their own contributions, and only until the
session's date. An effort's progress is written by its owner (the person linked to
the login) and staff.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils import timezone

from avk.access import is_staff
from reflection.models import Effort, ReflectionSession


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


def can_write_progress(user, effort: Effort) -> bool:
    """The effort's owner and staff (whether the plan still takes updates is the
    service's rule: reflection.selectors.progress.takes_updates)."""
    if not user.is_authenticated:
        return False
    if is_staff(user):
        return True
    return effort.owner is not None and effort.owner.user_id == user.pk


def check_progress_writer(user, effort: Effort) -> None:
    """403 for whoever may read the effort (everyone logged in) but not write its progress."""
    if not can_write_progress(user, effort):
        raise PermissionDenied
