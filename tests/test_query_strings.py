"""No query-string value makes a page, list or export answer 500.

Every URL of the permission matrix that staff may open is asked once to learn which
query-string parameters its view reads (the request records every lookup in request.GET,
so a filter read by a helper, a form or a selector counts too). Then each of those
parameters gets odd values, one at a time, as staff. The answer is the page (200), a
redirect, a 404 for an id that names nothing, or a 400 that says what is wrong.
"""

import pytest
from django.core.handlers.wsgi import WSGIRequest, get_bytes_from_wsgi
from django.http import QueryDict
from django.urls import reverse

from tests.test_permission_matrix import EXPECTED, objects  # noqa: F401 (fixture)

ODD_VALUES = [
    "²",
    "12345678901234567890",
    str(2**63 - 1),
    str(2**31),
    "-1",
    "0",
    "",
    "1.5",
    "1 OR 1=1",
    "\x00",
    "1\x00",
    "x" * 5000,
    "日本語 ‮evil",
    "٣",
    "-",
]

STAFF_PAGES = sorted(
    name for name, (_kwargs, statuses) in EXPECTED.items() if statuses["staff"] == 200
)


class RecordingQueryDict(QueryDict):
    """request.GET that notes every parameter name the view looks up."""

    def __init__(self, query_string, read: set, encoding=None):
        self.read = set()  # QueryDict's own filling looks keys up too: not the view's
        super().__init__(query_string, encoding=encoding)
        self.read = read

    def __getitem__(self, key):
        self.read.add(key)
        return super().__getitem__(key)

    def get(self, key, default=None):
        self.read.add(key)
        return super().get(key, default)

    def getlist(self, key, default=None):
        self.read.add(key)
        return super().getlist(key, default)

    def __contains__(self, key):
        self.read.add(key)
        return super().__contains__(key)


@pytest.fixture
def parameters_read(monkeypatch):
    """The set of query-string names the views read during the test."""
    read = set()

    def get(request):
        raw = get_bytes_from_wsgi(request.environ, "QUERY_STRING", "")
        return RecordingQueryDict(raw, read, encoding=request.encoding)

    monkeypatch.setattr(WSGIRequest, "GET", property(get))
    return read


@pytest.mark.parametrize("name", STAFF_PAGES)
def test_odd_query_values_never_answer_500(name, personas, objects, client_for, parameters_read):  # noqa: F811
    build_kwargs, _statuses = EXPECTED[name]
    url = reverse(name, kwargs=build_kwargs(objects))
    client = client_for(personas["staff"])
    assert client.get(url).status_code == 200
    parameters = set(parameters_read)
    failures = []
    for parameter in sorted(parameters):
        for value in ODD_VALUES:
            response = client.get(url, {parameter: value})
            status = response.status_code
            if status == 400:
                if not response.content.strip():
                    failures.append(f"{parameter}={value[:20]!r}: 400 without a message")
            elif status not in (200, 302, 404):
                failures.append(f"{parameter}={value[:20]!r}: {status}")
    assert not failures, f"{url} reads {sorted(parameters)}: " + "; ".join(failures)


FILTERS = {
    "partners:partner_list": {"kind", "municipality", "package"},
    "partners:export_directory": {"kind", "municipality", "package"},
    "partners:intervention_list": {"q", "municipality", "target_group", "partner", "status"},
    "partners:intervention_by_municipality": {"gemeente"},
    "partners:quickscan_overview": {"year"},
    "governance:memo_list": {"body", "status", "page"},
    "governance:action_list": {"status", "owner", "body", "page"},
    "governance:meeting_list": {"body", "page"},
    "governance:decision_list": {"year", "page"},
}


@pytest.mark.parametrize("name", sorted(FILTERS))
def test_the_filters_of_lists_and_exports_are_found(
    name,
    personas,
    objects,  # noqa: F811
    client_for,
    parameters_read,
):
    """The fuzzing above sees each list's and export's filters (a guard against a change
    that would quietly leave them out)."""
    assert name in STAFF_PAGES
    build_kwargs, _statuses = EXPECTED[name]
    client_for(personas["staff"]).get(reverse(name, kwargs=build_kwargs(objects)))
    assert FILTERS[name] <= parameters_read
