"""Reminders to partners' contact persons. Each is queued under a unique key, so it goes
out once per partner per period however often beat or a retry runs the task."""

import datetime

from django.conf import settings
from django.utils import timezone

from avk.emails import mail_queue
from avk.links import absolute_reverse
from partners.models import Partner
from partners.selectors import team as teams
from partners.selectors.commitment import with_current_package


def _contact_language(person) -> str:
    return person.user.language if person.user_id else "nl"


def _partners_with_contact():
    return (
        Partner.objects.filter(is_active=True, contact_person__isnull=False)
        .exclude(contact_person__email="")
        .select_related("contact_person__user")
    )


def commitment_renewal_remind(*, today: datetime.date | None = None) -> int:
    """Once a year, from the renewal date on, ask each contact person to check the commitment."""
    today = today or timezone.localdate()
    month, day = settings.AVK_COMMITMENT_RENEWAL_DATE
    if (today.month, today.day) < (month, day):
        return 0
    queued = 0
    for partner in with_current_package(_partners_with_contact(), on=today):
        contact = partner.contact_person
        mail = mail_queue(
            key=f"commitment-renewal:{partner.pk}:{today.year}",
            to=contact.email,
            name="commitment_renewal",
            language=_contact_language(contact),
            user_id=contact.user_id,
            kind="partners",
            context={
                "name": contact.name,
                "partner": partner.name,
                "package": partner.current_package_code or "",
                "year": today.year,
                "link": absolute_reverse("partners:commitment", partner.pk),
            },
        )
        queued += mail is not None
    return queued


def team_incomplete_remind(*, today: datetime.date | None = None) -> int:
    """Once a month, tell contact persons of partners whose AVK team is incomplete."""
    today = today or timezone.localdate()
    queued = 0
    for partner in teams.annotate_team_counts(_partners_with_contact()):
        counts = teams.counts_of(partner)
        if teams.is_complete(counts):
            continue
        contact = partner.contact_person
        mail = mail_queue(
            key=f"team-incomplete:{partner.pk}:{today:%Y-%m}",
            to=contact.email,
            name="team_incomplete",
            language=_contact_language(contact),
            user_id=contact.user_id,
            kind="partners",
            context={
                "name": contact.name,
                "partner": partner.name,
                "missing": [[g.role, g.missing] for g in teams.team_gaps(counts) if g.missing],
                "link": absolute_reverse("partners:team", partner.pk),
            },
        )
        queued += mail is not None
    return queued
