"""The movement's tasks: the daily clean-ups of sign-ups (AVG), the course reminders,
and the queuing of a mailing."""

from celery import shared_task

from movement.models import CourseSignup, MorningSignup, PilotSignup
from movement.services.learning import course_reminders_send, course_signups_expire
from movement.services.mailings import mailing_queue, mailings_resume
from movement.services.mornings import morning_signups_expire
from movement.services.pilots import pilot_signups_expire
from movement.services.signups import signups_forget_ended


@shared_task(acks_late=True, time_limit=300)
def expire_pilot_signups() -> int:
    """Daily: remove the pilot sign-ups left unconfirmed for 7 days, with their mails.
    Idempotent: a retry or a second run finds nothing more to remove."""
    return pilot_signups_expire()


@shared_task(acks_late=True, time_limit=300)
def queue_mailing(mailing_id: int) -> int:
    """Queue a mailing's mails for every subscribed reader (once each; idempotent). A run
    stopped by the time limit is taken up again by `resume_mailings`."""
    return mailing_queue(mailing_id=mailing_id)


@shared_task(acks_late=True, time_limit=300)
def resume_mailings() -> int:
    """Every ten minutes: ask again for mailings whose queuing task was lost."""
    return mailings_resume()


@shared_task(acks_late=True, time_limit=300)
def expire_course_signups() -> int:
    """Daily: remove the course sign-ups left unconfirmed for 7 days, with their mails.
    Idempotent: a retry or a second run finds nothing more to remove."""
    return course_signups_expire()


@shared_task(acks_late=True, time_limit=300)
def course_reminders() -> int:
    """Daily: the reminder to everyone with a place in what starts tomorrow. Idempotent:
    each mail has its own key, so a retry or a second run sends nothing twice."""
    return course_reminders_send()


@shared_task(acks_late=True, time_limit=300)
def expire_morning_signups() -> int:
    """Daily: remove the sign-ups for open mornings left unconfirmed for 7 days, with
    their mails. Idempotent: a retry or a second run finds nothing more to remove."""
    return morning_signups_expire()


@shared_task(acks_late=True, time_limit=300)
def forget_ended_signups() -> int:
    """Daily: delete the personal data of the sign-ups of every pilot, open morning and
    course that ended longer ago than the retention period. Idempotent."""
    return sum(
        signups_forget_ended(model=model) for model in (PilotSignup, MorningSignup, CourseSignup)
    )
