"""Writes of the personal calendar feeds: made on first use, and a new secret address
on request."""

from django.db import transaction

from avk.audit import audit_group, audit_record
from governance.models import CalendarFeed
from governance.models.meetings import new_feed_token


def calendar_feed_get_or_create(*, user) -> CalendarFeed:
    """The user's calendar feed, made on first use (two first visits at once make one)."""
    feed, _created = CalendarFeed.objects.get_or_create(user=user)
    return feed


def calendar_feed_rotate(*, user) -> CalendarFeed:
    """A new secret address for the user's feed: the old one stops working at once."""
    with transaction.atomic():
        feed = calendar_feed_get_or_create(user=user)
        feed = CalendarFeed.objects.select_for_update().get(pk=feed.pk)
        feed.token = new_feed_token()
        feed.save(update_fields=["token"])
        # The token itself is a secret: the audit trail records only that it changed.
        audit_record(
            actor=user,
            instance=feed,
            action="calendar_feed.rotated",
            group=audit_group("user", user.pk),
        )
    return feed
