"""No governance page grows with the history: with 20 years of memos, votes, decisions and
meetings each main page is as large as with 2 years (lists are paginated, choices bounded).
A year adds a link to the decision list's year filter: the few KB of slack cover that."""

import pytest
from django.urls import reverse

from governance.models import Memo
from tests.governance.history import build_history, open_memo, years_back

pytestmark = pytest.mark.django_db

SLACK = 1.15  # relative: names and numbers get a digit longer
EXTRA = 3000  # absolute: the decision list's year links (about 150 bytes a year)


def _pages(staff_client, voter_client, body, voting: Memo) -> dict[str, int]:
    decided = Memo.objects.filter(body=body, status=Memo.Status.DECIDED).latest("memo_date")
    urls = {
        "overview": (staff_client, reverse("governance:overview")),
        "memo list": (staff_client, reverse("governance:memo_list")),
        "memo list, decided": (
            voter_client,
            reverse("governance:memo_list") + f"?body={body.pk}&status=decided",
        ),
        "memo page": (voter_client, reverse("governance:memo_detail", args=[decided.pk])),
        "voting page": (voter_client, reverse("governance:memo_vote", args=[voting.pk])),
        "voting page, decided": (
            staff_client,
            reverse("governance:memo_vote", args=[decided.pk]),
        ),
        "my votes": (voter_client, reverse("governance:my_votes")),
        "decision list": (staff_client, reverse("governance:decision_list", args=[body.pk])),
        "meetings": (voter_client, reverse("governance:meeting_list")),
    }
    sizes = {}
    for name, (client, url) in urls.items():
        response = client.get(url)
        assert response.status_code == 200, name
        sizes[name] = len(response.content)
    return sizes


def test_no_governance_page_grows_with_the_years(client, staff, db_member, db_body):
    from django.test import Client

    client.force_login(staff)
    voter = Client()
    voter.force_login(db_member)
    voting = open_memo(db_body)
    build_history(db_body, years_back(2))
    small = _pages(client, voter, db_body, voting)
    build_history(db_body, years_back(20, 3))
    large = _pages(client, voter, db_body, voting)
    grown = {
        name: (small[name], size)
        for name, size in large.items()
        if size > small[name] * SLACK + EXTRA
    }
    assert not grown, f"pages that grew with the years (2 years, 20 years): {grown}"
