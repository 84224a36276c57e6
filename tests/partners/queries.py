"""Query counts of a page that keeps rendered parts (avk.cache)."""

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from avk.cache import touch


def page_queries(client, url: str, models) -> tuple[int, int]:
    """The queries of `url` built afresh after a change to `models`, and then kept.

    The cache starts empty and a first request sets up the generations, so the count is
    that of a running portal, not of a cache's first minute."""
    cache.clear()
    assert client.get(url).status_code == 200
    touch(*models)
    counts = []
    for _ in range(2):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries))
    return counts[0], counts[1]
