"""Every URL of the portal x every persona -> the expected status.

The list of URLs comes from the URL conf: a new URL without an entry here or in a
`matrix_<area>.py` module (see tests/matrix.py) fails test_every_url_has_expectations.
Third-party URL sets (allauth under /account/, the admin under /beheer/) are covered by
their own tests below and in tests/avk/test_accounts.py.
"""

import importlib
from pathlib import Path

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from avk import documents
from avk.models import Document
from partners.services import invitations as partner_services
from tests.matrix import EVERYONE_LOGGED_IN, LOGIN, PERSONAS, STAFF_ONLY

THIRD_PARTY_PREFIXES = ("account/", "beheer/")
OWNER_AND_STAFF = dict.fromkeys(PERSONAS, 404) | {
    "anonymous": LOGIN,
    "staff": 200,
    "editor_a": 200,
}

# name -> (kwargs builder(objects), {persona: status for GET})
CORE = {
    "home": (lambda o: {}, dict.fromkeys(PERSONAS, 200)),
    "healthz": (lambda o: {}, dict.fromkeys(PERSONAS, 200)),
    "favicon": (lambda o: {}, dict.fromkeys(PERSONAS, 200)),
    "language_switch": (lambda o: {}, dict.fromkeys(PERSONAS, 405)),  # POST only
    "governance:overview": (lambda o: {}, EVERYONE_LOGGED_IN),
    "partners:partner_list": (lambda o: {}, EVERYONE_LOGGED_IN),
    "partners:partner_detail": (lambda o: {"pk": o["partner_b"].pk}, EVERYONE_LOGGED_IN),
    "partners:invitation_list": (lambda o: {}, STAFF_ONLY),
    "partners:invitation_accept": (
        lambda o: {"token": o["token"]},
        dict.fromkeys(PERSONAS, 200),
    ),
    "document_request": (
        lambda o: {"kind": "governance_overview"},
        dict.fromkeys(PERSONAS, 405) | {"anonymous": LOGIN},  # POST only
    ),
    "document_detail": (lambda o: {"pk": o["document"].pk}, OWNER_AND_STAFF),
    "document_download": (lambda o: {"pk": o["document"].pk}, OWNER_AND_STAFF),
    "document_retry": (
        lambda o: {"pk": o["document"].pk},
        dict.fromkeys(PERSONAS, 405) | {"anonymous": LOGIN},  # POST only
    ),
}


def _collect_expectations():
    expected = dict(CORE)
    root = Path(__file__).resolve().parent
    for path in sorted(root.rglob("matrix_*.py")):
        dotted = ".".join(("tests", *path.relative_to(root).with_suffix("").parts))
        area = importlib.import_module(dotted).EXPECTED
        overlap = expected.keys() & area.keys()
        assert not overlap, f"{dotted} repeats {sorted(overlap)}"
        expected.update(area)
    return expected


EXPECTED = _collect_expectations()


def _walk(patterns, prefix="", namespace=""):
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            ns = pattern.namespace or ""
            full_ns = f"{namespace}:{ns}" if namespace and ns else (ns or namespace)
            yield from _walk(pattern.url_patterns, route, full_ns)
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}:{pattern.name}" if namespace else pattern.name
            yield route, name


def portal_url_names():
    names = set()
    for route, name in _walk(get_resolver().url_patterns):
        if route.startswith(THIRD_PARTY_PREFIXES) or route.startswith("^static"):
            continue
        names.add(name or f"<unnamed {route}>")
    return names


def test_every_url_has_expectations():
    missing = portal_url_names() - EXPECTED.keys()
    assert not missing, f"URLs without an expected status per persona: {sorted(missing)}"
    stale = EXPECTED.keys() - portal_url_names()
    assert not stale, f"Expectations for URLs that no longer exist: {sorted(stale)}"
    for name, (_kwargs, statuses) in EXPECTED.items():
        assert set(statuses) == set(PERSONAS), f"{name} lacks a persona"


@pytest.fixture
def objects(personas, partner_a, partner_b, editor_a, staff, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _invitation, token = partner_services.invitation_create(
            invited_by=staff, email="new.person@example.org", name="New Person"
        )
        document = documents.document_request(
            user=editor_a, kind="governance_overview", language="nl"
        )
    document.refresh_from_db()
    assert document.status == Document.Status.READY
    return {
        **{name: user for name, user in personas.items() if user is not None},
        "partner_a": partner_a,
        "partner_b": partner_b,
        "token": token,
        "document": document,
    }


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_matrix(name, personas, objects, client_for):
    build_kwargs, statuses = EXPECTED[name]
    url = reverse(name, kwargs=build_kwargs(objects))
    failures = []
    for persona in PERSONAS:
        response = client_for(personas[persona]).get(url)
        if response.status_code != statuses[persona]:
            failures.append(f"{persona}: {response.status_code} (expected {statuses[persona]})")
        if statuses[persona] == LOGIN and response.status_code == LOGIN:
            assert response["Location"].startswith(reverse("account_login"))
    assert not failures, f"{url}: " + "; ".join(failures)


def test_admin_is_for_staff_only(personas, client_for):
    url = reverse("admin:index")
    for persona in PERSONAS:
        response = client_for(personas[persona]).get(url)
        expected = 200 if persona == "staff" else 302
        assert response.status_code == expected, persona


def test_forged_invitation_post_by_non_staff_is_refused(personas, client_for):
    url = reverse("partners:invitation_list")
    data = {"name": "Intruder", "email": "intruder@example.org"}
    for persona in ["editor_a", "editor_b", "db_member", "sg_member", "outsider"]:
        assert client_for(personas[persona]).post(url, data).status_code == 403
    assert client_for(None).post(url, data).status_code == LOGIN
    from partners.models import Invitation

    assert not Invitation.objects.filter(email="intruder@example.org").exists()
