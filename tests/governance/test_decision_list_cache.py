"""A page of the decision list is kept rendered (avk.cache) until a row it shows changes,
per kind of reader: a change shows on the next request, and a reader who may see less
(no reasons, no staff links) never gets the fuller version."""

import datetime

import pytest
from django.urls import reverse

from governance.models import ConflictOfInterest, Decision, Seat
from governance.services.reviews import decision_review_set
from tests.factories import PersonFactory, SeatFactory
from tests.governance.factories_meetings import ClosedDecisionFactory

REASON = "Mijn organisatie levert de programmamanager."


def _entry(body, sequence, **kw):
    proposed = ClosedDecisionFactory(memo__body=body, text=f"voorstel {sequence}", **kw)
    return Decision.objects.create(
        body=body,
        year=2026,
        sequence=sequence,
        number=f"{body.short_name}-2026-{sequence:03d}",
        proposed_decision=proposed,
        decided_on=datetime.date(2026, 6, 19),
        result=proposed.result,
        text=proposed.text,
    )


@pytest.fixture
def shown(db_body, staff):
    entry = _entry(db_body, 1, memo__title="Eerste memo")
    seat = SeatFactory(body=db_body, role=Seat.Role.MEMBER, person__name="Lineke")
    return {"body": db_body, "entry": entry, "seat": seat, "staff": staff}


def _html(client, body) -> str:
    response = client.get(reverse("governance:decision_list", args=[body.pk]))
    assert response.status_code == 200
    return response.content.decode()


def _new_entry(shown):
    _entry(shown["body"], 2)
    return "DB-2026-002", None


def _retitle_memo(shown):
    memo = shown["entry"].proposed_decision.memo
    memo.title = "Andere titel"
    memo.save()
    return "Andere titel", "Eerste memo"


def _rename_body(shown):
    shown["body"].name = "Dagelijks Bestuur Nieuw"
    shown["body"].save()
    return "Dagelijks Bestuur Nieuw", None


def _conflict(shown):
    ConflictOfInterest.objects.create(
        decision=shown["entry"].proposed_decision, seat=shown["seat"], reason=REASON
    )
    return "Lineke (", None


def _review(shown):
    decision_review_set(
        user=shown["staff"],
        decision=shown["entry"],
        review_on=datetime.date.today() + datetime.timedelta(days=10),
        owner=PersonFactory(name="Olga Eigenaar"),
    )
    return "Olga Eigenaar", None


def _votes_counted(shown):
    proposed = shown["entry"].proposed_decision
    proposed.votes_for = 7
    proposed.save()
    return "7 voor", None


CHANGES = [_new_entry, _retitle_memo, _rename_body, _conflict, _review, _votes_counted]


@pytest.mark.parametrize("change", CHANGES, ids=lambda change: change.__name__.strip("_"))
def test_a_change_shows_on_the_next_request(client, shown, change):
    client.force_login(shown["staff"])
    assert "DB-2026-001" in _html(client, shown["body"])
    present, gone = change(shown)
    html = _html(client, shown["body"])
    if present:
        assert present in html
    if gone:
        assert gone not in html


def test_a_renamed_person_shows_on_the_next_request(client, shown):
    _conflict(shown)
    client.force_login(shown["staff"])
    assert "Lineke (" in _html(client, shown["body"])
    person = shown["seat"].person
    person.name = "Lineke de Boer"
    person.save()
    assert "Lineke de Boer (" in _html(client, shown["body"])


def test_staff_links_and_reasons_never_reach_an_outsider(client, shown, outsider):
    _conflict(shown)
    plan = reverse("governance:review_plan", args=[shown["entry"].pk])
    client.force_login(shown["staff"])
    html = _html(client, shown["body"])
    assert plan in html and REASON in html
    client.force_login(outsider)
    html = _html(client, shown["body"])
    assert "DB-2026-001" in html and "Lineke (" in html
    assert plan not in html and REASON not in html
    assert reverse("governance:action_create") not in html
