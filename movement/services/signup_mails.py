"""The mails about a sign-up, shared by every kind of sign-up.

Every mail goes through the outbox (avk.emails) in the portal's language, with the
sign-up's withdraw link. Its key starts with the sign-up's own prefix, so withdrawing or
expiring a sign-up deletes all its mails (they hold the address and the name) in one go;
the rest of the key says what the mail is about, so each is queued once.
"""

import functools
import operator

from django.conf import settings
from django.db.models import Q
from django.utils import timezone, translation

from avk.emails import mail_queue
from avk.links import absolute_reverse
from avk.models import OutgoingMail
from movement.services.signup_links import withdraw_token


def mail_key(signup, what: str) -> str:
    """The outbox key of the mail about `signup` that `what` names."""
    return f"{_key_prefix(signup)}{what}"


def _key_prefix(signup) -> str:
    return f"signup:{signup._meta.label_lower}:{signup.pk}:"


def withdraw_link(signup) -> str:
    return absolute_reverse(signup.withdraw_url_name, withdraw_token(signup))


def signup_notify(*, signup, template: str, what: str, extra: dict | None = None) -> None:
    """Queue one mail about `signup` with its withdraw link: once per `what`, however
    often this is called. The links are secrets: blanked on the row once it is sent."""
    language = settings.LANGUAGE_CODE
    with translation.override(language):
        facts = signup.offer.mail_facts()
    mail_queue(
        key=mail_key(signup, what),
        to=signup.email,
        name=template,
        language=language,
        context={
            "name": signup.name,
            "offer": facts,
            "withdraw_link": withdraw_link(signup),
            **(extra or {}),
        },
        forget_after_sending=("withdraw_link", "confirm_link"),
    )


def status_notify(signup, *, moved_up: bool = False) -> None:
    """Tell the person the sign-up's new status (a place, the waiting list, declined)."""
    moment = f"{signup.decided_at or timezone.now():%Y%m%d%H%M%S%f}"
    signup_notify(
        signup=signup,
        template="signup_status",
        what=f"status:{signup.status}:{moment}",
        extra={"status": str(signup.status), "moved_up": moved_up},
    )


# Sign-ups whose mails are deleted with one query (the daily clean-ups may hold many).
FORGET_CHUNK = 200


def mails_forget(signups) -> None:
    """Delete the outbox rows of these sign-ups: they hold the address and the name."""
    signups = list(signups)
    for start in range(0, len(signups), FORGET_CHUNK):
        chunk = signups[start : start + FORGET_CHUNK]
        prefixes = [Q(key__startswith=_key_prefix(signup)) for signup in chunk]
        OutgoingMail.objects.filter(functools.reduce(operator.or_, prefixes)).delete()
