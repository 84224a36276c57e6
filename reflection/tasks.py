import datetime

from celery import shared_task
from django.conf import settings
from django.utils import timezone

from reflection.models import ReflectionSession
from reflection.services.contributions import session_invite


def invite_days() -> int:
    # A few weeks ahead by default; the setting lets the programme choose another window.
    return getattr(settings, "AVK_REFLECTION_INVITE_DAYS", 21)


def sessions_to_invite(*, today: datetime.date | None = None):
    """Sessions from tomorrow up to the invitation window: contributions close on the day."""
    today = today or timezone.localdate()
    return ReflectionSession.objects.filter(
        date__gt=today, date__lte=today + datetime.timedelta(days=invite_days())
    )


@shared_task(acks_late=True, time_limit=300)
def reflection_invitations() -> int:
    """Daily: invite the participants of sessions that are a few weeks away, once each."""
    return sum(session_invite(session=session) for session in sessions_to_invite())
