"""Reading the mailings and what each brought: mails sent, and sign-ups through its link."""

from django.db.models import Count, Q

from avk.models import OutgoingMail
from movement.models import Mailing, SignupStatus

# A sign-up counts for its mailing once the address is confirmed; a withdrawn one still
# counts (the row stays, anonymised, so the figures stay true).
_COUNTED = ~Q(pilot_signups__status=SignupStatus.UNCONFIRMED) & Q(pilot_signups__isnull=False)


def mailings_for_staff():
    """Newest first, each with `signed_up` (one query for a page of them)."""
    return (
        Mailing.objects.select_related("pilot", "sent_by")
        .annotate(signed_up=Count("pilot_signups", filter=_COUNTED))
        .order_by("-created_at", "-pk")
    )


def mailing_for_staff(pk: int) -> Mailing | None:
    return mailings_for_staff().filter(pk=pk).first()


def mail_counts(mailing: Mailing) -> dict:
    """How many mails of `mailing` are sent, still waiting, or failed for good (one query
    on the outbox's key index)."""
    counts = dict(
        OutgoingMail.objects.filter(key__startswith=mailing.key_prefix)
        .values_list("status")
        .annotate(n=Count("pk"))
        .order_by()
    )
    waiting = counts.get(OutgoingMail.Status.PENDING, 0) + counts.get(OutgoingMail.Status.HELD, 0)
    return {
        "sent": counts.get(OutgoingMail.Status.SENT, 0),
        "waiting": waiting,
        "failed": counts.get(OutgoingMail.Status.FAILED, 0),
    }


def mailing_for_signup(pk, pilot) -> Mailing | None:
    """The mailing named in a pilot link's `via`, when it really called for that pilot."""
    if not str(pk or "").isdigit() or len(str(pk)) > 18:
        return None
    return Mailing.objects.filter(
        pk=int(pk), pilot=pilot, status__in=[Mailing.Status.SENDING, Mailing.Status.SENT]
    ).first()
