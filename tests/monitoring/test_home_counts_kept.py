"""Staff's start page keeps the programme's counts (avk.cache): each change of a row they
are drawn from shows on the next request, and a person's own counts are never shared."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from governance.models import DecisionReview, Memo
from partners.models import Commitment, Invitation, Package, TeamMember
from tests.factories import BodyFactory, PartnerFactory, PersonFactory
from tests.governance.factories import ActionItemFactory, DecisionFactory, MemoFactory
from tests.partners.factories_quickscan import QuickScanFactory


def _counts(client) -> dict:
    context = client.get(reverse("home")).context
    keys = ["partner_count", "body_count", "pending_invitations", "memos_in_voting",
            "memo_drafts", "reviews_due", "pending_proposals", "incomplete_teams",
            "scans_missing", "open_actions"]  # fmt: skip
    return {key: context.get(key) for key in keys}


@pytest.fixture
def seen(client, staff):
    client.force_login(staff)
    partner = PartnerFactory()
    body = BodyFactory()
    before = _counts(client)
    assert _counts(client) == before  # kept: the same on the second request
    return client, partner, body, before


def _partner_added(partner, body, staff):
    PartnerFactory()


def _partner_stops(partner, body, staff):
    partner.is_active = False
    partner.save()


def _body_added(partner, body, staff):
    BodyFactory()


def _invitation(partner, body, staff):
    Invitation.objects.create(
        email="nieuw@avk.example",
        name="Nieuw",
        token_hash="x" * 64,
        expires_at=timezone.now() + datetime.timedelta(days=7),
    )


def _memo_in_voting(partner, body, staff):
    MemoFactory(body=body, status=Memo.Status.VOTING)


def _review_due(partner, body, staff):
    DecisionReview.objects.create(
        decision=DecisionFactory(body=body),
        review_on=timezone.localdate(),
        owner=PersonFactory(),
    )


def _proposal(partner, body, staff):
    Commitment.objects.create(
        partner=partner,
        package=Package.objects.create(code="A", name="Kopgroep"),
        period_start=datetime.date(timezone.localdate().year, 1, 1),
        status=Commitment.Status.PROPOSED,
    )


def _team_complete(partner, body, staff):
    for role, need in {"bestuurder": 1, "manager": 2, "uitvoering": 2}.items():
        for _ in range(need):
            TeamMember.objects.create(partner=partner, person=PersonFactory(partner=partner),
                                      role=role)  # fmt: skip


def _scan_done(partner, body, staff):
    QuickScanFactory(partner=partner, year=timezone.localdate().year)


@pytest.mark.parametrize(
    "change",
    [
        _partner_added,
        _partner_stops,
        _body_added,
        _invitation,
        _memo_in_voting,
        _review_due,
        _proposal,
        _team_complete,
        _scan_done,
    ],
)
def test_a_change_shows_on_the_next_request(seen, staff, change):
    client, partner, body, before = seen
    change(partner, body, staff)
    assert _counts(client) != before


def test_a_persons_own_counts_are_not_kept_for_others(client, staff, db_member):
    from partners.models import Person

    PartnerFactory()
    ActionItemFactory(owner=Person.objects.get(user=db_member))
    client.force_login(staff)
    staff_counts = _counts(client)
    client.force_login(db_member)
    member_counts = _counts(client)
    assert (staff_counts["open_actions"], member_counts["open_actions"]) == (0, 1)
    # The programme's counts are for staff only.
    assert staff_counts["partner_count"] and member_counts["partner_count"] is None


def test_staff_spotlights_are_kept_until_one_changes(client, staff):
    from tests.monitoring.factories_experiences import SpotlightFactory

    partner = PartnerFactory(name="Cosis")
    client.force_login(staff)
    assert client.get(reverse("home")).context["spotlights"] == []
    spotlight = SpotlightFactory(partner=partner, title="Cosis uitgelicht")
    assert [s.title for s in client.get(reverse("home")).context["spotlights"]] == [
        "Cosis uitgelicht"
    ]
    spotlight.title = "Cosis in beeld"
    spotlight.save()
    assert b"Cosis in beeld" in client.get(reverse("home")).content
    partner.is_active = False  # a partner that stops is not featured any more
    partner.save()
    assert client.get(reverse("home")).context["spotlights"] == []


def test_bodies_without_experience_expert_are_kept_until_a_seat_changes(client, staff):
    from governance.models import Seat
    from tests.factories import SeatFactory

    body = BodyFactory(name="Stuurgroep")
    client.force_login(staff)
    assert client.get(reverse("home")).context["bodies_without_experience_expert"] == [body]
    SeatFactory(body=body, role=Seat.Role.EXPERIENCE_EXPERT)
    assert client.get(reverse("home")).context["bodies_without_experience_expert"] == []
