"""A partner's quick-scan history stays bounded: the scan pages list the latest scans with
a link to a page of all of them, a page at a time. A scan's page is kept rendered
(avk.cache): a change shows on the next request, and an editor never gets staff's links."""

import pytest
from django.urls import reverse

from partners.models import QuickScan
from partners.selectors.quickscan import HISTORY_PER_PAGE, HISTORY_SHOWN
from partners.services.quickscan import Answer, current_year, quickscan_save
from tests.factories import UserFactory
from tests.partners.factories_quickscan import CriterionFactory, QuickScanFactory

YEAR = current_year()


def _page(client, user, url, **query) -> str:
    client.force_login(user)
    response = client.get(url, query)
    assert response.status_code == 200
    return response.content.decode()


def _scans(partner, years):
    QuickScan.objects.bulk_create(
        QuickScan(partner=partner, year=year, score=1, total=2) for year in years
    )


def _listed(page: str, partner) -> list[int]:
    """The years the page links to, in order."""
    prefix = f'href="/partners/{partner.pk}/quickscan/'
    return [int(part[:4]) for part in page.split(prefix)[1:] if part[:4].isdigit()]


def test_the_scan_pages_list_the_latest_scans_and_link_to_all(client, editor_a, partner_a):
    CriterionFactory()
    _scans(partner_a, range(YEAR - 19, YEAR + 1))
    all_url = reverse("partners:quickscan_history", args=[partner_a.pk])
    for url in (
        reverse("partners:quickscan_fill", args=[partner_a.pk]),
        reverse("partners:quickscan_detail", args=[partner_a.pk, YEAR - 3]),
    ):
        page = _page(client, editor_a, url)
        history = page.split('id="scan-history"', 1)[1]
        assert _listed(history, partner_a) == list(range(YEAR, YEAR - HISTORY_SHOWN, -1))
        assert f'href="{all_url}"' in history


def test_no_link_to_all_while_the_latest_are_all(client, editor_a, partner_a):
    _scans(partner_a, range(YEAR - HISTORY_SHOWN + 1, YEAR + 1))
    page = _page(client, editor_a, reverse("partners:quickscan_fill", args=[partner_a.pk]))
    assert len(_listed(page, partner_a)) == HISTORY_SHOWN
    assert reverse("partners:quickscan_history", args=[partner_a.pk]) not in page


def test_all_scans_come_a_page_at_a_time(client, editor_a, partner_a):
    _scans(partner_a, range(YEAR - 19, YEAR + 1))
    url = reverse("partners:quickscan_history", args=[partner_a.pk])
    first = _page(client, editor_a, url)
    main = first.split("<main", 1)[1]
    assert _listed(main, partner_a)[:HISTORY_PER_PAGE] == list(
        range(YEAR, YEAR - HISTORY_PER_PAGE, -1)
    )
    assert "Pagina 1 van 2" in first
    second = _page(client, editor_a, url, page=2).split("<main", 1)[1]
    assert _listed(second, partner_a) == list(range(YEAR - HISTORY_PER_PAGE, YEAR - 20, -1))
    for odd in ("x", "0", "99999999999999999999"):
        assert _page(client, editor_a, url, page=odd)


def test_all_scans_of_a_partner_without_any(client, editor_a, partner_a):
    page = _page(client, editor_a, reverse("partners:quickscan_history", args=[partner_a.pk]))
    assert "Er is nog geen quickscan ingevuld." in page


def test_an_inactive_partner_has_no_scan_history(client, staff, partner_a):
    partner_a.is_active = False
    partner_a.save()
    client.force_login(staff)
    url = reverse("partners:quickscan_history", args=[partner_a.pk])
    assert client.get(url).status_code == 404


@pytest.fixture
def world(partner_a, staff):
    criterion = CriterionFactory(text="Er is een AVK-team")
    filler = UserFactory(full_name="Frida Vuller")
    scan = QuickScanFactory(
        partner=partner_a, year=YEAR, filled_by=filler, answers={criterion: True}
    )
    return {
        "partner": partner_a,
        "criterion": criterion,
        "filler": filler,
        "scan": scan,
        "staff": staff,
    }


def _rename(obj, field, value):
    setattr(obj, field, value)
    obj.save()


def _answer_via_service(w):
    quickscan_save(
        partner=w["partner"],
        year=YEAR,
        answers={w["criterion"].pk: Answer(met=True, note="Besproken in het MT")},
        user=w["filler"],
    )


KEPT = [
    (lambda w: _rename(w["scan"], "score", 0), "0 van de 1 punten"),
    (_answer_via_service, "Besproken in het MT"),
    (lambda w: _rename(w["criterion"], "text", "Nieuwe vraag"), "Nieuwe vraag"),
    (lambda w: _rename(w["criterion"], "is_active", False), "wordt niet meer gevraagd"),
    (lambda w: _rename(w["partner"], "name", "Hernoemd"), "Hernoemd"),
    (lambda w: _rename(w["filler"], "full_name", "Frida Nieuw"), "Frida Nieuw"),
    (
        lambda w: QuickScanFactory(partner=w["partner"], year=YEAR - 1),
        "/quickscan/{last_year}/",
    ),
]


@pytest.mark.parametrize(("change", "shown"), KEPT)
def test_a_change_shows_on_the_next_request(client, world, editor_a, change, shown):
    url = reverse("partners:quickscan_detail", args=[world["partner"].pk, YEAR])
    shown = shown.format(last_year=YEAR - 1)
    assert shown not in _page(client, editor_a, url)
    assert shown not in _page(client, editor_a, url)  # kept
    change(world)
    assert shown in _page(client, editor_a, url)


def test_an_editor_never_gets_the_staff_links_of_a_kept_scan(client, world, staff, editor_a):
    url = reverse("partners:quickscan_detail", args=[world["partner"].pk, YEAR])
    overview = reverse("partners:quickscan_overview")
    audit = reverse("partners:audit", args=[world["partner"].pk])
    page = _page(client, staff, url)
    assert overview in page and audit in page
    page = _page(client, editor_a, url)  # asked next: the page for an editor
    assert overview not in page and audit not in page
    assert "Er is een AVK-team" in page


def test_a_closed_years_scan_is_kept_apart_from_the_open_one(client, world, editor_a):
    QuickScanFactory(partner=world["partner"], year=YEAR - 1)
    pk = world["partner"].pk
    fill = f'href="{reverse("partners:quickscan_fill", args=[pk])}"'
    now = _page(client, editor_a, reverse("partners:quickscan_detail", args=[pk, YEAR]))
    closed = _page(client, editor_a, reverse("partners:quickscan_detail", args=[pk, YEAR - 1]))
    assert "Antwoorden wijzigen" in now and "Je kunt hem niet meer wijzigen." not in now
    assert "Antwoorden wijzigen" not in closed and "Je kunt hem niet meer wijzigen." in closed
    assert fill in now.split("<main", 1)[1]
