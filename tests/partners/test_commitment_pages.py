"""The commitment changes page and a partner's commitment page stay bounded as the years
add up: the proposals waiting come first and all of them, the answered changes and a
partner's history a page at a time (the changes filtered by year and package). Their lists
are kept rendered (avk.cache): a change shows on the next request, and only staff ever get
the answer buttons."""

import datetime

import pytest
from django.urls import reverse

from partners.models import Commitment, Package
from partners.selectors.commitment import (
    CHANGES_PER_PAGE,
    COMMITMENT_PAGES_READ,
    TIMELINE_PER_PAGE,
)
from partners.services.commitment import commitment_decide
from tests.factories import PartnerFactory, UserFactory
from tests.partners.queries import page_queries

CHANGES = reverse("partners:commitment_changes")


@pytest.fixture
def packages(db):
    return {code: Package.objects.create(code=code, name=code) for code in "ABC"}


def _entries(partner, packages, years, *, status=Commitment.Status.IN_EFFECT, by=None):
    return Commitment.objects.bulk_create(
        Commitment(
            partner=partner,
            package=packages["ABC"[year % 3]],
            period_start=datetime.date(year, 1, 1),
            status=status,
            created_by=by,
        )
        for year in years
    )


def _page(client, user, url, **query) -> str:
    client.force_login(user)
    response = client.get(url, query)
    assert response.status_code == 200
    return response.content.decode()


def _waiting_and_recent(page: str) -> tuple[str, str]:
    """The proposals waiting, and the changes (both kept: no CSRF token in them)."""
    kept = page.split('id="proposals-heading"', 1)[1].split("</main>", 1)[0]
    assert "csrfmiddlewaretoken" not in kept
    return tuple(kept.split('id="recent-heading"'))


def _rows(page: str) -> int:
    return page.split("<tbody>", 1)[1].split("</tbody>", 1)[0].count("<tr>")


# --- the changes page ---------------------------------------------------------------------


def test_the_changes_page_shows_every_proposal_first_and_a_page_of_changes(
    client, staff, partner_a, partner_b, packages
):
    _entries(partner_a, packages, range(1990, 2020))  # thirty years recorded
    proposals = _entries(partner_b, packages, range(2031, 2031 + 30), status="proposed")
    first = _page(client, staff, CHANGES)
    waiting, recent = _waiting_and_recent(first)
    for proposal in proposals:  # on every page, all of them
        assert reverse("partners:commitment_decide", args=[proposal.pk]) in waiting
    assert _rows(recent) == CHANGES_PER_PAGE
    assert "Pagina 1 van 2" in first
    second = _page(client, staff, CHANGES, page=2)
    assert _rows(second) == 30 - CHANGES_PER_PAGE
    assert _waiting_and_recent(second)[0] == waiting
    assert "?page=1" in second  # the way back


def test_the_changes_filter_by_start_year_and_package(client, staff, partner_a, packages):
    _entries(partner_a, packages, range(2000, 2024))
    page = _page(client, staff, CHANGES, year=2010)
    assert _rows(page) == 1 and "1 januari 2010" in page
    page = _page(client, staff, CHANGES, package="B")
    assert _rows(page) == 8 and "→ A" not in page.split("<tbody>")[1]
    assert 'value="B" selected' in page
    assert _rows(_page(client, staff, CHANGES, year=2010, package="A")) == 1
    empty = _page(client, staff, CHANGES, year=1999)
    assert "Geen wijzigingen gevonden." in empty


@pytest.mark.parametrize(
    "query",
    [
        {"year": "abc"},
        {"year": "99999999999999999999"},
        {"year": "-5"},
        {"year": "\x00"},
        {"package": "Z"},
        {"package": "AB"},
        {"package": "a"},
        {"page": "abc"},
        {"page": "0"},
        {"page": "99999999999999999999"},
        {"page": "9999"},
    ],
)
def test_odd_filters_on_the_changes_page_are_no_filter(client, staff, partner_a, packages, query):
    _entries(partner_a, packages, range(2000, 2004))
    assert _rows(_page(client, staff, CHANGES, **query)) == 4


def test_answering_from_the_changes_page_returns_to_the_same_filtered_page(
    client, staff, partner_a, packages
):
    (proposal,) = _entries(partner_a, packages, [2030], status="proposed")
    page = _page(client, staff, CHANGES, package="A")
    form = page.split('id="decide-form"', 1)[1].split("</form>", 1)[0]
    assert 'name="csrfmiddlewaretoken"' in form
    assert 'name="next" value="/partners/convenant/?package=A"' in form
    assert 'formaction="/partners/convenant/' in _waiting_and_recent(page)[0]
    response = client.post(
        reverse("partners:commitment_decide", args=[proposal.pk]),
        {"decision": "decline", "next": "/partners/convenant/?package=A"},
    )
    assert response["Location"] == "/partners/convenant/?package=A"
    waiting, recent = _waiting_and_recent(_page(client, staff, CHANGES))
    assert "Er wachten geen voorstellen." in waiting and "Afgewezen" in recent


def test_the_changes_page_query_count_does_not_grow(client, staff, packages):
    client.force_login(staff)
    partner = PartnerFactory()
    _entries(partner, packages, [2024], by=staff)
    small = page_queries(client, CHANGES, COMMITMENT_PAGES_READ)
    for partner in PartnerFactory.create_batch(20):
        _entries(partner, packages, range(2005, 2025), by=UserFactory())
        _entries(partner, packages, [2030], status="proposed", by=UserFactory())
    large = page_queries(client, CHANGES, COMMITMENT_PAGES_READ)
    assert large == small
    assert large[1] < large[0]  # kept: no entries read


# --- a partner's commitment page ------------------------------------------------------------


def _commitment_url(partner) -> str:
    return reverse("partners:commitment", args=[partner.pk])


def test_a_partners_history_comes_a_page_at_a_time(client, editor_a, partner_a, packages):
    _entries(partner_a, packages, range(2000, 2000 + TIMELINE_PER_PAGE + 5))
    _entries(partner_a, packages, [2090], status="proposed")
    first = _page(client, editor_a, _commitment_url(partner_a))
    history = first.split('id="history-heading"', 1)[1]
    assert history.count('class="list-group-item"') == TIMELINE_PER_PAGE
    assert "1 januari 2090" in first.split('id="history-heading"', 1)[0]  # waiting, first
    assert first.count("Geldt nu") == 1 and "1 januari 2014" in history
    second = _page(client, editor_a, _commitment_url(partner_a), page=2)
    assert second.split('id="history-heading"', 1)[1].count('class="list-group-item"') == 5
    assert "Geldt nu" not in second and "Vervangen" in second
    assert "1 januari 2090" in second  # the proposal waits on every page
    odd = _page(client, editor_a, _commitment_url(partner_a), page="x")
    assert odd.split('id="history-heading"', 1)[1] == history


def test_the_commitment_page_query_count_does_not_grow(client, editor_a, partner_a, packages):
    client.force_login(editor_a)
    _entries(partner_a, packages, [2024], by=editor_a)
    url = _commitment_url(partner_a)
    small = page_queries(client, url, COMMITMENT_PAGES_READ)
    for year in range(2000, 2024):
        _entries(partner_a, packages, [year], by=UserFactory())
    _entries(partner_a, packages, [2030, 2031], status="proposed", by=UserFactory())
    _entries(partner_a, packages, [2032], status="declined", by=UserFactory())
    large = page_queries(client, url, COMMITMENT_PAGES_READ)
    assert large == small
    assert large[1] < large[0]


def test_only_staff_get_the_answer_buttons_of_the_kept_history(
    client, staff, editor_a, partner_a, packages
):
    (proposal,) = _entries(partner_a, packages, [2030], status="proposed")
    decide = reverse("partners:commitment_decide", args=[proposal.pk])
    url = _commitment_url(partner_a)
    page = _page(client, staff, url)
    assert f'formaction="{decide}"' in page and 'id="decide-form"' in page
    page = _page(client, editor_a, url)  # asked next: the page for an editor
    assert decide not in page and "decide-form" not in page
    assert "1 januari 2030" in page  # the editor sees the proposal waiting


# (page, who looks, the change, what the next request shows)
def _rename(obj, field, value):
    setattr(obj, field, value)
    obj.save()


@pytest.fixture
def world(partner_a, staff, packages):
    recorder = UserFactory(full_name="Rita Registratie")
    (entry,) = _entries(partner_a, packages, [2024], by=recorder)
    return {"partner": partner_a, "recorder": recorder, "entry": entry, "staff": staff}


def _new_entry(w, status):
    Commitment.objects.create(
        partner=w["partner"],
        package=Package.objects.create(code="Q", name="Nieuw pakket"),
        period_start=datetime.date(2025, 1, 1),
        status=status,
    )


def _decide(w):
    proposal = Commitment.objects.create(
        partner=w["partner"],
        package=Package.objects.get(code="B"),
        period_start=datetime.date(2026, 1, 1),
        status=Commitment.Status.PROPOSED,
    )
    commitment_decide(commitment=proposal, user=w["staff"], accept=True)


KEPT = [
    ("changes", lambda w: _new_entry(w, "in_effect"), "→ Q"),
    ("changes", lambda w: _new_entry(w, "proposed"), "→ Q"),
    ("changes", lambda w: _rename(w["partner"], "name", "Hernoemd"), "Hernoemd"),
    ("changes", lambda w: _rename(w["entry"].package, "code", "K"), "→ K"),
    ("changes", lambda w: _rename(w["recorder"], "full_name", "Rita Nieuw"), "Rita Nieuw"),
    ("history", lambda w: _new_entry(w, "in_effect"), "pakket Q"),
    ("history", lambda w: _new_entry(w, "proposed"), "pakket Q"),
    ("history", _decide, "Besloten door Saskia"),
    ("history", lambda w: _rename(w["entry"].package, "code", "K"), "pakket K"),
    ("history", lambda w: _rename(w["recorder"], "full_name", "Rita Nieuw"), "Rita Nieuw"),
]


@pytest.mark.parametrize(("page", "change", "shown"), KEPT)
def test_a_change_shows_on_the_next_request(client, world, page, change, shown):
    url = CHANGES if page == "changes" else _commitment_url(world["partner"])
    assert shown not in _page(client, world["staff"], url)
    assert shown not in _page(client, world["staff"], url)  # kept
    change(world)
    assert shown in _page(client, world["staff"], url)


def test_the_kept_empty_form_follows_the_packages_and_the_current_one(
    client, editor_a, partner_a, packages
):
    url = _commitment_url(partner_a)
    b_chosen = f'<option value="{packages["B"].pk}" selected>B: B</option>'
    assert " selected>" not in _page(client, editor_a, url).split('name="package"')[1]
    _entries(partner_a, packages, [2020])  # 2020 % 3: package B is current
    assert b_chosen in _page(client, editor_a, url)
    Package.objects.create(code="D", name="Nieuw pakket")
    assert "D: Nieuw pakket</option>" in _page(client, editor_a, url)
    client.force_login(editor_a)
    response = client.post(url, {"package": packages["A"].pk, "action": "record"})
    assert response.status_code == 200  # a bound form with its errors is never kept
    assert "Vul in wanneer het convenant is getekend." in response.content.decode()
    assert b_chosen in _page(client, editor_a, url)
