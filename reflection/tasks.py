import datetime

from celery import shared_task
from django.conf import settings
from django.utils import timezone

from reflection.models import ReflectionSession
from reflection.services.contributions import session_invite
from reflection.services.progress import effort_update_remind


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


@shared_task(acks_late=True, time_limit=300)
def effort_update_reminders() -> int:
    """Daily: remind owners whose progress update is due, once per effort per period.

    An update is due in the last 14 days of a period (up to and including its last day)
    when the period has no update yet, for a planned or running effort of an adopted plan
    whose owner has an e-mail address (reflection.services.progress.effort_update_remind).
    The mail is in the owner's language and links to the effort's page; its unique key
    makes a retry or a second beat run send nothing new.
    """
    return effort_update_remind()
