"""Absolute links for what people read outside the portal: e-mails and calendar feeds.

They all start with SITE_URL, the portal's one public address (`make run` sets it from
PORT), never with the host a request happened to arrive on: a mail is often built by a
worker with no request at all, and a link must work wherever it is read.
"""

from django.conf import settings
from django.urls import reverse


def absolute_url(path: str) -> str:
    """`path` (starting with /) on the portal's public address."""
    return settings.SITE_URL + path


def absolute_reverse(viewname: str, *args) -> str:
    """The absolute link to a named URL of the portal."""
    return absolute_url(reverse(viewname, args=args))
