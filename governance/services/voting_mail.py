"""The mail that tells the voters a voting has opened.

One mail per person holding a current voting seat of the memo's body (with a login and an
e-mail address): the memo, its proposed decisions, the deadline, a link to vote, and the
deadline as a calendar entry (an .ics attachment with the same UID as in the personal
feed). Guests and non-voting members get none. A seat-holder who declared a conflict of
interest on every proposed decision still gets it: they remain a voter of the body, and
the mail is how they learn the memo is there (a declaration can also still be withdrawn).

Kind "votes" of the notification preferences: at once, held for a digest, or not at all.
Key `vote-opened:<memo pk>:<user pk>`: a retried task, a rerun of beat or the safety net
in `voters_notify_missed` never mails anyone twice for one opening.
"""

import datetime

from django.conf import settings
from django.utils import formats, timezone, translation

from avk.emails import ATTACHMENTS, mail_queue_many
from avk.links import absolute_reverse
from avk.models import OutgoingMail
from governance.models import Memo
from governance.selectors.bodies import seat_users
from governance.selectors.calendar import deadline_calendar

TEMPLATE = "vote_opened"
KEY_PREFIX = "vote-opened:"
# The safety net looks this far back for openings whose mail was never queued.
MISSED_WINDOW = datetime.timedelta(days=1)
# ... and leaves the task queued at the opening this long to do it first.
MISSED_GRACE = datetime.timedelta(minutes=2)
QUEUE_SLICE = 500


def _voters(memo: Memo, today) -> list:
    """The users who vote for a current voting seat of the memo's body today: the
    seat-holder, or the substitute who holds the seat now (governance.access). Each once,
    with the name of the person they vote as. Two queries."""
    voters = seat_users([memo.body_id], on=today, voting=True)[memo.body_id]
    return [(voter.user, voter.person.name) for voter in voters]


def voters_notify(*, memo_id: int, now: datetime.datetime | None = None) -> int:
    """Queue the opening mail to every voter of a memo in voting; returns how many are new."""
    now = now or timezone.now()
    memo = Memo.objects.select_related("body").filter(pk=memo_id).first()
    if memo is None or memo.status != Memo.Status.VOTING or memo.voting_deadline is None:
        return 0
    decisions = list(memo.decisions.order_by("order", "id").values_list("text", flat=True))
    link = absolute_reverse("governance:memo_vote", memo.pk)
    shared: dict[str, dict] = {}  # per language: what every reader of it gets
    messages = []
    for user, person_name in _voters(memo, timezone.localdate(now)):
        language = user.language or settings.LANGUAGE_CODE
        if language not in shared:
            with translation.override(language):
                deadline = formats.date_format(
                    timezone.localtime(memo.voting_deadline), "j F Y, H:i"
                )
            ics = deadline_calendar(memo=memo, language=language, now=now)
            shared[language] = {
                "memo": memo.title,
                "body": memo.body.name,
                "decisions": decisions,
                "deadline_text": deadline,
                "link": link,
                ATTACHMENTS: [["stemming.ics", ics, "text/calendar"]],
            }
        messages.append(
            {
                "key": f"{KEY_PREFIX}{memo.pk}:{user.pk}",
                "to": user.email,
                "name": TEMPLATE,
                "language": language,
                "context": {**shared[language], "name": user.full_name or person_name},
                "user_id": user.pk,
                "kind": "votes",
            }
        )
    # Queued in slices, so the worker starts sending while the rest is still being written.
    return sum(
        mail_queue_many(messages[start : start + QUEUE_SLICE])
        for start in range(0, len(messages), QUEUE_SLICE)
    )


def voters_notify_missed(*, now: datetime.datetime | None = None) -> int:
    """The safety net (beat): memos opened within the last day whose opening mail was never
    queued (the task queue was down at the opening) are notified now."""
    now = now or timezone.now()
    memos = Memo.objects.filter(
        status=Memo.Status.VOTING,
        voting_opens_at__gte=now - MISSED_WINDOW,
        voting_opens_at__lte=now - MISSED_GRACE,
    ).values_list("pk", flat=True)
    queued = 0
    for pk in memos:
        if not OutgoingMail.objects.filter(key__startswith=f"{KEY_PREFIX}{pk}:").exists():
            queued += voters_notify(memo_id=pk, now=now)
    return queued
