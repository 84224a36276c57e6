"""When beat runs the periodic tasks (settings.CELERY_BEAT_SCHEDULE)."""

from celery.schedules import crontab

BEAT_SCHEDULE = {
    # The outbox's and the documents' safety nets: what the queue lost is handed over again.
    "mail-sweep": {"task": "avk.tasks.mail_sweep", "schedule": 60},
    "documents-sweep": {"task": "avk.tasks.documents_sweep", "schedule": 60},
    "documents-purge": {"task": "avk.tasks.documents_purge", "schedule": 24 * 60 * 60},
    "commitment-renewal-reminders": {
        "task": "partners.tasks.commitment_renewal_reminders",
        "schedule": crontab(hour=9, minute=0),
    },
    "team-incomplete-reminders": {
        "task": "partners.tasks.team_incomplete_reminders",
        "schedule": crontab(day_of_month=1, hour=9, minute=30),
    },
    "reflection-invitations": {
        "task": "reflection.tasks.reflection_invitations",
        "schedule": crontab(hour=8, minute=30),
    },
    "effort-update-reminders": {
        "task": "reflection.tasks.effort_update_reminders",
        "schedule": crontab(hour=8, minute=45),
    },
    # Opens votings whose time has come and closes those past their deadline.
    "voting-advance": {"task": "governance.voting_advance", "schedule": 60},
    "governance-reminder-digests": {
        "task": "governance.reminder_digests",
        "schedule": crontab(hour=8, minute=0),
    },
    # The penvoerder's term ending soon; decisions due for review.
    "governance-daily-reminders": {
        "task": "governance.daily_reminders",
        "schedule": crontab(hour=9, minute=15),
    },
    # Pilot sign-ups never confirmed are removed after 7 days (AVG).
    "pilot-signups-expire": {
        "task": "movement.tasks.expire_pilot_signups",
        "schedule": crontab(hour=3, minute=20),
    },
    # Sign-ups for open mornings never confirmed are removed after 7 days (AVG).
    "morning-signups-expire": {
        "task": "movement.tasks.expire_morning_signups",
        "schedule": crontab(hour=3, minute=25),
    },
    # A year after a pilot, open morning or course ended, the personal data of its
    # sign-ups is deleted (AVG; settings.AVK_SIGNUP_RETENTION_DAYS).
    "signups-forget-ended": {
        "task": "movement.tasks.forget_ended_signups",
        "schedule": crontab(hour=3, minute=35),
    },
    # A mailing whose queuing task was lost (broker down, worker stopped) is resumed.
    "mailings-resume": {
        "task": "movement.tasks.resume_mailings",
        "schedule": 10 * 60,
    },
    # The notification preferences' digests of held mails (avk.digests).
    "notification-digests-daily": {
        "task": "avk.tasks.notification_digests",
        "schedule": crontab(hour=7, minute=0),
        "args": ["daily"],
    },
    "notification-digests-weekly": {
        "task": "avk.tasks.notification_digests",
        "schedule": crontab(day_of_week=1, hour=7, minute=0),
        "args": ["weekly"],
    },
    # --- learning: unconfirmed course sign-ups removed after 7 days (AVG); the reminder
    # the day before to everyone with a place in a course or learning meeting.
    "course-signups-expire": {
        "task": "movement.tasks.expire_course_signups",
        "schedule": crontab(hour=3, minute=25),
    },
    "course-reminders": {
        "task": "movement.tasks.course_reminders",
        "schedule": crontab(hour=10, minute=0),
    },
    # --- learning end
}
