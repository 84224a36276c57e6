"""The admin shows the decision list and votes to staff, but never lets them change."""

import pytest
from django.urls import reverse

from tests.governance.factories import DecisionFactory, MemoSectionFactory, VoteFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser(staff):
    staff.is_superuser = True
    staff.save()
    return staff


def test_staff_browse_memos_votes_and_decisions(superuser, client_for):
    client = client_for(superuser)
    section = MemoSectionFactory()
    vote = VoteFactory()
    decision = DecisionFactory()
    for name, obj in [("memo", section.memo), ("vote", vote), ("decision", decision)]:
        assert client.get(reverse(f"admin:governance_{name}_changelist")).status_code == 200
        assert (
            client.get(reverse(f"admin:governance_{name}_change", args=[obj.pk])).status_code == 200
        )


def test_decisions_and_votes_cannot_be_changed_in_the_admin(superuser, client_for):
    client = client_for(superuser)
    decision = DecisionFactory(number="DB-2026-001")
    vote = VoteFactory(choice="for")
    for name in ("decision", "vote", "voterecord"):
        assert client.get(reverse(f"admin:governance_{name}_add")).status_code == 403
    response = client.post(
        reverse("admin:governance_decision_change", args=[decision.pk]), {"number": "DB-2026-999"}
    )
    assert response.status_code == 403
    client.post(reverse("admin:governance_decision_delete", args=[decision.pk]), {"post": "yes"})
    client.post(reverse("admin:governance_vote_change", args=[vote.pk]), {"choice": "against"})
    decision.refresh_from_db()
    vote.refresh_from_db()
    assert (decision.number, vote.choice) == ("DB-2026-001", "for")
